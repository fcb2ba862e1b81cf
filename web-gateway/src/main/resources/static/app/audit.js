// "Who read my stories": the candidate's own audit trail (GET /api/me/audit), read when the section
// is opened, a page at a time. Only the entries about the caller ever come back.
import { api } from './api.js';
import { $, h, say, when } from './dom.js';

const PAGE_SIZE = 25;

const ACTIONS = {
  'read story': 'read the story',
  'read story history': 'read its history',
  'read story diff': 'compared two revisions',
  'export story': 'exported it',
  'search hit': 'found it in a search',
  'review queue entry': 'saw it in the review queue',
};

/** What an entry says in words: a read by name, a change by its route. */
function action(entry) {
  return ACTIONS[entry.action] || entry.action;
}

function who(entry) {
  const name = entry.actorName || entry.actorId;
  return `${name} (${entry.actorRole})`;
}

export function auditTrail(section) {
  const body = $('#audit tbody', section);
  const status = $('#audit-status', section);
  const error = $('#audit-error', section);
  const more = $('#audit-more', section);
  let page = 0;
  let loaded = false;

  async function next() {
    more.disabled = true;
    status.textContent = 'Loading…';
    say(error, '');
    try {
      const { data } = await api('GET', `/api/me/audit?page=${page}&size=${PAGE_SIZE}`);
      for (const entry of data.entries) {
        body.append(
          h('tr', { dataset: { action: entry.action } },
            h('td', {}, h('time', { datetime: entry.at }, when(entry.at))),
            h('td', {}, who(entry)),
            h('td', {}, action(entry)),
            h('td', {}, entry.storyId ? h('a', { href: `/story.html?id=${encodeURIComponent(entry.storyId)}` }, 'Open') : '')));
      }
      page += 1;
      more.hidden = !data.hasMore;
      status.textContent = body.children.length ? `${body.children.length} entries shown.` : 'Nobody has read or changed your stories yet.';
    } catch (failure) {
      status.textContent = '';
      say(error, `The trail could not be loaded: ${failure.message}`);
    } finally {
      more.disabled = false;
    }
  }

  section.addEventListener('toggle', () => {
    if (section.open && !loaded) {
      loaded = true;
      next();
    }
  });
  more.addEventListener('click', next);
  section.hidden = false;
}
