// Search by prompt: an interview question in, the caller's best stories out, with why each matched
// and the words that matched (highlights are rebuilt from text nodes, never parsed as HTML).
import { api } from './api.js';
import { principleChips, verdictBadge } from './badges.js';
import { $, clear, h, highlighted, param, say } from './dom.js';
import { layout, leaving } from './layout.js';
import { label } from './vocabulary.js';

const me = layout('search') || (await leaving());
const form = $('#search');
const status = $('#search-status');
const error = $('#search-error');
const hits = $('#hits');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = form.q.value.trim();
  if (!q) {
    say(error, 'Type an interview question.');
    form.q.focus();
    return;
  }
  history.pushState(null, '', `?q=${encodeURIComponent(q)}`);
  search(q);
});
window.addEventListener('popstate', () => {
  form.q.value = param('q') || '';
  if (form.q.value) search(form.q.value);
});

async function search(q) {
  say(error, '');
  status.textContent = 'Searching…';
  try {
    const { data } = await api('GET', `/api/search/stories?q=${encodeURIComponent(q)}&size=10`);
    status.textContent = data.total === 0 ? 'No story answers this question yet.' : `${data.total} ${data.total === 1 ? 'story answers' : 'stories answer'} it, best first.`;
    clear(hits, (data.hits || []).map(hit));
  } catch (failure) {
    status.textContent = '';
    say(error, `The search failed: ${failure.message}`);
  }
}

function hit(found) {
  const link = `/story.html?id=${encodeURIComponent(found.storyId)}`;
  return h(
    'li',
    { dataset: { storyId: found.storyId } },
    h('div', { class: 'story-head' }, h('a', { class: 'story-title', href: link }, found.title || '(untitled)'), verdictBadge(found.storyScore, found.verdict)),
    h('div', { class: 'meta' }, principleChips(found.principles), found.level ? h('span', {}, `Level: ${label(found.level)}`) : null),
    me.role === 'coach' ? h('a', { class: 'review-link', href: `/review.html?id=${encodeURIComponent(found.storyId)}` }, 'Review it') : null,
    (found.why || []).length ? h('ul', { class: 'why' }, found.why.map((reason) => h('li', {}, reason))) : null,
    Object.entries(found.highlights || {}).map(([field, fragments]) =>
      fragments.map((fragment) => h('p', { class: 'highlight' }, h('span', { class: 'field-name' }, `${label(field)}:`), highlighted(fragment))),
    ),
  );
}

if (param('q')) {
  form.q.value = param('q');
  search(form.q.value);
} else {
  form.q.focus();
}
