// The admin's page: every account (lock, unlock, a password-reset code) and every cohort with its
// coach (create a cohort, assign a coach). The API answers admins only: anyone else sees the
// refusal and nothing of the data.
import { api, ApiError } from './api.js';
import { $, clear, h, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { label } from './vocabulary.js';

const me = layout('admin') || (await leaving());
const status = $('#admin-status');
const error = $('#admin-error');
let accounts = [];
let coaches = [];

async function load() {
  try {
    const [listed, cohorts] = await Promise.all([api('GET', '/api/admin/accounts'), api('GET', '/api/admin/cohorts')]);
    accounts = listed.data;
    coaches = accounts.filter((account) => account.role === 'coach');
    // the new-cohort form's choice is filled once: redrawing the accounts must not reset it
    clear($('#cohort-coach'), h('option', { value: '' }, 'No coach yet'), coaches.map((coach) => h('option', { value: coach.userId }, `${coach.name} (${coach.email})`)));
    drawAccounts();
    drawCohorts(cohorts.data);
    status.textContent = `${accounts.length} accounts, ${cohorts.data.length} cohorts.`;
    $('#admin-body').hidden = false;
  } catch (failure) {
    status.textContent = '';
    $('#admin-body').hidden = true;
    say(
      error,
      failure instanceof ApiError && failure.status === 403
        ? 'This page is for administrators: your account may not see or change accounts and cohorts.'
        : `The accounts could not be loaded: ${failure.message}`,
    );
  }
}

function drawAccounts() {
  clear(
    $('#accounts tbody'),
    accounts.map((account) =>
      h(
        'tr',
        { dataset: { userId: account.userId, email: account.email } },
        h('td', {}, account.email),
        h('td', {}, account.name),
        h('td', {}, label(account.role)),
        h('td', { class: 'account-state' }, account.locked ? 'Locked' : 'Active'),
        h(
          'td',
          {},
          account.userId === me.userId
            ? h('span', { class: 'hint' }, 'you')
            : h(
                'div',
                { class: 'actions' },
                h('button', { type: 'button', class: account.locked ? 'secondary' : 'danger', dataset: { action: account.locked ? 'unlock' : 'lock' }, 'aria-label': `${account.locked ? 'Unlock' : 'Lock'} ${account.email}`, onclick: () => toggleLock(account) }, account.locked ? 'Unlock' : 'Lock'),
                h('button', { type: 'button', class: 'secondary', dataset: { action: 'reset' }, 'aria-label': `Password-reset code for ${account.email}`, onclick: () => resetCode(account) }, 'Reset code'),
              ),
        ),
      ),
    ),
  );
}

async function toggleLock(account) {
  say(error, '');
  try {
    await api(account.locked ? 'DELETE' : 'POST', `/api/admin/accounts/${encodeURIComponent(account.userId)}/lock`);
    account.locked = !account.locked;
    drawAccounts();
    say($('#account-status'), `${account.email} is ${account.locked ? 'locked: it cannot sign in' : 'unlocked: it can sign in again'}.`);
    $(`#accounts tr[data-user-id="${CSS.escape(account.userId)}"] button`).focus();
  } catch (failure) {
    say(error, `${account.email} was not changed: ${failure.message}`);
  }
}

async function resetCode(account) {
  say(error, '');
  try {
    const { data } = await api('POST', `/api/admin/accounts/${encodeURIComponent(account.userId)}/password-reset`);
    $('#reset-for').textContent = `Hand this code to ${account.email}: they choose a new password with it, once.`;
    $('#reset-code').value = data.code;
    $('#reset-expiry').textContent = `Valid until ${when(data.expiresAt)}. Their current sessions end when they use it.`;
    $('#reset-section').hidden = false;
    $('#reset-code').focus();
    $('#reset-code').select();
  } catch (failure) {
    say(error, `No code was issued: ${failure.message}`);
  }
}

function drawCohorts(cohorts) {
  clear($('#cohorts tbody'), cohorts.map(cohortRow));
}

function cohortRow(cohort) {
  const choice = h(
    'select',
    { id: `coach-${cohort.id}`, 'aria-label': `Coach of ${cohort.name}` },
    cohort.coachId ? null : h('option', { value: '' }, 'No coach yet'),
    coaches.map((coach) => h('option', { value: coach.userId, selected: coach.userId === cohort.coachId }, `${coach.name} (${coach.email})`)),
  );
  const assign = h('button', { type: 'button', class: 'secondary', dataset: { action: 'assign' } }, 'Assign');
  assign.addEventListener('click', async () => {
    if (!choice.value) return;
    say(error, '');
    assign.disabled = true;
    try {
      await api('PUT', `/api/cohorts/${encodeURIComponent(cohort.id)}/coach`, { body: { coachId: choice.value } });
      cohort.coachId = choice.value;
      say($('#cohort-status'), `${cohort.name} is now coached by ${choice.selectedOptions[0].textContent}.`);
    } catch (failure) {
      say(error, `The coach was not assigned: ${failure.message}`);
    } finally {
      assign.disabled = false;
    }
  });
  return h(
    'tr',
    { dataset: { cohortId: cohort.id } },
    h('th', { scope: 'row' }, cohort.name, h('div', { class: 'hint' }, cohort.id)),
    h('td', {}, String(cohort.candidates)),
    h('td', {}, h('div', { class: 'actions' }, choice, assign)),
  );
}

$('#cohort-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const name = form.cohortName.value.trim();
  say(error, '');
  if (!name) {
    say(error, 'Give the cohort a name.');
    form.cohortName.focus();
    return;
  }
  const button = $('#create-cohort');
  button.disabled = true;
  try {
    const body = { name };
    if (form.coach.value) body.coachId = form.coach.value;
    const { data } = await api('POST', '/api/cohorts', { body });
    $('#cohorts tbody').append(cohortRow({ id: data.id, name, coachId: body.coachId || null, candidates: 0 }));
    say($('#cohort-status'), `Cohort “${name}” created.`);
    form.reset();
  } catch (failure) {
    say(error, `The cohort was not created: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});

load();
