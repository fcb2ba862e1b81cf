// Practice drills: a candidate draws a prompt (their gaps first, then weak principles, then any),
// answers it with one of their stories (or writes a new one), reads the follow-up questions that
// story calls for, and rates their telling 1–5. History and a per-principle summary below. A coach
// opens /drills.html?candidate=… to read a candidate's drills.
import { api } from './api.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { LEVELS, PRINCIPLES, label, pitfallName, principleName } from './vocabulary.js';

const me = layout('drills') || (await leaving());
const candidate = me.role === 'candidate';
const candidateId = param('candidate');
const scope = candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : '';
const status = $('#drills-status');
const error = $('#drills-error');
const drawForm = $('#draw');
const drillSection = $('#drill');
const drillError = $('#drill-error');
const answerForm = $('#answer');
const rateForm = $('#rate');
let current = null;

const REASONS = { gap: 'a gap', weak: 'a weak principle', random: 'at random' };

function drillLink(drill) {
  return h('a', { class: 'story-title', href: `/drills.html?id=${encodeURIComponent(drill.id)}` }, drill.prompt);
}

async function loadHistory() {
  try {
    const [{ data: history }, { data: summary }] = await Promise.all([api('GET', `/api/drills${scope}`), api('GET', `/api/drills/summary${scope}`)]);
    status.textContent = history.length ? '' : candidate ? 'No drills yet: draw a prompt above.' : 'This candidate has not practised yet.';
    clear(
      $('#history'),
      history.map((drill) =>
        h(
          'li',
          { class: 'drill', dataset: { drillId: drill.id, status: drill.status } },
          h('div', { class: 'story-head' }, drillLink(drill)),
          h(
            'div',
            { class: 'meta' },
            h('span', {}, principleName(drill.principle)),
            h('span', {}, `Level: ${label(drill.level)}`),
            h('span', {}, `Drawn as ${REASONS[drill.reason] || drill.reason}`),
            h('span', { class: 'drill-status' }, drill.status === 'rated' ? `Rated ${drill.rating} of 5` : label(drill.status)),
            h('span', {}, when(drill.drawnAt)),
          ),
        ),
      ),
    );
    clear(
      $('#summary tbody'),
      summary.map((row) =>
        h(
          'tr',
          { dataset: { principle: row.principle } },
          h('td', {}, principleName(row.principle)),
          h('td', { class: 'drills' }, String(row.drills)),
          h('td', {}, String(row.rated)),
          h('td', { class: 'mean-rating' }, row.meanRating == null ? 'not rated' : row.meanRating.toFixed(1)),
          h('td', {}, when(row.lastPractised)),
        ),
      ),
    );
  } catch (failure) {
    status.textContent = '';
    say(error, failure.status === 404 ? 'These drills do not exist, or they are not yours to read.' : `The drills could not be loaded: ${failure.message}`);
  }
}

function renderFollowUps(details) {
  const part = $('#follow-ups-part');
  const drill = details.drill;
  part.hidden = !drill.storyId;
  if (!drill.storyId) return;
  const note = $('#follow-ups-note');
  if (details.evaluatedRevision == null) {
    note.textContent = `Told with “${details.storyTitle || drill.storyId}”. It has not been judged yet: reload in a moment for questions on its weak spots.`;
  } else {
    note.textContent = `Told with “${details.storyTitle || drill.storyId}”; questions from its evaluation of revision ${details.evaluatedRevision}.`;
  }
  clear(
    $('#follow-ups'),
    details.followUps.map((followUp) =>
      h(
        'li',
        { class: 'follow-up', dataset: { probes: followUp.probes, target: followUp.target } },
        h('span', { class: 'question' }, followUp.question),
        h('span', { class: 'probes' }, `Probes ${probeText(followUp)}`),
        followUp.evidence ? h('span', { class: 'evidence' }, `From your story: “${followUp.evidence}”`) : null,
      ),
    ),
  );
}

function probeText(followUp) {
  switch (followUp.probes) {
    case 'pitfall':
      return `the pitfall “${pitfallName(followUp.target)}”`;
    case 'criterion':
      return `a weak criterion (${followUp.target})`;
    case 'metrics':
      return 'the missing figures in your result';
    default:
      return `what ${principleName(followUp.target)} asks of every story`;
  }
}

async function loadStories(principle) {
  const { data } = await api('GET', '/api/search/stories?size=100&sort=recency');
  const hits = [...data.hits].sort((a, b) => Number(b.principles.includes(principle)) - Number(a.principles.includes(principle)));
  clear(
    answerForm.storyId,
    hits.length ? null : h('option', { value: '' }, 'No stories yet: write one'),
    hits.map((hit) => h('option', { value: hit.storyId }, hit.principles.includes(principle) ? `${hit.title} (${principleName(principle)})` : hit.title)),
  );
}

