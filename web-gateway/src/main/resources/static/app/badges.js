// Small pieces several pages show: the score-and-verdict badge and principle chips.
import { h } from './dom.js';
import { label, principleName } from './vocabulary.js';

export function verdictBadge(score, verdict, { withScore = true } = {}) {
  const kind = verdict ? String(verdict).toLowerCase() : '';
  if (score === null || score === undefined) return h('span', { class: 'badge', title: 'not evaluated yet' }, 'not scored');
  return h('span', { class: `badge ${kind}`, title: `score ${score} of 100, ${kind}` }, withScore ? `${score} · ${label(kind)}` : label(kind));
}

export function principleChips(principles) {
  return (principles || []).map((id) => h('span', { class: 'chip' }, principleName(id)));
}
