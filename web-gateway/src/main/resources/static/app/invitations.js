// A coach's invitations: create a code for one of their cohorts, copy it, see who joined, and
// remove a candidate after confirming. The API checks every step against the coach's cohorts.
import { api } from './api.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';

const me = layout('invitations') || (await leaving());
const status = $('#invite-status');
const error = $('#invite-error');
const form = $('#invite-form');
const select = $('#cohort');
const members = $('#members');

const cohorts = me.cohortIds || [];
status.textContent = '';
if (me.role !== 'coach' || cohorts.length === 0) {
  say(error, me.role === 'coach' ? 'You coach no cohort yet.' : 'Invitations are for coaches: only the coach of a cohort invites to it.');
} else {
  for (const id of cohorts) select.append(h('option', { value: id }, id));
  select.value = cohorts.includes(param('cohort')) ? param('cohort') : cohorts[0];
  $('#invite-body').hidden = false;
  select.addEventListener('change', () => {
    history.replaceState(null, '', `?cohort=${encodeURIComponent(select.value)}`);
    $('#code-section').hidden = true;
    loadMembers();
  });
  loadMembers();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(error, '');
  const days = Number(form.days.value.trim());
  if (!Number.isInteger(days) || days < 1 || days > 30) {
    say(error, 'Valid for: a whole number of days from 1 to 30.');
    form.days.focus();
    return;
  }
  const button = $('#create-code');
  button.disabled = true;
  try {
    const { data } = await api('POST', `/api/cohorts/${encodeURIComponent(select.value)}/invitations`, { body: { validForDays: days } });
    $('#code').value = data.code;
    $('#code-expiry').textContent = `For cohort ${select.value}; valid until ${when(data.expiresAt)}.`;
    $('#copy-status').textContent = '';
    $('#code-section').hidden = false;
    $('#code').focus();
    $('#code').select();
  } catch (failure) {
    say(error, `No code was created: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});

// the Clipboard API where the page may use it (a secure context); otherwise the code is selected
// for the coach to copy with the keyboard
$('#copy-code').addEventListener('click', async () => {
  const field = $('#code');
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    $('#copy-status').textContent = 'Copied.';
  } catch {
    field.focus();
    field.select();
    $('#copy-status').textContent = 'Selected: press Ctrl+C (⌘+C on a Mac) to copy it.';
  }
});

async function loadMembers() {
  const cohortId = select.value;
  $('#members-status').textContent = 'Loading…';
  clear(members);
  try {
    const { data } = await api('GET', `/api/cohorts/${encodeURIComponent(cohortId)}`);
    const ids = data.candidateIds || [];
    $('#members-status').textContent = ids.length ? `${ids.length} ${ids.length === 1 ? 'candidate' : 'candidates'} in ${cohortId}.` : `Nobody has joined ${cohortId} yet.`;
    clear(members, ids.map((id) => member(cohortId, id)));
  } catch (failure) {
    $('#members-status').textContent = '';
    say(error, `The cohort could not be loaded: ${failure.message}`);
  }
}

function member(cohortId, candidateId) {
  const item = h(
    'li',
    { dataset: { candidateId } },
    h('div', { class: 'story-head' }, h('span', { class: 'story-title' }, `Candidate ${candidateId.slice(0, 8)}`), h('a', { href: `/coverage.html?candidate=${encodeURIComponent(candidateId)}` }, 'Coverage')),
    h('div', { class: 'meta' }, h('span', {}, `Account ${candidateId}`)),
  );
  const remove = h('button', { type: 'button', class: 'secondary', dataset: { action: 'remove' }, 'aria-label': `Remove candidate ${candidateId.slice(0, 8)}` }, 'Remove from the cohort');
  remove.addEventListener('click', () => confirmRemoval(item, remove, cohortId, candidateId));
  item.append(h('div', { class: 'actions' }, remove));
  return item;
}

/** Removing is asked twice: the button opens a confirmation that names the candidate and the cohort. */
function confirmRemoval(item, remove, cohortId, candidateId) {
  remove.hidden = true;
  const yes = h('button', { type: 'button', class: 'danger', dataset: { action: 'confirm-remove' } }, 'Yes, remove');
  const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const box = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': 'Confirm the removal' },
    h('p', {}, `Remove candidate ${candidateId.slice(0, 8)} from ${cohortId}? You will no longer see their stories; their stories stay theirs.`),
    h('div', { class: 'actions' }, yes, no),
  );
  item.append(box);
  yes.focus();
  no.addEventListener('click', () => {
    box.remove();
    remove.hidden = false;
    remove.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api('DELETE', `/api/cohorts/${encodeURIComponent(cohortId)}/candidates/${encodeURIComponent(candidateId)}`);
      item.remove();
      $('#members-status').textContent = `Candidate ${candidateId.slice(0, 8)} was removed from ${cohortId}.`;
    } catch (failure) {
      yes.disabled = false;
      say(error, `The candidate was not removed: ${failure.message}`);
    }
  });
}
