// The STAR editor. As the candidate writes, the rubric judges the unsaved text (debounced, through
// POST /api/evaluations/preview) and marks the words each pitfall points at, in place. Nothing is
// saved until Save; an edit of an older version never overwrites a newer one silently (If-Match,
// then a 409 shows both versions and the candidate chooses).
import { api, ApiError } from './api.js';
import { verdictBadge } from './badges.js';
import { $, clear, h, param, say } from './dom.js';
import { layout, leaving } from './layout.js';
import { LEVELS, PRINCIPLES, STAR, label, pitfallName, principleName } from './vocabulary.js';

const MAX_FIELD = 8000;
const HINTS = {
  situation: 'Where and when; what was at stake.',
  task: 'What was yours to do, and why it was hard.',
  action: 'What you did: your decisions, in the first person.',
  result: 'What changed, with a figure; what you learned.',
};

layout(param('id') ? 'stories' : 'new') || (await leaving());

const form = $('#story-form');
const error = $('#editor-error');
const saveStatus = $('#save-status');
const rubric = $('#rubric');
const rubricStatus = $('#rubric-status');
const storyId = param('id');
let baseVersion = null;
let baseStory = null;

// --- the form -------------------------------------------------------------------------------------

for (const id of LEVELS) form.level.append(h('option', { value: id }, label(id)));
form.level.value = 'mid';
for (const [id, name] of Object.entries(PRINCIPLES)) {
  $('#principles').append(h('label', {}, h('input', { type: 'checkbox', name: 'principles', value: id }), name));
}
const areas = {};
const backdrops = {};
const counters = {};
for (const field of STAR) {
  const area = h('textarea', { id: field, name: field, maxlength: MAX_FIELD, rows: 3, 'aria-describedby': `${field}-hint ${field}-count`, spellcheck: 'true' });
  const backdrop = h('div', { class: 'backdrop', 'aria-hidden': 'true', dataset: { field } });
  areas[field] = area;
  backdrops[field] = backdrop;
  counters[field] = h('div', { class: 'counter', id: `${field}-count` });
  $('#star').append(
    h('label', { for: field }, label(field), ' ', h('span', { class: 'hint', id: `${field}-hint` }, HINTS[field])),
    h('div', { class: 'hl' }, backdrop, area),
    counters[field],
  );
  area.addEventListener('input', () => {
    fit(field);
    paint(field, []);
    schedulePreview();
  });
}
form.addEventListener('change', (event) => {
  if (event.target.name === 'principles' || event.target.name === 'level' || event.target.name === 'prompt') schedulePreview();
});
window.addEventListener('resize', () => STAR.forEach(fit));

function fit(field) {
  const area = areas[field];
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
  counters[field].textContent = `${area.value.length} / ${MAX_FIELD}`;
}

function values() {
  return {
    title: form.title.value.trim(),
    level: form.level.value,
    principles: [...form.querySelectorAll('input[name="principles"]:checked')].map((box) => box.value),
    prompt: form.prompt.value.trim(),
    ...Object.fromEntries(STAR.map((field) => [field, areas[field].value])),
  };
}

function fill(story) {
  form.title.value = story.title || '';
  form.level.value = story.level || 'mid';
  for (const box of form.querySelectorAll('input[name="principles"]')) box.checked = (story.principles || []).includes(box.value);
  for (const field of STAR) {
    areas[field].value = story[field] || '';
    fit(field);
  }
}

// --- live rubric verdict --------------------------------------------------------------------------

let timer = null;
let asked = 0;

function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(preview, 400);
}

async function preview() {
  const story = values();
  if (STAR.every((field) => !story[field].trim())) {
    rubricStatus.textContent = 'Write your story to see how an interviewer would judge it.';
    clear(rubric);
    return;
  }
  const ask = ++asked;
  rubricStatus.textContent = 'Judging your draft…';
  try {
    const { data } = await api('POST', '/api/evaluations/preview', {
      body: {
        principle: story.principles[0] || 'ownership',
        principles: story.principles,
        level: story.level,
        prompt: story.prompt,
        situation: story.situation,
        task: story.task,
        action: story.action,
        result: story.result,
      },
    });
    if (ask !== asked) return; // a newer draft is being judged
    rubricStatus.textContent = `Judged as ${principleName(data.principle)} at ${label(data.level)} level (not saved).`;
    showVerdict(data);
  } catch (failure) {
    if (ask === asked) rubricStatus.textContent = `The rubric could not judge this draft: ${failure.message}`;
  }
}

