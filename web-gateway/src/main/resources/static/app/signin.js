// Sign-in page (/): email and password; a signed-in visitor goes straight to their stories.
import { ApiError, session, signIn } from './api.js';
import { $, h, param, say } from './dom.js';

document.querySelector('header.top').replaceChildren(
  h('nav', { 'aria-label': 'Main' }, h('a', { href: '/', class: 'brand' }, 'Story Bank')),
);

if (session()?.accessToken) location.replace('/stories.html');

const form = $('#signin');
const error = $('#signin-error');
if (param('signedOut') === 'yes') say($('#signin-notice'), 'You are signed out.');
if (param('signedOut') === 'expired') say($('#signin-notice'), 'Please sign in to continue.');
if (param('registered') === 'yes') say($('#signin-notice'), 'Your account is ready: sign in.');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(error, '');
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) {
    say(error, 'Enter your email and your password.');
    (email ? form.password : form.email).focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await signIn(email, password);
    location.assign('/stories.html');
  } catch (failure) {
    const status = failure instanceof ApiError ? failure.status : 0;
    say(
      error,
      status === 401 || status === 400
        ? 'That email and password do not match an account.'
        : status === 423
          ? 'This account is locked. Ask your administrator.'
          : status === 429
            ? 'Too many attempts. Wait a few minutes and try again.'
            : 'Signing in failed. Try again in a moment.',
    );
    form.password.focus();
  } finally {
    button.disabled = false;
  }
});
