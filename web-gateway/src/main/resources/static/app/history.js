// A story's revisions, each with a word-level diff against the one before and the automatic score
// before and after it. Everything comes from GET /api/stories/{id}/history (each draft and revision
// carries its full text); the diff is worked out here (worddiff.js).
import { api, ApiError } from './api.js';
import { verdictBadge } from './badges.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { counts, diffWords } from './worddiff.js';
import { STAR, label } from './vocabulary.js';

const me = layout('stories') || (await leaving());
const storyId = param('id');
const status = $('#history-status');
const error = $('#history-error');
const FIELDS = ['title', 'level', ...STAR];

async function load() {
  if (!storyId) {
    status.textContent = '';
    say(error, 'No story was named.');
    return;
  }
  $('#back').href = `/story.html?id=${encodeURIComponent(storyId)}`;
  try {
    const { data } = await api('GET', `/api/stories/${encodeURIComponent(storyId)}/history`);
    render(data);
  } catch (failure) {
    status.textContent = '';
    document.title = 'Story not found · Story Bank';
    say(
      error,
      failure instanceof ApiError && (failure.status === 404 || failure.status === 403)
        ? 'This story does not exist, or it is not yours to see.'
        : `The history could not be loaded: ${failure.message}`,
    );
  }
}

/** The text of each revision, from the draft and revision events. */
function revisions(entries) {
  return entries
    .filter((entry) => entry.type === 'StoryDrafted' || entry.type === 'StoryRevised')
    .map((entry) => {
      const details = entry.details || {};
      const star = details.star || {};
      return {
        revision: entry.revision,
        at: entry.at,
        actorId: entry.actorId,
        text: { title: details.title || '', level: details.level || '', ...Object.fromEntries(STAR.map((field) => [field, star[field] || ''])) },
      };
    });
}

/** The automatic evaluation of each revision (the latest, if it was judged more than once). */
function automaticScores(evaluations) {
  const scores = new Map();
  for (const evaluation of evaluations || []) {
    if (String(evaluation.evaluator?.kind || '').toLowerCase() === 'automatic') scores.set(evaluation.revision, evaluation.result);
  }
  return scores;
}

function render(history) {
  const all = revisions(history.entries || []);
  const scores = automaticScores(history.evaluations);
  const latest = all[all.length - 1];
  if (latest) {
    $('#history-title').textContent = `History of “${latest.text.title}”`;
    document.title = `History of ${latest.text.title} · Story Bank`;
  }
  const items = all.map((current, index) => revisionItem(current, all[index - 1], scores)).reverse();
  clear($('#revisions'), items);
  status.textContent = `${all.length} ${all.length === 1 ? 'revision' : 'revisions'}.`;
}

function revisionItem(current, previous, scores) {
  const after = scores.get(current.revision);
  const before = previous ? scores.get(previous.revision) : null;
  const who = current.actorId === me.userId ? 'you' : 'someone else';
  const changed = previous ? FIELDS.filter((field) => previous.text[field] !== current.text[field]) : [];
  return h(
    'li',
    { class: 'card revision', dataset: { revision: current.revision } },
    h('h2', {}, previous ? `Revision ${current.revision}` : 'Revision 1 (first draft)'),
    h('p', { class: 'meta' }, `${when(current.at)} · by ${who}`),
    h(
      'p',
      { class: 'score-change', dataset: { before: before?.score ?? '', after: after?.score ?? '' } },
      previous ? ['Score before: ', score(before), ' → after: ', score(after)] : ['Score: ', score(after)],
    ),
    previous
      ? changed.length === 0
        ? h('p', {}, 'No change to the text (its principles, prompts or status changed).')
        : changed.map((field) => fieldDiff(field, previous.text[field], current.text[field]))
      : STAR.map((field) => [h('h3', {}, label(field)), h('p', { class: 'diff-text' }, current.text[field] || '(empty)')]),
  );
}

function score(result) {
  return verdictBadge(result?.score, result?.verdict);
}

/** An inserted or deleted run, its leading space outside the mark, said in words for screen readers. */
function changed(part) {
  const [, space, text] = part.text.match(/^(\s*)([\s\S]*)$/);
  const [tag, said] = part.type === 'insert' ? ['ins', 'added'] : ['del', 'removed'];
  return [space, h(tag, { class: 'diff' }, h('span', { class: 'visually-hidden' }, `[${said}: `), text, h('span', { class: 'visually-hidden' }, ']'))];
}

function fieldDiff(field, before, after) {
  const parts = diffWords(before, after);
  const { inserted, deleted } = counts(parts);
  return h(
    'section',
    { class: 'field-diff', dataset: { field } },
    h('h3', {}, `${label(field)}: ${inserted} ${inserted === 1 ? 'word' : 'words'} added, ${deleted} removed`),
    h(
      'p',
      { class: 'diff-text' },
      parts.map((part, index) =>
        part.type === 'same'
          ? part.text
          : // a replacement at the very start has no space of its own between the old and new words
            [index > 0 && parts[index - 1].type !== 'same' && !/^\s/.test(part.text) ? ' ' : null, changed(part)],
      ),
    ),
  );
}

load();
