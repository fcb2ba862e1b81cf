// A coach reviews one story: the STAR text (select words to pin a comment to them) beside the
// rubric form of the story's principles (criteria 1–4 with evidence, pitfalls with evidence, notes,
// overall score and verdict). The form records a coach evaluation of the revision on screen. Only
// a coach of the author's cohort may read or judge the story: anyone else gets the API's refusal
// and no data.
import { api, ApiError } from './api.js';
import { pinnedStar, selectedRange } from './comments.js';
import { principleChips, verdictBadge } from './badges.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { label, pitfallName, principleName } from './vocabulary.js';

const me = layout('cohort') || (await leaving());
const storyId = param('id');
const status = $('#review-status');
const error = $('#review-error');
const path = `/api/stories/${encodeURIComponent(storyId || '')}`;
let story = null;
let rubric = null;
let bar = 70;
let pending = null;
let overallTouched = false;
let verdictTouched = false;

async function load() {
  if (!storyId) {
    status.textContent = '';
    say(error, 'No story was named.');
    return;
  }
  // the text first; the rubric form follows as soon as the catalog arrives
  const catalog = api('GET', '/api/rubrics').then(
    (answer) => answer.data,
    (failure) => failure,
  );
  try {
    story = (await api('GET', path)).data;
  } catch (failure) {
    status.textContent = '';
    document.title = 'Story not found · Story Bank';
    say(
      error,
      failure instanceof ApiError && (failure.status === 404 || failure.status === 403)
        ? `This story does not exist, or it is not in a cohort you coach (the server answered ${failure.status}).`
        : `The story could not be loaded: ${failure.message}`,
    );
    return;
  }
  renderStory();
  $('#review').hidden = false;
  status.textContent = 'Loading the rubric…';
  const loaded = await catalog;
  if (loaded instanceof Error) {
    status.textContent = '';
    say(error, `The rubric could not be loaded: ${loaded.message}`);
    return;
  }
  rubric = loaded;
  bar = (rubric.levels || []).find((level) => level.id === story.level)?.bar ?? 70;
  buildForm();
  status.textContent = `Revision ${story.revision} of the story.`;
}

function renderStory() {
  document.title = `Review: ${story.title} · Story Bank`;
  $('#review-heading').textContent = `Review: ${story.title}`;
  const automatic = story.latestEvaluations?.automatic;
  const coach = story.latestEvaluations?.coach;
  clear(
    $('#review-meta'),
    principleChips(story.principles),
    h('span', {}, `Level: ${label(story.level)}`),
    h('span', {}, `Candidate ${String(story.authorId).slice(0, 8)}`),
    h('span', {}, `Revision ${story.revision}, changed ${when(story.updatedAt)}`),
    automatic ? h('span', {}, 'Automatic: ', verdictBadge(automatic.result.score, automatic.result.verdict)) : null,
    coach ? h('span', { id: 'last-review' }, `Your last review (revision ${coach.revision}): `, verdictBadge(coach.result.score, coach.result.verdict)) : null,
    h('a', { href: `/story.html?id=${encodeURIComponent(story.id)}` }, 'Story and history'),
  );
  clear($('#star'), pinnedStar(story, { me, onChange: reloadStory, selectable: true }));
}

async function reloadStory() {
  try {
    story = (await api('GET', path)).data;
    renderStory();
  } catch (failure) {
    say(error, `The story could not be reloaded: ${failure.message}`);
  }
}

// --- pinning a comment to selected words -------------------------------------------------------

let selectionTimer = null;
document.addEventListener('selectionchange', () => {
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(() => {
    const range = selectedRange($('#star'));
    if (!range) return;
    pending = range;
    $('#pin-quote').textContent = range.text;
    $('#pin-heading').textContent = `Comment on the selected words of the ${range.field}`;
    $('#pin-status').textContent = '';
    $('#pin-form').hidden = false;
  }, 120);
});

$('#pin-cancel').addEventListener('click', () => {
  pending = null;
  $('#pin-form').hidden = true;
});

$('#pin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('#pin-text').value.trim();
  const state = $('#pin-status');
  if (!pending) return;
  if (!text) {
    state.textContent = 'Write the comment first.';
    $('#pin-text').focus();
    return;
  }
  $('#pin-save').disabled = true;
  state.textContent = 'Pinning…';
  try {
    await api('POST', `${path}/comments`, { body: { field: pending.field, start: pending.start, end: pending.end, text } });
    pending = null;
    $('#pin-text').value = '';
    $('#pin-form').hidden = true;
    await reloadStory();
    status.textContent = 'Comment pinned.';
  } catch (failure) {
    state.textContent = `Not pinned: ${problem(failure)}`;
  } finally {
    $('#pin-save').disabled = false;
  }
});

