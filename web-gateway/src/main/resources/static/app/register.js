// Registration with an invitation code: a candidate account in the code's cohort, then signed in.
import { api, ApiError, signIn } from './api.js';
import { $, h, say } from './dom.js';

document.querySelector('header.top').replaceChildren(
  h('nav', { 'aria-label': 'Main' }, h('a', { href: '/', class: 'brand' }, 'Story Bank')),
);

const form = $('#register');
const error = $('#register-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(error, '');
  const body = {
    invitationCode: form.invitationCode.value.trim(),
    name: form.name.value.trim(),
    email: form.email.value.trim(),
    password: form.password.value,
  };
  const missing = Object.entries(body).find(([, value]) => !value);
  if (missing) {
    say(error, 'Fill in every field.');
    form[missing[0]].focus();
    return;
  }
  if ([...body.password].length < 12) {
    say(error, 'The password needs at least 12 characters.');
    form.password.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await api('POST', '/api/auth/register', { body, anonymous: true });
    await signIn(body.email, body.password);
    location.assign('/stories.html');
  } catch (failure) {
    const problem = failure instanceof ApiError ? failure.problem : {};
    // a taken email is refused exactly like a used code, so nobody learns who has an account
    say(
      error,
      problem.field === 'invitationCode'
        ? 'This invitation code cannot be used: it is unknown, used or expired, or this email cannot take it. If you have an account already, sign in instead.'
        : problem.detail || 'Creating the account failed. Try again in a moment.',
    );
    if (problem.field && form[problem.field]) form[problem.field].focus();
  } finally {
    button.disabled = false;
  }
});
