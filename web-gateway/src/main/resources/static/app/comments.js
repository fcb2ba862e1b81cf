// Coach comments pinned to a range of a STAR field: the range marked in place in the text, the
// comment under the field, resolvable by the author or the cohort's coach (the aggregate's rule).
// A comment's range belongs to the revision it was made on; once the text is revised, the comment
// is listed under its field without a mark, saying so.
import { api } from './api.js';
import { h, when } from './dom.js';
import { STAR, label } from './vocabulary.js';

/**
 * The STAR text with pinned comments: one heading, text and comment list per field. `onChange` is
 * called after a comment was resolved, to reload.
 */
export function pinnedStar(story, { me, onChange, selectable = false }) {
  const open = (story.comments || []).filter((comment) => !comment.resolved);
  const resolved = (story.comments || []).filter((comment) => comment.resolved);
  return STAR.map((field) => {
    const text = story[field] || '';
    const here = open.filter((comment) => comment.field === field);
    const pinned = here.filter((comment) => comment.revision === story.revision && comment.end <= text.length);
    const paragraph = h(
      'p',
      { class: selectable ? 'star-text selectable' : 'star-text', dataset: { field } },
      text ? marked(text, pinned) : '(empty)',
    );
    const numbers = new Map(here.map((comment, index) => [comment.commentId, index + 1]));
    for (const mark of paragraph.querySelectorAll('mark.pinned')) {
      const ids = mark.dataset.comments.split(' ');
      mark.setAttribute('aria-describedby', ids.map((id) => `comment-${id}`).join(' '));
      mark.title = `Comment ${ids.map((id) => numbers.get(id)).join(', ')}`;
    }
    const done = resolved.filter((comment) => comment.field === field);
    return [
      h('h2', {}, label(field)),
      paragraph,
      here.length
        ? h(
            'ol',
            { class: 'comments', dataset: { field }, 'aria-label': `Comments on the ${field}` },
            here.map((comment) => item(story, comment, text, me, onChange)),
          )
        : null,
      done.length
        ? h(
            'details',
            { class: 'resolved-comments' },
            h('summary', {}, `${done.length} resolved comment${done.length === 1 ? '' : 's'}`),
            h('ol', { class: 'comments' }, done.map((comment) => item(story, comment, text, me, onChange))),
          )
        : null,
    ];
  });
}

/** The text as text nodes, with each range that carries an open comment in a <mark>. */
function marked(text, comments) {
  const cuts = new Set([0, text.length]);
  for (const comment of comments) {
    cuts.add(comment.start);
    cuts.add(comment.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = comments.filter((comment) => comment.start <= from && comment.end >= to);
    const piece = text.slice(from, to);
    parts.push(covering.length ? h('mark', { class: 'pinned', dataset: { comments: covering.map((c) => c.commentId).join(' ') } }, piece) : piece);
  }
  return parts;
}

function item(story, comment, text, me, onChange) {
  const current = comment.revision === story.revision;
  const quote = current ? text.slice(comment.start, comment.end) : null;
  const mayResolve = !comment.resolved && (me.userId === story.authorId || me.role === 'coach');
  const status = h('span', { class: 'status', role: 'status' });
  return h(
    'li',
    { id: `comment-${comment.commentId}`, class: comment.resolved ? 'comment resolved' : 'comment', dataset: { commentId: comment.commentId } },
    quote ? h('q', { class: 'quote' }, quote) : h('span', { class: 'status' }, `On revision ${comment.revision}; the text has changed since.`),
    h('p', { class: 'comment-text' }, comment.text),
    h(
      'div',
      { class: 'meta' },
      h('span', {}, comment.coachId === me.userId ? 'You' : 'Your coach'),
      h('span', {}, when(comment.at)),
      comment.resolved ? h('span', { class: 'chip' }, 'resolved') : null,
      mayResolve
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary resolve',
              onclick: async (event) => {
                event.target.disabled = true;
                status.textContent = 'Resolving…';
                try {
                  await api('POST', `/api/stories/${encodeURIComponent(story.id)}/comments/${encodeURIComponent(comment.commentId)}/resolve`);
                  status.textContent = 'Resolved.';
                  onChange?.();
                } catch (failure) {
                  event.target.disabled = false;
                  status.textContent = `Not resolved: ${failure.message}`;
                }
              },
            },
            'Resolve',
          )
        : null,
      status,
    ),
  );
}

/**
 * The range selected inside one STAR field's text, as offsets into that field's text, or null when
 * the selection is empty or crosses fields.
 */
export function selectedRange(root) {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = closestField(range.startContainer, root);
  const end = closestField(range.endContainer, root);
  if (!start || start !== end || start.textContent === '(empty)') return null;
  const offset = (node, at) => {
    const before = document.createRange();
    before.selectNodeContents(start);
    before.setEnd(node, at);
    return before.toString().length;
  };
  const from = offset(range.startContainer, range.startOffset);
  const to = offset(range.endContainer, range.endOffset);
  if (to <= from) return null;
  return { field: start.dataset.field, start: from, end: to, text: start.textContent.slice(from, to) };
}

function closestField(node, root) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const field = element?.closest('p.star-text[data-field]');
  return field && root.contains(field) ? field : null;
}
