// A candidate's whole bank as a file (JSON, CSV or Markdown) and stories brought in from such a
// file. The import is checked whole first: a file with a bad entry writes nothing unless the
// candidate asked for the good ones anyway; then it is written in the background and its progress
// shown until it is done.
import { ApiError, api } from './api.js';
import { clear, h, say } from './dom.js';

const FORMATS = { json: 'JSON (lossless)', csv: 'CSV (spreadsheet)', markdown: 'Markdown (to read and print)' };
const POLL_MS = 500;

export function bankTools(container, onImported) {
  const exportForm = h(
    'form',
    { id: 'export-form', class: 'inline-form' },
    h('label', { for: 'export-format' }, 'Export my bank as'),
    h('select', { id: 'export-format', name: 'format' }, Object.entries(FORMATS).map(([id, name]) => h('option', { value: id }, name))),
    h('button', { type: 'submit', class: 'secondary' }, 'Download'),
  );
  const importForm = h(
    'form',
    { id: 'import-form' },
    h('label', { for: 'import-file' }, 'Import stories from an export (JSON, CSV or Markdown, up to 500 stories and 5 MB)'),
    h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.json,.csv,.md,.markdown,application/json,text/csv,text/markdown', required: true }),
    h(
      'label',
      { class: 'check' },
      h('input', { id: 'import-partial', name: 'partial', type: 'checkbox' }),
      ' Import the valid stories even if some entries are not',
    ),
    h('button', { type: 'submit' }, 'Import'),
  );
  const progress = h('progress', { id: 'import-progress', max: '1', value: '0', hidden: true });
  const status = h('p', { id: 'import-status', class: 'status', role: 'status' });
  const problems = h('ul', { id: 'import-errors', class: 'errors', hidden: true });
  const error = h('p', { id: 'bank-file-error', class: 'error', role: 'alert', hidden: true });
  clear(container, h('h2', { id: 'bank-file-heading' }, 'Export and import'), exportForm, importForm, progress, status, problems, error);

  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    try {
      const { data, name } = await api('GET', `/api/stories/export?format=${exportForm.format.value}`, { file: true });
      const link = h('a', { href: URL.createObjectURL(data), download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (failure) {
      say(error, `The export failed: ${failure.message}`);
    }
  });

  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = importForm.file.files[0];
    if (!file) return;
    const button = importForm.querySelector('button');
    button.disabled = true;
    say(error, '');
    problems.hidden = true;
    progress.hidden = true;
    status.textContent = `Checking ${file.name}…`;
    try {
      const format = formatOf(file);
      const query = new URLSearchParams({ format, partial: String(importForm.partial.checked) });
      const started = await api('POST', `/api/stories/imports?${query}`, {
        body: file,
        headers: { 'Content-Type': contentTypeOf(format) },
      });
      const job = await follow(started.data);
      status.textContent = summary(job);
      listErrors(job.errors);
      onImported();
    } catch (failure) {
      status.textContent = '';
      if (failure instanceof ApiError && failure.problem.errors) {
        say(error, `Nothing was imported: ${failure.message}.`);
        listErrors(failure.problem.errors);
      } else {
        say(error, `The import failed: ${failure.message}`);
      }
    } finally {
      button.disabled = false;
    }
  });

  async function follow(job) {
    progress.max = String(Math.max(1, job.total));
    progress.hidden = false;
    while (job.state === 'RUNNING') {
      progress.value = String(job.done);
      status.textContent = `Importing: ${job.done} of ${job.total} stories written or found unchanged…`;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = (await api('GET', `/api/stories/imports/${encodeURIComponent(job.id)}`)).data;
    }
    progress.value = String(job.done);
    return job;
  }

  function listErrors(errors) {
    clear(
      problems,
      (errors || []).map((problem) =>
        h('li', {}, problem.row > 0 ? `Entry ${problem.row}, ${problem.field}: ` : `${problem.field}: `, problem.message),
      ),
    );
    problems.hidden = !(errors || []).length;
  }
}

function summary(job) {
  const parts = [`${job.imported} imported`, `${job.unchanged} already as in the file`];
  if (job.errors.length) parts.push(`${job.errors.length} not imported (listed below)`);
  const interrupted = job.state === 'INTERRUPTED' ? ' The import was cut off: import the same file again to finish it (nothing is made twice).' : '';
  return `Import done: ${parts.join(', ')}.${interrupted}`;
}

function formatOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.md') || name.endsWith('.markdown') || file.type === 'text/markdown') return 'markdown';
  return 'json';
}

function contentTypeOf(format) {
  return { json: 'application/json', csv: 'text/csv', markdown: 'text/markdown' }[format];
}