function showVerdict(evaluation) {
  const marks = Object.fromEntries(STAR.map((field) => [field, []]));
  for (const pitfall of evaluation.pitfalls) {
    for (const { field, start, end } of evidenceSpans(pitfall.evidence)) marks[field].push({ start, end, pitfall: pitfall.id });
  }
  STAR.forEach((field) => paint(field, marks[field]));
  clear(
    rubric,
    h(
      'div',
      { class: 'verdict-line' },
      h('span', { class: 'score', id: 'preview-score' }, String(evaluation.score)),
      verdictBadge(evaluation.score, evaluation.verdict, { withScore: false }),
      h('span', { id: 'meets-bar' }, evaluation.meetsBar ? `Meets the bar for ${evaluation.level}` : `Below the bar for ${evaluation.level}`),
    ),
    h('h3', {}, `Pitfalls (${evaluation.pitfalls.length})`),
    evaluation.pitfalls.length === 0
      ? h('p', {}, 'None found.')
      : h(
          'ul',
          { class: 'plain', id: 'pitfalls' },
          evaluation.pitfalls.map((pitfall) =>
            h(
              'li',
              { class: 'pitfall', dataset: { pitfall: pitfall.id } },
              h('div', { class: 'name' }, pitfallName(pitfall.id)),
              h('div', { class: 'evidence' }, pitfall.evidence),
              h('div', {}, pitfall.advice),
            ),
          ),
        ),
    h('h3', {}, 'Criteria'),
    h(
      'table',
      { class: 'criteria' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Why'))),
      h(
        'tbody',
        {},
        evaluation.criteria.map((criterion) =>
          h('tr', {}, h('td', {}, label(criterion.id)), h('td', {}, `${criterion.score} / 4`), h('td', {}, criterion.evidence)),
        ),
      ),
    ),
    h('h3', {}, 'Figures in the result'),
    evaluation.metrics.length === 0
      ? h('p', {}, 'No figure yet.')
      : h('ul', {}, evaluation.metrics.map((metric) => h('li', {}, `${metric.text} (${metric.kind})`))),
    h('h3', {}, 'Follow-up questions to prepare for'),
    h('ul', {}, evaluation.followUps.map((question) => h('li', {}, question))),
  );
}

/**
 * Where in the text a pitfall's evidence points: the evidence quotes the words as
 * `field: "…"`. The longest quoted run found in that field is marked.
 */
function evidenceSpans(evidence) {
  const spans = [];
  const opening = /\b(situation|task|action|result): "/g;
  let match;
  while ((match = opening.exec(evidence || '')) !== null) {
    const field = match[1];
    const text = areas[field].value;
    const from = match.index + match[0].length;
    let best = null;
    for (let close = evidence.indexOf('"', from); close !== -1; close = evidence.indexOf('"', close + 1)) {
      const quote = evidence.slice(from, close);
      const at = quote ? text.indexOf(quote) : -1;
      if (at !== -1) best = { field, start: at, end: at + quote.length };
    }
    if (best) spans.push(best);
  }
  return spans;
}

/** Redraws a field's backdrop: its text, with <mark>s under the words pitfalls point at. */
function paint(field, marks) {
  const text = areas[field].value;
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const pitfalls = [...new Set(marks.filter((mark) => mark.start <= start && mark.end >= end).map((mark) => mark.pitfall))];
    parts.push(
      pitfalls.length
        ? h('mark', { dataset: { pitfalls: pitfalls.join(' ') }, title: pitfalls.map(pitfallName).join(', ') }, piece)
        : piece,
    );
  }
  parts.push('\n');
  clear(backdrops[field], parts);
}