function render(details) {
  current = details;
  const drill = details.drill;
  drillSection.hidden = false;
  drillSection.dataset.status = drill.status;
  $('#drill-principle').textContent = principleName(drill.principle);
  $('#drill-level').textContent = `Level: ${label(drill.level)}`;
  $('#drill-reason').textContent = REASONS[drill.reason] || drill.reason;
  $('#drill-prompt').textContent = drill.prompt;
  $('#drill-why').textContent = drill.why;
  const open = candidate && (drill.status === 'drawn' || drill.status === 'answered');
  answerForm.hidden = !open;
  $('#write-new').href = `/edit.html?principle=${encodeURIComponent(drill.principle)}&prompt=${encodeURIComponent(drill.prompt)}`;
  renderFollowUps(details);
  rateForm.hidden = !(candidate && drill.storyId && drill.status !== 'abandoned');
  $('#abandon-button').hidden = drill.status === 'rated';
  for (const input of rateForm.querySelectorAll('input[name=rating]')) input.checked = Number(input.value) === drill.rating;
  if (drill.status === 'abandoned') say(drillError, 'This drill was abandoned.');
}

async function showDrill(id) {
  say(drillError, '');
  try {
    const { data } = await api('GET', `/api/drills/${encodeURIComponent(id)}`);
    render(data);
    if (candidate && !answerForm.hidden) await loadStories(data.drill.principle);
  } catch (failure) {
    drillSection.hidden = true;
    say(error, failure.status === 404 ? 'This drill does not exist, or it is not yours.' : `The drill could not be loaded: ${failure.message}`);
  }
}

function problemText(failure, what) {
  const problem = failure.problem || {};
  return problem.field ? `${problem.field}: ${problem.rule}` : `${what}: ${failure.message}`;
}

async function draw(event) {
  event.preventDefault();
  say(error, '');
  const button = $('#draw-button');
  button.disabled = true;
  status.textContent = 'Drawing…';
  try {
    const body = { level: drawForm.level.value };
    if (drawForm.principle.value) body.principle = drawForm.principle.value;
    const { data } = await api('POST', '/api/drills', { body });
    status.textContent = '';
    history.pushState(null, '', `/drills.html?id=${encodeURIComponent(data.id)}`);
    await Promise.all([showDrill(data.id), loadHistory()]);
    $('#drill-prompt').focus();
  } catch (failure) {
    status.textContent = '';
    say(error, problemText(failure, 'Nothing was drawn'));
  } finally {
    button.disabled = false;
  }
}

async function answer(event) {
  event.preventDefault();
  say(drillError, '');
  if (!answerForm.storyId.value) {
    say(drillError, 'Choose a story, or write a new one first.');
    return;
  }
  try {
    const { data } = await api('POST', `/api/drills/${encodeURIComponent(current.drill.id)}/answer`, { body: { storyId: answerForm.storyId.value } });
    render(data);
    $('#follow-ups-part h3').setAttribute('tabindex', '-1');
    $('#follow-ups-part h3').focus();
    loadHistory();
  } catch (failure) {
    say(drillError, problemText(failure, 'The answer was not saved'));
  }
}

async function rate(event) {
  event.preventDefault();
  say(drillError, '');
  const chosen = rateForm.querySelector('input[name=rating]:checked');
  try {
    await api('PUT', `/api/drills/${encodeURIComponent(current.drill.id)}/rating`, { body: { rating: chosen ? Number(chosen.value) : null } });
    await Promise.all([showDrill(current.drill.id), loadHistory()]);
    status.textContent = `Rated ${chosen.value} of 5. Draw another when you are ready.`;
  } catch (failure) {
    say(drillError, problemText(failure, 'The rating was not saved'));
  }
}

async function abandon() {
  say(drillError, '');
  try {
    await api('DELETE', `/api/drills/${encodeURIComponent(current.drill.id)}`);
    await Promise.all([showDrill(current.drill.id), loadHistory()]);
  } catch (failure) {
    say(drillError, problemText(failure, 'The drill was not abandoned'));
  }
}

if (candidate) {
  drawForm.hidden = false;
  clear(drawForm.level, LEVELS.map((level) => h('option', { value: level, selected: level === 'mid' }, label(level))));
  clear(
    drawForm.principle,
    h('option', { value: '' }, 'Any (gaps first)'),
    Object.entries(PRINCIPLES).map(([id, name]) => h('option', { value: id }, name)),
  );
  clear(
    $('#rating-choices'),
    [1, 2, 3, 4, 5].map((n) => h('label', {}, h('input', { type: 'radio', name: 'rating', value: String(n) }), ` ${n}`)),
  );
  drawForm.addEventListener('submit', draw);
  answerForm.addEventListener('submit', answer);
  rateForm.addEventListener('submit', rate);
  $('#abandon-button').addEventListener('click', abandon);
} else if (!candidateId) {
  status.textContent = 'Open a candidate’s drills from their coverage page (“This candidate’s practice drills”).';
}
loadHistory();
if (param('id')) showDrill(param('id'));
