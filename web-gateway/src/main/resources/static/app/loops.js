// Interview loops: a candidate records an upcoming loop (company, role, level, date, interviews with
// the principles or questions each probes) and sees which story to tell where, with a backup and
// the reason for each choice, and the gaps. A coach sees their candidates' loops and plans.
import { api } from './api.js';
import { $, clear, h, param, say } from './dom.js';
import { layout, leaving } from './layout.js';
import { LEVELS, PRINCIPLES, label, principleName } from './vocabulary.js';

const me = layout('loops') || (await leaving());
const candidate = me.role === 'candidate';
const status = $('#loops-status');
const error = $('#loops-error');
const list = $('#loops');
const form = $('#new-loop');
const interviews = $('#interviews');
const formError = $('#form-error');
let interviewCount = 0;

function storyLink(id, title) {
  return h('a', { href: `/story.html?id=${encodeURIComponent(id)}` }, title || '(untitled)');
}

async function loadLoops() {
  status.textContent = 'Loading loops…';
  try {
    const { data } = await api('GET', '/api/loops');
    status.textContent = data.length ? '' : candidate ? 'No loops yet: record one below.' : 'None of your candidates has recorded a loop.';
    clear(
      list,
      data.map((loop) =>
        h(
          'li',
          { dataset: { loopId: loop.id } },
          h('div', { class: 'story-head' }, h('a', { class: 'story-title', href: `/loops.html?id=${encodeURIComponent(loop.id)}` }, `${loop.company} · ${loop.role}`)),
          h('div', { class: 'meta' }, h('span', {}, `Level: ${label(loop.level)}`), h('span', {}, `Date: ${loop.date}`), h('span', {}, `${loop.interviews.length} interviews`), candidate ? null : h('span', {}, `Candidate: ${loop.candidateId}`)),
        ),
      ),
    );
  } catch (failure) {
    status.textContent = '';
    say(error, `The loops could not be loaded: ${failure.message}`);
  }
}

async function showPlan(id) {
  const section = $('#plan-section');
  const planStatus = $('#plan-status');
  const target = $('#plan');
  section.hidden = false;
  planStatus.textContent = 'Planning which story to tell where…';
  clear(target);
  try {
    const [{ data: loop }, { data: plan }] = await Promise.all([
      api('GET', `/api/loops/${encodeURIComponent(id)}`),
      api('GET', `/api/loops/${encodeURIComponent(id)}/plan`),
    ]);
    $('#plan-title').textContent = `Plan for ${loop.company} (${loop.role}, ${label(loop.level)}, ${loop.date})`;
    const filled = plan.interviews.reduce((sum, interview) => sum + interview.assignments.length, 0);
    planStatus.textContent = `${filled} ${filled === 1 ? 'slot' : 'slots'} planned, ${plan.gaps.length} ${plan.gaps.length === 1 ? 'gap' : 'gaps'}.`;
    clear(
      target,
      plan.interviews.map((interview) =>
        h(
          'div',
          { class: 'card interview-plan' },
          h('h3', {}, interview.name),
          interview.assignments.length
            ? h(
                'table',
                { class: 'assignments' },
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Asks about'), h('th', { scope: 'col' }, 'Tell'), h('th', { scope: 'col' }, 'Backup'), h('th', { scope: 'col' }, 'Why'))),
                h(
                  'tbody',
                  {},
                  interview.assignments.map((assignment) =>
                    h(
                      'tr',
                      { class: 'assignment' },
                      h('td', {}, assignment.question ? `“${assignment.question}”` : principleName(assignment.principle)),
                      h('td', {}, storyLink(assignment.storyId, assignment.title), assignment.score == null ? null : ` (${assignment.score})`),
                      h('td', {}, assignment.backupStoryId ? storyLink(assignment.backupStoryId, assignment.backupTitle) : 'none'),
                      h('td', { class: 'why-text' }, assignment.why),
                    ),
                  ),
                ),
              )
            : h('p', { class: 'status' }, 'Nothing planned for this interview.'),
        ),
      ),
      plan.gaps.length
        ? h(
            'div',
            { class: 'card' },
            h('h3', {}, 'Gaps'),
            h(
              'ul',
              { class: 'gaps' },
              plan.gaps.map((gap) => h('li', { class: 'gap' }, h('strong', {}, `${gap.interview}, ${gap.question ? `“${gap.question}”` : principleName(gap.principle)}: `), gap.reason)),
            ),
          )
        : null,
    );
  } catch (failure) {
    planStatus.textContent = '';
    say(error, failure.status === 404 ? 'This loop does not exist, or it is not yours.' : `The plan could not be made: ${failure.message}`);
  }
}

