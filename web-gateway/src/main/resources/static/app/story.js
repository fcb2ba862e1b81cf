// One story: its text, latest evaluations, and its history (every revision and evaluation, oldest
// first). What the caller may not see answers 404/403 at the API; the page then says so and shows
// nothing else.
import { api, ApiError } from './api.js';
import { principleChips, verdictBadge } from './badges.js';
import { pinnedStar } from './comments.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { STAR, label, pitfallName } from './vocabulary.js';

const me = layout('stories') || (await leaving());
const storyId = param('id');
const status = $('#story-status');
const error = $('#story-error');
const article = $('#story');

async function load() {
  if (!storyId) {
    status.textContent = '';
    say(error, 'No story was named.');
    return;
  }
  try {
    const path = `/api/stories/${encodeURIComponent(storyId)}`;
    const [story, history] = await Promise.all([api('GET', path), api('GET', `${path}/history`)]);
    render(story.data, history.data);
    status.textContent = param('saved') !== null ? `Saved (version ${param('saved')}).` : '';
  } catch (failure) {
    status.textContent = '';
    document.title = 'Story not found · Story Bank';
    say(
      error,
      failure instanceof ApiError && (failure.status === 404 || failure.status === 403)
        ? 'This story does not exist, or it is not yours to see.'
        : `The story could not be loaded: ${failure.message}`,
    );
  }
}

function render(story, history) {
  document.title = `${story.title} · Story Bank`;
  const latest = story.latestEvaluations || {};
  const automatic = latest.automatic;
  clear(
    article,
    h('h1', { id: 'story-title' }, story.title),
    h(
      'div',
      { class: 'meta' },
      principleChips(story.principles),
      h('span', {}, `Level: ${label(story.level)}`),
      h('span', {}, `Status: ${label(String(story.status || '').toLowerCase())}`),
      h('span', {}, `Revision ${story.revision}, version ${story.version}`),
      h('span', {}, `Changed ${when(story.updatedAt)}`),
      automatic ? verdictBadge(automatic.result.score, automatic.result.verdict) : null,
    ),
    story.authorId === me.userId
      ? h('div', { class: 'actions' }, h('a', { class: 'button', href: `/edit.html?id=${encodeURIComponent(story.id)}` }, 'Edit'))
      : null,
    (story.prompts || []).length
      ? h('section', {}, h('h2', {}, 'Prompts it answers'), h('ul', { id: 'prompts' }, story.prompts.map((link) => h('li', {}, link.text, link.angle ? ` (${link.angle})` : ''))))
      : null,
    me.role === 'coach'
      ? h('div', { class: 'actions' }, h('a', { class: 'button', id: 'review-link', href: `/review.html?id=${encodeURIComponent(story.id)}` }, 'Review it'))
      : null,
    // coach comments pinned in place; the author and the coach may resolve them
    h('section', { class: 'card', 'aria-label': 'The story' }, pinnedStar(story, { me, onChange: load })),
    Object.keys(latest).length
      ? h('section', { class: 'card' }, h('h2', {}, 'Latest evaluations'), Object.entries(latest).map(([kind, entry]) => evaluation(kind, entry)))
      : h('p', { class: 'status' }, 'Not evaluated yet: the rubric judges each new revision within seconds.'),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'History'),
      h('p', {}, h('a', { id: 'history-link', href: `/history.html?id=${encodeURIComponent(story.id)}` }, 'Every revision with its changes, word by word')),
      h(
        'ol',
        { class: 'history', id: 'history' },
        (history.entries || []).map((entry) =>
          h(
            'li',
            { dataset: { type: entry.type, revision: entry.revision } },
            h('strong', {}, describe(entry.type)),
            ` · revision ${entry.revision} · ${when(entry.at)} · ${entry.actorId === me.userId ? 'you' : 'someone else'}`,
            summary(entry),
          ),
        ),
      ),
      h('h3', {}, 'Evaluations'),
      (history.evaluations || []).length
        ? h(
            'ol',
            { class: 'history', id: 'evaluations' },
            history.evaluations.map((entry) =>
              h(
                'li',
                {},
                `Revision ${entry.revision} · ${label(String(entry.evaluator?.kind || '').toLowerCase())} · ${when(entry.at)} `,
                verdictBadge(entry.result?.score, entry.result?.verdict),
              ),
            ),
          )
        : h('p', {}, 'None yet.'),
    ),
  );
  article.hidden = false;
}

function evaluation(kind, entry) {
  const result = entry.result || {};
  return h(
    'div',
    {},
    h('h3', {}, `${label(kind)} (revision ${entry.revision}) `, verdictBadge(result.score, result.verdict)),
    (result.pitfalls || []).length
      ? h('ul', { class: 'plain' }, result.pitfalls.map((pitfall) => h('li', { class: 'pitfall' }, h('div', { class: 'name' }, pitfallName(pitfall.id)), h('div', { class: 'evidence' }, pitfall.evidence))))
      : h('p', {}, 'No pitfalls.'),
    result.notes ? h('p', {}, result.notes) : null,
  );
}

function describe(type) {
  return label(String(type).replace(/^Story/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()) || type;
}

function summary(entry) {
  const details = entry.details || {};
  if (details.title && (entry.type === 'StoryDrafted' || entry.type === 'StoryRevised')) return h('div', { class: 'status' }, `“${details.title}”`);
  return null;
}

load();
