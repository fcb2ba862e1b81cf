// The fixed vocabulary of the design brief: levels, principles and pitfalls, with their names.

export const LEVELS = ['entry', 'mid', 'senior', 'staff'];

export const PRINCIPLES = {
  'customer-obsession': 'Customer Obsession',
  ownership: 'Ownership',
  'invent-and-simplify': 'Invent and Simplify',
  'are-right-a-lot': 'Are Right, A Lot',
  'learn-and-be-curious': 'Learn and Be Curious',
  'hire-and-develop-the-best': 'Hire and Develop the Best',
  'insist-on-the-highest-standards': 'Insist on the Highest Standards',
  'think-big': 'Think Big',
  'bias-for-action': 'Bias for Action',
  frugality: 'Frugality',
  'earn-trust': 'Earn Trust',
  'dive-deep': 'Dive Deep',
  'have-backbone': 'Have Backbone; Disagree and Commit',
  'deliver-results': 'Deliver Results',
  'strive-to-be-earths-best-employer': "Strive to be Earth's Best Employer",
  'success-and-scale-bring-broad-responsibility': 'Success and Scale Bring Broad Responsibility',
};

export const PITFALLS = {
  'assigned-scope-only': 'Assigned scope only',
  martyrdom: 'Martyrdom',
  'generic-effort': 'Generic effort',
  'no-escalation': 'No escalation',
  'no-follow-through': 'No follow-through',
  'vague-outcome': 'Vague outcome',
  'scope-below-level': 'Scope below the level',
  'no-specifics': 'No specifics',
  'we-not-i': '"We", not "I"',
  'unquantified-result': 'Unquantified result',
  'missing-star-part': 'Missing STAR part',
  'no-reflection': 'No reflection',
};

export const VERDICTS = ['strong', 'mixed', 'weak'];

export const STAR = ['situation', 'task', 'action', 'result'];

export function principleName(id) {
  return PRINCIPLES[id] || id;
}

export function pitfallName(id) {
  return PITFALLS[id] || id;
}

export function label(id) {
  return id ? id.charAt(0).toUpperCase() + id.slice(1).replaceAll('-', ' ') : '';
}