function addInterview() {
  interviewCount += 1;
  const n = interviewCount;
  const principles = Object.entries(PRINCIPLES).map(([id, name]) =>
    h('label', {}, h('input', { type: 'checkbox', name: `principles-${n}`, value: id }), name),
  );
  const fieldset = h(
    'fieldset',
    { class: 'interview', dataset: { interview: String(n) } },
    h('legend', {}, `Interview ${n}`),
    h('label', { for: `interview-name-${n}` }, 'Name'),
    h('input', { id: `interview-name-${n}`, class: 'interview-name', type: 'text', maxlength: '120', value: `Interview ${n}` }),
    h('fieldset', { class: 'principles' }, h('legend', {}, 'Principles it probes'), principles),
    h('label', { for: `interview-questions-${n}` }, 'Questions it asks ', h('span', { class: 'hint' }, '(optional, one a line)')),
    h('textarea', { id: `interview-questions-${n}`, class: 'interview-questions', rows: '2', maxlength: '5000' }),
  );
  interviews.append(fieldset);
  return fieldset;
}

function readForm() {
  return {
    company: form.company.value.trim(),
    role: form.role.value.trim(),
    level: form.level.value,
    date: form.date.value,
    interviews: [...interviews.querySelectorAll('fieldset.interview')].map((fieldset) => ({
      name: $('.interview-name', fieldset).value.trim(),
      principles: [...fieldset.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value),
      questions: $('.interview-questions', fieldset)
        .value.split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    })),
  };
}

/** The form control a problem's field names (company, interviews[1].principles…), if any. */
function controlFor(field) {
  if (!field) return null;
  const top = { company: form.company, role: form.role, level: form.level, date: form.date }[field];
  if (top) return top;
  const match = /^interviews\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (!match) return null;
  const fieldset = interviews.querySelectorAll('fieldset.interview')[Number(match[1])];
  if (!fieldset) return null;
  if (match[2] === 'questions') return $('.interview-questions', fieldset);
  if (match[2] === 'principles') return $('input[type=checkbox]', fieldset);
  return $('.interview-name', fieldset);
}

async function save(event) {
  event.preventDefault();
  say(formError, '');
  const button = $('#save-loop');
  button.disabled = true;
  try {
    const { data } = await api('POST', '/api/loops', { body: readForm() });
    say(formError, '');
    status.textContent = 'Saved. Planning…';
    history.pushState(null, '', `/loops.html?id=${encodeURIComponent(data.id)}`);
    await waitUntilReadable(data.id);
    await Promise.all([showPlan(data.id), loadLoops()]);
    $('#plan-title').focus?.();
  } catch (failure) {
    const problem = failure.problem || {};
    say(formError, problem.field ? `${problem.field}: ${problem.rule}` : `The loop was not saved: ${failure.message}`);
    controlFor(problem.field)?.focus();
  } finally {
    button.disabled = false;
  }
}

/** The loop is read from a projection that follows the write within a moment. */
async function waitUntilReadable(id) {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    try {
      await api('GET', `/api/loops/${encodeURIComponent(id)}`);
      return;
    } catch (failure) {
      if (failure.status !== 404) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

if (candidate) {
  form.hidden = false;
  clear(form.level, LEVELS.map((level) => h('option', { value: level, selected: level === 'mid' }, label(level))));
  addInterview();
  $('#add-interview').addEventListener('click', () => {
    if (interviews.querySelectorAll('fieldset.interview').length >= 12) {
      say(formError, 'A loop has at most 12 interviews.');
      return;
    }
    $('.interview-name', addInterview()).focus();
  });
  form.addEventListener('submit', save);
}
$('#plan-title').setAttribute('tabindex', '-1');
loadLoops();
if (param('id')) showPlan(param('id'));
