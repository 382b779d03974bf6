// The "Verified library" part of the Questions tab: one database's examples (broken ones flagged) and its glossary.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td } from './dom.js';
import { formatTime } from './format.js';
import { confirmAction } from './confirm.js';

let onEdit = () => {};

/** @param edit called with an example to open in the editor. */
export function mount(panel, edit) {
  onEdit = edit;
  panel.querySelector('#library-database').addEventListener('change', () => show(panel));
  panel.querySelector('#glossary-add').addEventListener('click', () => {
    const tbody = panel.querySelector('#glossary-table tbody');
    tbody.querySelector('.note-row')?.remove();
    tbody.append(glossaryRow({ term: '', meaning: '' }));
    tbody.lastElementChild.querySelector('input').focus();
  });
  panel.querySelector('#glossary-form').addEventListener('submit', event => {
    event.preventDefault();
    busy(panel.querySelector('#glossary-save'), () => saveGlossary(panel));
  });
}

/** The databases whose library may be shown: [id, name] pairs. */
export function setDatabases(panel, databases) {
  const select = panel.querySelector('#library-database');
  const kept = select.value;
  select.replaceChildren(...databases.map(([id, name]) => el('option', { value: id, text: name })));
  if (databases.some(([id]) => id === kept)) select.value = kept;
  const none = databases.length === 0;
  panel.querySelector('#glossary-form').hidden = none;
  if (none) showMessage(panel.querySelector('#library-message'), 'Add a database on the Databases tab to start a verified library.', 'info');
}

/** Shows the library of `databaseId` (or of the database already chosen). */
export async function show(panel, databaseId) {
  const select = panel.querySelector('#library-database');
  if (databaseId && [...select.options].some(o => o.value === databaseId)) select.value = databaseId;
  const chosen = select.value;
  const examples = panel.querySelector('#library-table tbody');
  const glossary = panel.querySelector('#glossary-table tbody');
  if (!chosen) {
    noteRow(examples, 'No database chosen.');
    glossary.replaceChildren();
    return;
  }
  noteRow(examples, 'Loading…', 'loading');
  showMessage(panel.querySelector('#library-message'), '');
  let page;
  try {
    page = await api.get(`/dashboard/databases/${encodeURIComponent(chosen)}/library`);
  } catch (error) {
    if (error instanceof api.SessionEndedError) return;
    noteRow(examples, 'Not loaded.', 'error');
    showMessage(panel.querySelector('#library-message'), error.details, 'error');
    return;
  }
  if (select.value !== chosen) return;
  panel.libraryPage = page;
  if (!page.examples.length) noteRow(examples, 'No verified examples yet: open a question above and verify it.');
  else examples.replaceChildren(...page.examples.map(example => exampleRow(panel, example)));
  if (!page.glossary.length) noteRow(glossary, 'No terms yet.');
  else glossary.replaceChildren(...page.glossary.map(glossaryRow));
}

/** A verified example of `databaseId`, read from its library (which is then the one shown), or null. */
export async function find(panel, databaseId, exampleId) {
  await show(panel, databaseId);
  const page = panel.libraryPage;
  return page?.databaseId === databaseId ? page.examples.find(e => e.exampleId === exampleId) ?? null : null;
}

function exampleRow(panel, example) {
  const edit = el('button', { type: 'button', className: 'secondary small-btn edit', text: 'Edit', on: { click: () => onEdit(example) } });
  const remove = el('button', { type: 'button', className: 'danger small-btn remove', text: 'Remove' });
  remove.addEventListener('click', () => busy(remove, () => removeExample(panel, example)));
  const status = example.isBroken
    ? el('td', {}, el('span', { className: 'badge status-revoked', text: 'broken' }), el('span', { className: 'reason muted small', text: example.brokenReason ?? '' }))
    : el('td', {}, el('span', { className: 'badge status-active', text: 'working' }));
  return el('tr', { dataset: { exampleId: example.exampleId } },
    td(example.question, 'text-cell'),
    el('td', { className: 'sql-cell' }, el('code', { text: example.sql })),
    td(example.verifiedByName),
    td(formatTime(example.verifiedAt), 'when'),
    td(example.notes || '–', 'notes-cell'),
    status,
    el('td', { className: 'actions-cell' }, edit, remove));
}

async function removeExample(panel, example) {
  if (!await confirmAction(`Remove “${example.question}” from the verified library?`, 'Remove')) return;
  try {
    await api.del(`/dashboard/databases/${encodeURIComponent(example.databaseId)}/library/${example.exampleId}`);
    await show(panel);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) showMessage(panel.querySelector('#library-message'), error.details, 'error');
  }
}

function glossaryRow(entry) {
  const row = el('tr', {},
    el('td', {}, el('input', { className: 'term', value: entry.term, maxlength: 100, 'aria-label': 'Term', autocomplete: 'off' })),
    el('td', {}, el('input', { className: 'meaning', value: entry.meaning, maxlength: 500, 'aria-label': 'Meaning', autocomplete: 'off' })));
  row.append(el('td', { className: 'actions-cell' },
    el('button', { type: 'button', className: 'secondary small-btn', text: 'Remove', on: { click: () => row.remove() } })));
  return row;
}

async function saveGlossary(panel) {
  const chosen = panel.querySelector('#library-database').value;
  const note = panel.querySelector('#glossary-message');
  const lines = [...panel.querySelectorAll('#glossary-table tbody tr:not(.note-row)')]
    .map(row => ({ term: row.querySelector('.term').value.trim(), meaning: row.querySelector('.meaning').value.trim() }))
    .filter(line => line.term || line.meaning);
  if (lines.some(line => !line.term || !line.meaning)) return showMessage(note, 'Each term needs its meaning, and each meaning its term.', 'error');
  try {
    const saved = await api.put(`/dashboard/databases/${encodeURIComponent(chosen)}/glossary`, lines);
    showMessage(note, `Glossary saved: ${saved.glossary.length} term${saved.glossary.length === 1 ? '' : 's'}.`, 'success');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) showMessage(note, error.details, 'error');
  }
}