// --- saving ---------------------------------------------------------------------------------------

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(error, '');
  const story = values();
  if (!story.title) {
    say(error, 'Give the story a title.');
    form.title.focus();
    return;
  }
  const body = {
    title: story.title,
    level: story.level,
    principles: story.principles,
    situation: story.situation,
    task: story.task,
    action: story.action,
    result: story.result,
  };
  // a new story takes its prompt along; an existing one links it after the revision (its other
  // prompts and their angles stay as they are)
  if (!storyId) body.prompts = story.prompt ? [story.prompt] : [];
  const button = $('#save');
  button.disabled = true;
  saveStatus.textContent = 'Saving…';
  try {
    let { data } = storyId
      ? await api('PUT', `/api/stories/${encodeURIComponent(storyId)}`, { body, headers: { 'If-Match': `"${baseVersion}"` } })
      : await api('POST', '/api/stories', { body });
    if (storyId && story.prompt) {
      ({ data } = await api('POST', `/api/stories/${encodeURIComponent(storyId)}/prompts`, { body: { prompt: story.prompt, angle: '' } }));
    }
    location.assign(`/story.html?id=${encodeURIComponent(data.id)}&saved=${data.version}`);
  } catch (failure) {
    saveStatus.textContent = '';
    if (failure instanceof ApiError && failure.status === 409 && storyId) {
      await showConflict(story);
    } else {
      const field = failure instanceof ApiError ? failure.problem.field : null;
      say(error, `Not saved: ${failure.message}`);
      if (field && form[field]) form[field].focus();
    }
  } finally {
    button.disabled = false;
  }
});

// --- a stale save: both versions side by side ------------------------------------------------------

const MERGED = ['title', 'level', 'principles', ...STAR];
let theirs = null;

async function showConflict(mine) {
  const { data } = await api('GET', `/api/stories/${encodeURIComponent(storyId)}`);
  theirs = data;
  const rows = MERGED.filter((field) => show(mine[field]) !== show(theirs[field]));
  clear(
    $('#conflict-rows'),
    rows.map((field) =>
      h(
        'tr',
        { dataset: { field } },
        h('th', { scope: 'row' }, label(field)),
        h('td', { class: 'mine' }, show(mine[field])),
        h('td', { class: 'theirs' }, show(theirs[field])),
        h(
          'td',
          {},
          h('label', {}, h('input', { type: 'radio', name: `keep-${field}`, value: 'mine', checked: true }), ' mine'),
          h('label', {}, h('input', { type: 'radio', name: `keep-${field}`, value: 'theirs' }), ' saved'),
        ),
      ),
    ),
  );
  $('#conflict').hidden = false;
  say(error, `Not saved: this story was changed (now version ${theirs.version}) since you opened it.`);
  $('#conflict-heading').setAttribute('tabindex', '-1');
  $('#conflict-heading').focus();
}

function show(value) {
  if (Array.isArray(value)) return value.map(principleName).join(', ');
  return value ?? '';
}

$('#conflict-apply').addEventListener('click', () => {
  const chosen = values();
  for (const field of MERGED) {
    const keep = document.querySelector(`input[name="keep-${field}"]:checked`);
    if (keep && keep.value === 'theirs') chosen[field] = theirs[field];
  }
  fill(chosen);
  baseVersion = theirs.version;
  baseStory = theirs;
  $('#conflict').hidden = true;
  say(error, '');
  saveStatus.textContent = `Merged onto version ${theirs.version}: check the text, then save.`;
  schedulePreview();
  form.title.focus();
});
$('#conflict-cancel').addEventListener('click', () => {
  $('#conflict').hidden = true;
  form.title.focus();
});

// --- start ----------------------------------------------------------------------------------------

async function start() {
  if (!storyId) {
    prefill();
    STAR.forEach(fit);
    form.title.focus();
    return;
  }
  $('#editor-heading').textContent = 'Edit story';
  document.title = 'Edit story · Story Bank';
  $('#cancel').href = `/story.html?id=${encodeURIComponent(storyId)}`;
  try {
    const { data } = await api('GET', `/api/stories/${encodeURIComponent(storyId)}`);
    baseStory = data;
    baseVersion = data.version;
    fill(data);
    clear($('#prompts'), (data.prompts || []).map((link) => h('li', { class: 'chip' }, link.text)));
    schedulePreview();
  } catch (failure) {
    say(error, failure instanceof ApiError && (failure.status === 404 || failure.status === 403)
      ? 'This story does not exist, or it is not yours to edit.'
      : `The story could not be loaded: ${failure.message}`);
    form.hidden = true;
  }
}

/** A new story for a coverage gap: `?principle=…&prompt=…` ticks the principle, fills the prompt. */
function prefill() {
  const principle = param('principle');
  const box = principle ? form.querySelector(`input[name="principles"][value="${CSS.escape(principle)}"]`) : null;
  if (box) box.checked = true;
  if (param('prompt')) form.prompt.value = param('prompt').slice(0, 500);
  if (box || param('prompt')) $('#editor-heading').textContent = 'New story for a gap';
}

start();
