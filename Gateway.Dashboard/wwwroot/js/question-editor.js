// The editor of the Questions tab: a question (or a library example) with its SQL to edit, run, verify, save or remove.
import * as api from './api.js';
import { el, showMessage, busy, td } from './dom.js';
import { formatTime, formatNumber } from './format.js';
import { confirmAction } from './confirm.js';

let onChanged = () => {};

/** @param changed called with the database id whose library changed. */
export function mount(panel, changed) {
  onChanged = changed;
  const button = id => panel.querySelector(id);
  button('#question-close').addEventListener('click', () => close(panel));
  button('#question-run').addEventListener('click', () => busy(button('#question-run'), () => run(panel)));
  button('#question-verify').addEventListener('click', () => busy(button('#question-verify'), () => verify(panel)));
  button('#question-save').addEventListener('click', () => busy(button('#question-save'), () => save(panel)));
  button('#question-remove').addEventListener('click', () => busy(button('#question-remove'), () => remove(panel)));
}

/** Opens one of the organization's questions; an already verified one is edited as its example. */
export function openQuestion(panel, q) {
  open(panel, {
    databaseId: q.databaseId, conversationId: q.conversationId, exampleId: q.verifiedAsExampleId ?? null,
    question: q.question, sql: q.sql ?? '', notes: '',
    meta: `Asked by ${q.memberName} on ${formatTime(q.startedAt)}${q.databaseName ? ` · ${q.databaseName}` : ''}`
      + (q.feedbackReason ? ` · 👎 “${q.feedbackReason}”` : ''),
  });
}

/** Opens a verified example of the library for editing; `conversationId` names the question it was opened from, if any. */
export function openExample(panel, example, conversationId = null) {
  open(panel, {
    databaseId: example.databaseId, conversationId, exampleId: example.exampleId,
    question: example.question, sql: example.sql, notes: example.notes ?? '',
    meta: `Verified by ${example.verifiedByName} on ${formatTime(example.verifiedAt)}`
      + (example.isBroken ? ` · broken: ${example.brokenReason ?? 'its SQL no longer runs'}` : ''),
  });
}

function open(panel, item) {
  const section = panel.querySelector('#question-panel');
  section.editing = item;
  panel.querySelector('#question-panel-title').textContent = item.exampleId ? 'Verified example' : 'Question';
  panel.querySelector('#question-meta').textContent = item.meta;
  panel.querySelector('#question-text').value = item.question;
  panel.querySelector('#question-sql').value = item.sql;
  panel.querySelector('#question-notes').value = item.notes;
  panel.querySelector('#question-rows').hidden = true;
  setMode(panel, item);
  showMessage(panel.querySelector('#question-message'),
    item.databaseId ? '' : 'This question was asked of no database, so it cannot be verified.', 'warning');
  section.hidden = false;
  section.scrollIntoView({ block: 'nearest' });
  panel.querySelector('#question-sql').focus();
}

function setMode(panel, item) {
  const verified = Boolean(item.exampleId);
  panel.querySelector('#question-verify').hidden = verified;
  panel.querySelector('#question-save').hidden = !verified;
  panel.querySelector('#question-remove').hidden = !verified;
  for (const id of ['#question-run', '#question-verify', '#question-save', '#question-remove']) panel.querySelector(id).disabled = !item.databaseId;
}

function close(panel) {
  panel.querySelector('#question-panel').hidden = true;
}

const editing = panel => panel.querySelector('#question-panel').editing;
const libraryPath = item => `/dashboard/databases/${encodeURIComponent(item.databaseId)}/library`;
const message = (panel, text, kind) => showMessage(panel.querySelector('#question-message'), text, kind);

function draft(panel) {
  const fields = { question: '#question-text', sql: '#question-sql' };
  for (const [name, id] of Object.entries(fields)) {
    const input = panel.querySelector(id);
    const missing = input.value.trim() === '';
    input.setAttribute('aria-invalid', String(missing));
    if (missing) {
      message(panel, name === 'sql' ? 'Write the SQL first.' : 'Write the question first.', 'error');
      input.focus();
      return null;
    }
  }
  return {
    question: panel.querySelector('#question-text').value.trim(),
    sql: panel.querySelector('#question-sql').value.trim(),
    notes: panel.querySelector('#question-notes').value.trim() || null,
  };
}

async function run(panel) {
  const item = editing(panel);
  const sql = panel.querySelector('#question-sql').value.trim();
  if (!sql) return message(panel, 'Write the SQL first.', 'error');
  message(panel, 'Running…', 'info');
  try {
    const rows = await api.post(`${libraryPath(item)}/try`, { sql });
    showRows(panel, rows);
    message(panel, '');
  } catch (error) {
    panel.querySelector('#question-rows').hidden = true;
    if (!(error instanceof api.SessionEndedError)) message(panel, error.details, 'error');
  }
}

function showRows(panel, rows) {
  const table = panel.querySelector('#question-rows-table');
  const columns = rows.columns ?? [];
  table.querySelector('thead').replaceChildren(el('tr', {}, ...columns.map(c => el('th', { scope: 'col', text: c.name }))));
  table.querySelector('tbody').replaceChildren(...(rows.rows ?? []).map(values => el('tr', {}, ...values.map(v => td(v === null ? 'NULL' : v)))));
  const count = (rows.rows ?? []).length;
  panel.querySelector('#question-rows-note').textContent =
    `${formatNumber(count)} row${count === 1 ? '' : 's'}${rows.truncated ? ' shown; the query returns more' : ''}.`;
  panel.querySelector('#question-rows').hidden = false;
}

async function verify(panel) {
  const item = editing(panel);
  const body = draft(panel);
  if (!body) return;
  try {
    const saved = await api.post(libraryPath(item), { ...body, conversationId: item.conversationId });
    item.exampleId = saved.example?.exampleId ?? null;
    setMode(panel, item);
    panel.querySelector('#question-panel-title').textContent = 'Verified example';
    message(panel, saved.message, 'success');
    onChanged(item.databaseId);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) message(panel, error.details, 'error');
  }
}

async function save(panel) {
  const item = editing(panel);
  const body = draft(panel);
  if (!body) return;
  try {
    const saved = await api.put(`${libraryPath(item)}/${item.exampleId}`, body);
    message(panel, saved.message, 'success');
    onChanged(item.databaseId);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) message(panel, error.details, 'error');
  }
}

async function remove(panel) {
  const item = editing(panel);
  if (!await confirmAction('Remove this example from the verified library? Questions like it will be answered by the model again.', 'Remove')) return;
  try {
    await api.del(`${libraryPath(item)}/${item.exampleId}`);
    item.exampleId = null;
    setMode(panel, item);
    panel.querySelector('#question-panel-title').textContent = 'Question';
    message(panel, item.conversationId ? 'Removed from the library; you can verify it again.' : 'Removed from the library.', 'success');
    onChanged(item.databaseId);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) message(panel, error.details, 'error');
  }
}