// --- the rubric form ---------------------------------------------------------------------------

function criteriaOf() {
  const seen = new Map();
  for (const id of story.principles || []) {
    const principle = (rubric.principles || []).find((p) => p.id === id);
    for (const criterion of principle?.criteria || []) if (!seen.has(criterion.id)) seen.set(criterion.id, criterion);
  }
  return [...seen.values()];
}

function pitfallsOf() {
  const all = new Map((rubric.pitfalls || []).map((pitfall) => [pitfall.id, pitfall]));
  for (const id of story.principles || []) {
    const principle = (rubric.principles || []).find((p) => p.id === id);
    for (const pitfall of principle?.pitfalls || []) if (!all.has(pitfall.id)) all.set(pitfall.id, pitfall);
  }
  return [...all.values()];
}

function buildForm() {
  const automatic = story.latestEvaluations?.automatic?.result;
  const autoScores = new Map((automatic?.criteria || []).map((c) => [c.id, c.score]));
  const autoPitfalls = new Map((automatic?.pitfalls || []).map((p) => [p.id, p.evidence]));
  const criteria = criteriaOf();
  $('#rubric-hint').textContent =
    `Judged against ${(story.principles || []).map((id) => principleName(id)).join(', ') || 'no principle'} at ${label(story.level)} level; the bar there is ${bar} of 100.` +
    (automatic ? ' The automatic evaluation is shown as a hint; your scores are your own.' : '');
  clear(
    $('#criteria'),
    h('legend', {}, 'Criteria, 1 (absent) to 4 (exemplary)'),
    criteria.length ? criteria.map((criterion) => criterionInput(criterion, autoScores.get(criterion.id))) : h('p', {}, 'The story has no principle with criteria.'),
  );
  clear(
    $('#pitfall-choices'),
    h('legend', {}, 'Pitfalls you see'),
    pitfallsOf().map((pitfall) => pitfallInput(pitfall, autoPitfalls)),
  );
  $('#overall').addEventListener('input', () => {
    overallTouched = true;
    suggestVerdict();
  });
  $('#verdict').addEventListener('change', () => {
    verdictTouched = true;
  });
  suggest();
  $('#submit-review').disabled = false;
}

function criterionInput(criterion, automaticScore) {
  const descriptor = h('p', { class: 'hint descriptor', id: `descriptor-${criterion.id}` }, automaticScore ? `Automatic: ${automaticScore}` : '');
  return h(
    'fieldset',
    { class: 'criterion', dataset: { criterion: criterion.id } },
    h('legend', {}, criterion.name || label(criterion.id)),
    h(
      'div',
      { class: 'scale', role: 'presentation' },
      [1, 2, 3, 4].map((score) =>
        h(
          'label',
          { title: criterion.descriptors?.[score] || '' },
          h('input', {
            type: 'radio',
            name: `criterion-${criterion.id}`,
            value: String(score),
            'aria-describedby': descriptor.id,
            onchange: () => {
              descriptor.textContent = `${score}: ${criterion.descriptors?.[score] || ''}${automaticScore ? ` (automatic: ${automaticScore})` : ''}`;
              suggest();
            },
          }),
          String(score),
        ),
      ),
    ),
    descriptor,
    h('label', { for: `evidence-${criterion.id}`, class: 'small' }, 'Evidence'),
    h('input', { type: 'text', id: `evidence-${criterion.id}`, name: `evidence-${criterion.id}`, maxlength: 1000 }),
  );
}

function pitfallInput(pitfall, automatic) {
  const evidence = h('input', { type: 'text', id: `pitfall-evidence-${pitfall.id}`, name: `pitfall-evidence-${pitfall.id}`, maxlength: 1000, value: automatic.get(pitfall.id) || '' });
  const evidenceBox = h('div', { class: 'pitfall-evidence' }, h('label', { for: evidence.id, class: 'small' }, `Evidence of ${pitfall.name || pitfallName(pitfall.id)}`), evidence);
  evidenceBox.hidden = true;
  return h(
    'div',
    { class: 'pitfall-choice', dataset: { pitfall: pitfall.id } },
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        name: 'pitfall',
        value: pitfall.id,
        onchange: (event) => {
          evidenceBox.hidden = !event.target.checked;
          suggest();
        },
      }),
      pitfall.name || pitfallName(pitfall.id),
      automatic.has(pitfall.id) ? h('span', { class: 'hint' }, ' (the automatic evaluation found it)') : null,
    ),
    evidenceBox,
  );
}

