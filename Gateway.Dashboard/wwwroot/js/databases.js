// Databases tab: the organization's and shared databases; owners test, add and remove connections.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td } from './dom.js';
import { formatTime } from './format.js';
import { confirmAction } from './confirm.js';

export function mount(panel, context) {
  if (!context.isOwner) return;
  const form = panel.querySelector('#database-form');
  const name = panel.querySelector('#database-name');
  const connection = panel.querySelector('#database-connection');
  const message = panel.querySelector('#database-message');

  const check = needName => {
    const missing = [];
    if (needName && name.value.trim() === '') missing.push([name, 'a name']);
    if (connection.value.trim() === '') missing.push([connection, 'a connection string']);
    name.setAttribute('aria-invalid', String(missing.some(([field]) => field === name)));
    connection.setAttribute('aria-invalid', String(missing.some(([field]) => field === connection)));
    if (!missing.length) return true;
    showMessage(message, `Enter ${missing.map(([, what]) => what).join(' and ')}.`, 'error');
    missing[0][0].focus();
    return false;
  };

  panel.querySelector('#database-test').addEventListener('click', async event => {
    showMessage(message, '');
    if (!check(false)) return;
    await busy(event.currentTarget, async () => {
      showMessage(message, 'Testing the connection…', 'info');
      try {
        const answer = await api.post('/dashboard/databases/test', { connectionString: connection.value });
        showResult(message, answer?.message || 'The connection works.', answer?.warning);
      } catch (error) {
        if (!(error instanceof api.SessionEndedError)) showMessage(message, error.details, 'error');
      }
    });
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    showMessage(message, '');
    if (!check(true)) return;
    await busy(panel.querySelector('#database-create'), async () => {
      showMessage(message, 'Connecting and adding the database…', 'info');
      try {
        const answer = await api.post('/dashboard/databases/create', { name: name.value.trim(), connectionString: connection.value });
        // The connection string is never kept in the page once it has been stored.
        connection.value = '';
        name.value = '';
        showResult(message, `${answer?.database?.name ?? 'The database'} was added.`, answer?.warning);
        await loadTable(panel, context);
      } catch (error) {
        if (!(error instanceof api.SessionEndedError)) showMessage(message, error.details, 'error');
      }
    });
  });
}

function showResult(target, text, warning) {
  showMessage(target, warning ? `${text} Warning: ${warning}` : text, warning ? 'warning' : 'success');
}

export const load = (panel, context) => loadTable(panel, context);

// writeMode is true when the assistant may run statements that change data.
const writeModeLabel = mode => (typeof mode === 'boolean' ? (mode ? 'Read and write' : 'Read only') : mode ?? '–');

async function loadTable(panel, context) {
  const tbody = panel.querySelector('#databases-table tbody');
  noteRow(tbody, 'Loading databases…', 'loading');
  let list;
  try {
    list = await api.get('/dashboard/databases');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) noteRow(tbody, error.message, 'error');
    return;
  }
  if (!list.length) {
    noteRow(tbody, 'No databases yet.');
    return;
  }
  tbody.replaceChildren(...list.map(db => row(db, panel, context)));
}

function row(db, panel, context) {
  const tr = el('tr', { dataset: { databaseId: db.databaseId } },
    el('td', {}, el('strong', { text: db.name })),
    td(db.providerName),
    td(db.description || '–'),
    el('td', {}, el('span', { className: `badge ${db.isShared ? 'shared' : ''}`, text: db.isShared ? 'Shared' : 'Organization' })),
    td(writeModeLabel(db.writeMode)),
    td(formatTime(db.createdAt), 'time'));
  if (context.isOwner) {
    const cell = el('td', { className: 'actions-cell' });
    if (!db.isShared) {
      cell.append(el('button', {
        type: 'button', className: 'danger small-btn remove', text: 'Remove', 'aria-label': `Remove ${db.name}`,
        on: { click: event => remove(event.currentTarget, db, panel, context) },
      }));
    }
    tr.append(cell);
  }
  return tr;
}

async function remove(button, db, panel, context) {
  const ok = await confirmAction(`Remove the database "${db.name}"? Members can no longer ask questions about it.`, 'Remove');
  if (!ok) return;
  const message = panel.querySelector('#databases-list-message');
  await busy(button, async () => {
    try {
      await api.del(api.query('/dashboard/databases/remove', { databaseId: db.databaseId }));
      showMessage(message, `${db.name} was removed.`, 'success');
      await loadTable(panel, context);
    } catch (error) {
      if (!(error instanceof api.SessionEndedError)) showMessage(message, error.details, 'error');
    }
  });
}
