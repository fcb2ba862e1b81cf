// A candidate's stories (a coach's: their cohorts'), newest change first, filtered by principle,
// level and verdict. Read from the search API, which scopes every answer to the caller.
import { api } from './api.js';
import { principleChips, verdictBadge } from './badges.js';
import { auditTrail } from './audit.js';
import { bankTools } from './bankfile.js';
import { $, clear, h, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { LEVELS, PRINCIPLES, VERDICTS, label } from './vocabulary.js';

const me = layout('stories') || (await leaving());
if (me.role === 'coach') {
  $('#stories-heading').textContent = 'Cohort stories';
  document.title = 'Cohort stories · Story Bank';
}

const form = $('#filters');
const list = $('#stories');
const status = $('#stories-status');
const error = $('#stories-error');

for (const [id, name] of Object.entries(PRINCIPLES)) form.principle.append(h('option', { value: id }, name));
for (const id of LEVELS) form.level.append(h('option', { value: id }, label(id)));
for (const id of VERDICTS) form.verdict.append(h('option', { value: id }, label(id)));
const initial = new URLSearchParams(location.search);
for (const name of ['principle', 'level', 'verdict']) form[name].value = initial.get(name) || '';

form.addEventListener('change', () => load());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});

async function load() {
  const query = new URLSearchParams({ size: '100', sort: 'recency' });
  const chosen = new URLSearchParams();
  for (const name of ['principle', 'level', 'verdict']) {
    if (form[name].value) {
      query.set(name, form[name].value);
      chosen.set(name, form[name].value);
    }
  }
  history.replaceState(null, '', chosen.size ? `?${chosen}` : location.pathname);
  say(error, '');
  status.textContent = 'Loading your stories…';
  try {
    const archivedQuery = new URLSearchParams(query);
    archivedQuery.set('archived', 'true');
    const [live, archived] = await Promise.all([
      api('GET', `/api/search/stories?${query}`),
      api('GET', `/api/search/stories?${archivedQuery}`),
    ]);
    render(live.data);
    renderArchived(archived.data);
  } catch (failure) {
    status.textContent = '';
    say(error, `Your stories could not be loaded: ${failure.message}`);
  }
}

function render(result) {
  const hits = result.hits || [];
  const filtered = chosenFilters();
  status.textContent =
    hits.length === 0
      ? filtered
        ? 'No story matches these filters.'
        : 'No stories yet.'
      : `${result.total} ${result.total === 1 ? 'story' : 'stories'}${hits.length < result.total ? `, the ${hits.length} changed last shown` : ''}`;
  clear(list, hits.map((hit) => storyItem(hit, false)));
  if (hits.length === 0 && !filtered && me.role === 'candidate') {
    list.append(h('li', {}, 'Write your first story: ', h('a', { href: '/edit.html' }, 'New story')));
  }
}

function storyItem(hit, archived) {
  return h(
    'li',
    { dataset: { storyId: hit.storyId } },
    h(
      'div',
      { class: 'story-head' },
      h('a', { class: 'story-title', href: `/story.html?id=${encodeURIComponent(hit.storyId)}` }, hit.title || '(untitled)'),
      verdictBadge(hit.storyScore, hit.verdict),
    ),
    h(
      'div',
      { class: 'meta' },
      principleChips(hit.principles),
      hit.level ? h('span', {}, `Level: ${label(hit.level)}`) : null,
      hit.status ? h('span', {}, `Status: ${label(String(hit.status).toLowerCase())}`) : null,
      hit.updatedAt ? h('span', {}, `Changed ${when(hit.updatedAt)}`) : null,
      me.role === 'candidate' && !archived
        ? h('a', { href: `/edit.html?id=${encodeURIComponent(hit.storyId)}`, 'aria-label': `Edit ${hit.title}` }, 'Edit')
        : null,
    ),
    me.role === 'candidate' ? storyActions(hit, archived) : null,
  );
}

// --- archived stories apart, and the actions that move a story between the lists -----------------

const archivedList = $('#archived');
const actionStatus = $('#action-status');

function renderArchived(result) {
  const hits = result.hits || [];
  $('#archived-count').textContent = String(result.total ?? hits.length);
  clear(archivedList, hits.length ? hits.map((hit) => storyItem(hit, true)) : h('li', { class: 'status' }, 'None.'));
}

function storyActions(hit, archived) {
  const act = (action, text, done) =>
    h('button', { type: 'button', class: 'secondary', dataset: { action }, 'aria-label': `${text}: ${hit.title}`, onclick: (event) => perform(event.currentTarget, hit, action, done) }, text);
  return h(
    'div',
    { class: 'actions' },
    archived
      ? act('restore', 'Restore', 'restored: it is back among your stories')
      : [
          String(hit.status).toLowerCase() === 'draft' ? act('ready', 'Mark ready', 'marked ready') : null,
          act('archive', 'Archive', 'archived: it is under "Archived stories"'),
        ],
  );
}

/**
 * Sends the action, then moves the story between the lists here: the lists come from the search
 * index, which learns of the change a moment later.
 */
async function perform(button, hit, action, done) {
  button.disabled = true;
  say(error, '');
  try {
    await api('POST', `/api/stories/${encodeURIComponent(hit.storyId)}/${action}`);
    const item = button.closest('li');
    if (action === 'ready') {
      hit.status = 'ready';
      item.replaceWith(storyItem(hit, false));
    } else {
      item.remove();
      hit.status = action === 'archive' ? 'archived' : 'draft';
      const target = action === 'archive' ? archivedList : list;
      target.querySelector('li.status')?.remove();
      target.prepend(storyItem(hit, action === 'archive'));
      const count = $('#archived-count');
      count.textContent = String(Math.max(0, Number(count.textContent) + (action === 'archive' ? 1 : -1)));
      if (action === 'archive') $('#archived-section').open = true;
    }
    say(actionStatus, `“${hit.title}” ${done}.`);
  } catch (failure) {
    button.disabled = false;
    say(error, `“${hit.title}” could not be changed: ${failure.message}`);
  }
}

if (me.role === 'candidate') {
  const section = $('#bank-file');
  bankTools(section, () => setTimeout(load, 1500));
  section.hidden = false;
  auditTrail($('#audit-section'));
}

function chosenFilters() {
  return ['principle', 'level', 'verdict'].some((name) => form[name].value);
}

load();