function chosenScores() {
  return [...document.querySelectorAll('#criteria fieldset.criterion')].map((set) => ({
    id: set.dataset.criterion,
    score: Number(set.querySelector('input[type=radio]:checked')?.value || 0),
    evidence: set.querySelector('input[type=text]').value.trim(),
  }));
}

function chosenPitfalls() {
  return [...document.querySelectorAll('#pitfall-choices input[name=pitfall]:checked')].map((box) => ({
    id: box.value,
    evidence: $(`#pitfall-evidence-${CSS.escape(box.value)}`).value.trim(),
  }));
}

/** Until the coach sets them, the overall score follows the criteria and the verdict the score. */
function suggest() {
  const scored = chosenScores().filter((c) => c.score > 0);
  if (!overallTouched && scored.length) {
    const average = scored.reduce((sum, c) => sum + c.score, 0) / scored.length;
    $('#overall').value = String(Math.max(0, Math.round(((average - 1) / 3) * 100) - 5 * chosenPitfalls().length));
  }
  $('#overall-hint').textContent = scored.length
    ? `Suggested from the criteria (average mapped to 0–100, 5 off per pitfall) until you change it. The bar at ${label(story.level)} level is ${bar}.`
    : '';
  suggestVerdict();
}

function suggestVerdict() {
  const score = Number($('#overall').value);
  if (verdictTouched || $('#overall').value === '' || Number.isNaN(score)) return;
  $('#verdict').value = score >= bar ? 'strong' : score >= bar - 20 ? 'mixed' : 'weak';
}

$('#review-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const formError = $('#review-form-error');
  say(formError, '');
  const criteria = chosenScores();
  const missing = criteria.find((c) => c.score === 0);
  if (missing) {
    say(formError, `Score every criterion: ${label(missing.id)} has no score yet.`);
    document.querySelector(`fieldset[data-criterion="${CSS.escape(missing.id)}"] input`).focus();
    return;
  }
  const raw = $('#overall').value;
  const score = Number(raw);
  if (raw === '' || !Number.isInteger(score) || score < 0 || score > 100) {
    say(formError, 'The overall score is a whole number from 0 to 100.');
    $('#overall').focus();
    return;
  }
  const verdict = $('#verdict').value;
  const body = {
    revision: story.revision,
    score,
    verdict,
    meetsBar: score >= bar && verdict !== 'weak',
    criteria,
    pitfalls: chosenPitfalls(),
    notes: $('#notes').value.trim(),
  };
  const button = $('#submit-review');
  button.disabled = true;
  status.textContent = 'Recording the evaluation…';
  try {
    const { data } = await api('POST', `${path}/evaluations`, { body });
    showResult(data, body);
    status.textContent = `Evaluation recorded for revision ${data.revision}.`;
    reloadStory();
  } catch (failure) {
    status.textContent = '';
    say(formError, `Not recorded: ${problem(failure)}`);
  } finally {
    button.disabled = false;
  }
});

function showResult(answer, body) {
  const section = $('#review-result');
  clear(
    $('#result-body'),
    h('p', { class: 'verdict-line' }, `Revision ${answer.revision}: `, verdictBadge(body.score, body.verdict), body.meetsBar ? ' meets the bar' : ' below the bar'),
    h('ul', { class: 'plain', id: 'result-criteria' }, body.criteria.map((c) => h('li', {}, `${label(c.id)}: ${c.score} / 4`, c.evidence ? h('span', { class: 'evidence' }, ` “${c.evidence}”`) : null))),
    body.pitfalls.length
      ? h('ul', { class: 'plain', id: 'result-pitfalls' }, body.pitfalls.map((p) => h('li', { class: 'pitfall', dataset: { pitfall: p.id } }, h('div', { class: 'name' }, pitfallName(p.id)), p.evidence ? h('div', { class: 'evidence' }, p.evidence) : null)))
      : h('p', {}, 'No pitfalls.'),
    body.notes ? h('p', {}, body.notes) : null,
  );
  section.hidden = false;
  section.focus();
}

function problem(failure) {
  const field = failure instanceof ApiError ? failure.problem.field : null;
  return field ? `${field}: ${failure.message}` : failure.message;
}

load();
