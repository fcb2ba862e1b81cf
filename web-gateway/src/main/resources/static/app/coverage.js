// Coverage: the catalog's prompts per principle as a matrix, each cell the strongest story for that
// prompt with its strength, gaps and over-stretched stories marked in words as well as colour. A
// candidate sees their own (a gap opens the editor for it); a coach sees a candidate of their
// cohorts (`?candidate=…`). The API answers only those two, so the page shows nothing else.
import { api, ApiError } from './api.js';
import { $, clear, h, param, say } from './dom.js';
import { layout, leaving } from './layout.js';
import { label, principleName } from './vocabulary.js';

const me = layout('coverage') || (await leaving());
const status = $('#coverage-status');
const error = $('#coverage-error');
const table = $('#matrix');
const select = $('#candidate');
const mine = (candidateId) => candidateId === me.userId;

select.addEventListener('change', () => load(select.value));
start();

async function start() {
  const asked = param('candidate');
  if (me.role === 'coach') {
    await offerCandidates(asked);
    if (!asked && !select.value) {
      status.textContent = '';
      say(error, 'No candidate in your cohorts yet.');
      return;
    }
  }
  load(asked || (me.role === 'coach' ? select.value : me.userId));
}

/** A coach chooses among their cohorts' candidates (their ids: names live with the accounts). */
async function offerCandidates(asked) {
  const candidates = [];
  for (const cohortId of me.cohortIds || []) {
    try {
      const { data } = await api('GET', `/api/cohorts/${encodeURIComponent(cohortId)}`);
      for (const id of data.candidateIds || []) candidates.push({ id, cohortId });
    } catch {
      // a cohort that cannot be read adds nobody
    }
  }
  if (asked && !candidates.some((candidate) => candidate.id === asked)) candidates.unshift({ id: asked, cohortId: '' });
  clear(
    select,
    candidates.map((candidate) => h('option', { value: candidate.id }, `Candidate ${candidate.id.slice(0, 8)}${candidate.cohortId ? ` (cohort ${candidate.cohortId})` : ''}`)),
  );
  if (asked) select.value = asked;
  $('#candidate-form').hidden = candidates.length === 0;
}

async function load(candidateId) {
  say(error, '');
  status.textContent = 'Loading coverage…';
  table.hidden = true;
  if (!mine(candidateId)) history.replaceState(null, '', `?candidate=${encodeURIComponent(candidateId)}`);
  try {
    const { data } = await api('GET', `/api/candidates/${encodeURIComponent(candidateId)}/coverage`);
    render(data, mine(candidateId));
    status.textContent = '';
  } catch (failure) {
    status.textContent = '';
    for (const id of ['#coverage-summary', '#stretched-section', '#gaps-section']) $(id).hidden = true;
    say(
      error,
      failure instanceof ApiError && (failure.status === 404 || failure.status === 403)
        ? 'This candidate does not exist, or their coverage is not yours to see.'
        : `Coverage could not be loaded: ${failure.message}`,
    );
  }
}

function render(coverage, own) {
  const heading = own ? 'My coverage' : `Coverage of candidate ${coverage.candidateId.slice(0, 8)}`;
  $('#coverage-heading').textContent = heading;
  $('#drills-link').hidden = own;
  $('#drills-link a').href = `/drills.html?candidate=${encodeURIComponent(coverage.candidateId)}`;
  document.title = `${heading} · Story Bank`;
  const stretched = new Map((coverage.stretched || []).map((story) => [story.storyId, story]));
  const principles = coverage.principles || [];
  const columns = Math.max(0, ...principles.map((principle) => principle.prompts.length));
  let cells = 0;
  let gaps = 0;
  clear(
    $('#matrix-head'),
    h('th', { scope: 'col' }, 'Principle'),
    Array.from({ length: columns }, (_, index) => h('th', { scope: 'col' }, `Prompt ${index + 1}`)),
  );
  clear(
    table.tBodies[0],
    principles.map((principle) =>
      h(
        'tr',
        { dataset: { principle: principle.principle } },
        h(
          'th',
          { scope: 'row' },
          h('div', { class: 'principle-name' }, principle.name || principleName(principle.principle)),
          strength(principle.strength),
          h('div', { class: 'hint' }, `${principle.taggedStories} tagged ${principle.taggedStories === 1 ? 'story' : 'stories'}`),
        ),
        Array.from({ length: columns }, (_, index) => {
          const prompt = principle.prompts[index];
          if (!prompt) return h('td', { class: 'empty' });
          cells++;
          if (!prompt.covered) gaps++;
          return cell(principle, prompt, stretched, own);
        }),
      ),
    ),
  );
  table.hidden = false;
  say(
    $('#summary'),
    `${coverage.stories} ${coverage.stories === 1 ? 'story' : 'stories'} in the bank (archived ones left out). ` +
      `${cells - gaps} of ${cells} catalog prompts covered, ${gaps} ${gaps === 1 ? 'gap' : 'gaps'}; ` +
      `${stretched.size} over-stretched ${stretched.size === 1 ? 'story' : 'stories'}.`,
  );
  $('#coverage-summary').hidden = false;
  clear(
    $('#stretched'),
    [...stretched.values()].map((story) =>
      h('li', { dataset: { storyId: story.storyId } }, storyLink(story), `: ${story.reason}.`),
    ),
  );
  $('#stretched-section').hidden = stretched.size === 0;
  clear(
    $('#gaps'),
    (coverage.gaps || []).map((gap) => h('li', { dataset: { principle: gap.principle } }, h('strong', {}, principleName(gap.principle)), `: ${gap.reason}.`)),
  );
  $('#gaps-section').hidden = (coverage.gaps || []).length === 0;
}

function cell(principle, prompt, stretched, own) {
  const story = prompt.bestStory;
  const over = story && prompt.covered ? stretched.get(story.storyId) : null;
  const classes = ['cell', prompt.covered ? story.strength : 'gap', over ? 'stretched' : ''].filter(Boolean).join(' ');
  return h(
    'td',
    { class: classes, dataset: { prompt: prompt.prompt, covered: String(prompt.covered), storyId: prompt.covered ? story.storyId : null } },
    h('div', { class: 'prompt-text' }, `“${prompt.prompt}”`),
    prompt.covered
      ? [
          h('div', {}, storyLink(story)),
          h('div', {}, strength(story.strength), story.score === null || story.score === undefined ? null : ` score ${story.score}`),
          over ? h('div', { class: 'stretch-mark', title: over.reason }, `Stretched: ${over.reason.split(';')[0]}`) : null,
        ]
      : [
          own
            ? h(
                'a',
                {
                  class: 'gap-mark gap-link',
                  href: `/edit.html?${new URLSearchParams({ principle: principle.principle, prompt: prompt.prompt })}`,
                  'aria-label': `Gap: write a story for “${prompt.prompt}” (${principle.name})`,
                },
                'Gap: write a story',
              )
            : h('span', { class: 'gap-mark' }, 'Gap'),
          story ? h('div', { class: 'hint' }, 'Closest: ', storyLink(story), story.strength === 'weak' ? ' (weak)' : ` (fit ${Math.round((prompt.fit || 0) * 100)} %)`) : null,
        ],
  );
}

function storyLink(story) {
  return h('a', { href: `/story.html?id=${encodeURIComponent(story.storyId)}` }, story.title || '(untitled)');
}

function strength(id) {
  const names = { strong: 'Strong', adequate: 'Adequate', weak: 'Weak', unjudged: 'Not judged', none: 'None' };
  return h('span', { class: `strength ${id}` }, names[id] || label(id));
}
