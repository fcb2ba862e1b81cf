// The header every signed-in page shares: where to go, who is signed in, and signing out.
import { session, signOut, toSignIn } from './api.js';
import { h } from './dom.js';

/**
 * A promise that never settles: a page awaits it at its top level when it is being left for the
 * sign-in page, so nothing more of it runs (and nothing throws).
 */
export function leaving() {
  return new Promise(() => {});
}

/** Draws the header for a signed-in user; without a session, goes to sign in and answers null. */
export function layout(page) {
  const current = session();
  if (!current || !current.accessToken) {
    toSignIn();
    return null;
  }
  const links = [
    ['stories', '/stories.html', 'My stories'],
    ['search', '/search.html', 'Search by prompt'],
  ];
  if (current.role === 'candidate') links.splice(1, 0, ['new', '/edit.html', 'New story']);
  if (current.role === 'coach') {
    links[0][2] = 'Cohort stories';
    links.push(['cohort', '/cohort.html', 'Cohort desk']);
  }
  if (current.role === 'candidate' || current.role === 'coach') links.push(['loops', '/loops.html', 'Interview loops']);
  links.push(...(MORE_LINKS[current.role] || []));
  const nav = h(
    'nav',
    { 'aria-label': 'Main' },
    h('a', { href: '/stories.html', class: 'brand' }, 'Story Bank'),
    links.map(([id, href, text]) => h('a', { href, 'aria-current': id === page ? 'page' : null }, text)),
    h('span', { class: 'who' }, `${current.email || ''} (${current.role || ''})`),
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => signOut() }, 'Sign out'),
  );
  const header = document.querySelector('header.top');
  header.replaceChildren(nav);
  return current;
}

// Further pages, per role, after the ones above.
const MORE_LINKS = {
  candidate: [
    ['coverage', '/coverage.html', 'Coverage'],
    ['drills', '/drills.html', 'Practice drills'],
  ],
  coach: [
    ['coverage', '/coverage.html', 'Coverage'],
    ['invitations', '/invitations.html', 'Invitations'],
  ],
  admin: [['admin', '/admin.html', 'Accounts and cohorts']],
};
