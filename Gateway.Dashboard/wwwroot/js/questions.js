// Questions tab (owners): the organization's recent questions, filtered; one opens in the editor, whose SQL can be
// run and verified into the database's library (library.js) below.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td, numTd } from './dom.js';
import { formatCost, formatNumber, formatTime, utcDayOffset } from './format.js';
import * as editor from './question-editor.js';
import * as library from './library.js';

export function mount(panel) {
  panel.querySelector('#questions-from').value = utcDayOffset(29);
  panel.querySelector('#questions-to').value = utcDayOffset(0);
  const apply = () => busy(panel.querySelector('#questions-apply'), () => refresh(panel));
  panel.querySelector('#questions-filter').addEventListener('submit', event => {
    event.preventDefault();
    apply();
  });
  for (const id of ['#questions-down', '#questions-failed', '#questions-member', '#questions-database']) {
    panel.querySelector(id).addEventListener('change', apply);
  }
  const changed = databaseId => {
    refresh(panel);
    library.show(panel, databaseId);
  };
  editor.mount(panel, changed);
  library.mount(panel, example => editor.openExample(panel, example));
}

export async function load(panel) {
  await loadChoices(panel);
  await Promise.all([refresh(panel), library.show(panel)]);
}

// Members and the organization's own databases fill the filters; shared databases have no library here.
async function loadChoices(panel) {
  try {
    const [members, databases] = await Promise.all([api.get('/dashboard/members'), api.get('/dashboard/databases')]);
    fill(panel.querySelector('#questions-member'), 'All members', members.map(m => [m.userId, m.displayName || String(m.userId)]));
    const own = databases.filter(db => !db.isShared).map(db => [db.databaseId, db.name]);
    fill(panel.querySelector('#questions-database'), 'All databases', own);
    library.setDatabases(panel, own);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) showMessage(panel.querySelector('#questions-error'), error.details, 'error');
  }
}

function fill(select, allLabel, choices) {
  const kept = select.value;
  select.replaceChildren(el('option', { value: '', text: allLabel }), ...choices.map(([value, label]) => el('option', { value, text: label })));
  if (choices.some(([value]) => String(value) === kept)) select.value = kept;
}

/** The filter as query parameters, or null (with the reason shown) when the range is not valid. */
function filter(panel) {
  const from = panel.querySelector('#questions-from');
  const to = panel.querySelector('#questions-to');
  let problem = '';
  if (!from.value || !to.value) problem = 'Choose both a start and an end day.';
  else if (from.value > to.value) problem = 'The start day must be on or before the end day.';
  from.setAttribute('aria-invalid', String(problem !== ''));
  showMessage(panel.querySelector('#questions-error'), problem, 'error');
  if (problem) return null;
  return {
    from: from.value,
    to: to.value,
    feedback: panel.querySelector('#questions-down').checked ? 'down' : '',
    failed: panel.querySelector('#questions-failed').checked ? 'true' : '',
    member: panel.querySelector('#questions-member').value,
    database: panel.querySelector('#questions-database').value,
  };
}

async function refresh(panel) {
  const params = filter(panel);
  if (!params) return;
  const tbody = panel.querySelector('#questions-table tbody');
  const status = panel.querySelector('#questions-status');
  noteRow(tbody, 'Loading…', 'loading');
  status.textContent = '';
  let questions;
  try {
    questions = await api.get(api.query('/dashboard/questions', params));
  } catch (error) {
    if (error instanceof api.SessionEndedError) return;
    showMessage(panel.querySelector('#questions-error'), error.details, 'error');
    noteRow(tbody, 'Not loaded.', 'error');
    return;
  }
  status.textContent = `${formatNumber(questions.length)} question${questions.length === 1 ? '' : 's'}, newest first.`;
  if (!questions.length) noteRow(tbody, 'No questions match these filters.');
  else tbody.replaceChildren(...questions.map(q => row(panel, q)));
}

function row(panel, q) {
  const open = el('button', { type: 'button', className: 'secondary small-btn open', text: 'Open' });
  open.setAttribute('aria-label', `Open “${q.question}”`);
  // A verified question opens as its example, whose SQL may have been edited when it was verified.
  open.addEventListener('click', () => busy(open, async () => {
    const example = q.verifiedAsExampleId ? await library.find(panel, q.databaseId, q.verifiedAsExampleId) : null;
    if (example) editor.openExample(panel, example, q.conversationId);
    else editor.openQuestion(panel, q);
  }));
  return el('tr', { dataset: { conversationId: q.conversationId } },
    td(formatTime(q.startedAt), 'time'),
    td(q.memberName),
    td(q.databaseName || q.databaseId || '–'),
    el('td', { className: 'text-cell' }, q.question, badges(q)),
    el('td', {}, el('span', { className: `badge ${q.failed ? 'status-revoked' : 'status-active'}`, text: outcomeLabel(q.outcome) })),
    numTd(q.resultRows === null || q.resultRows === undefined ? '–' : formatNumber(q.resultRows)),
    el('td', { className: 'feedback' }, feedbackLabel(q.feedback), q.feedbackReason ? el('span', { className: 'reason muted small', text: q.feedbackReason }) : null),
    numTd(formatCost(q.cost, q.unpricedCalls)),
    el('td', { className: 'actions-cell' }, open));
}

function badges(q) {
  const list = [];
  if (q.verifiedAsExampleId) list.push(el('span', { className: 'badge status-active', text: '✓ verified' }));
  if (q.answeredFromExampleId) list.push(el('span', { className: 'badge shared', text: 'from a verified query' }));
  return list.length ? el('span', { className: 'row-badges' }, ...list) : null;
}

export const outcomeLabel = outcome => (outcome === 'Answered' ? 'Answered' : (outcome || '–').replace(/([a-z])([A-Z])/g, '$1 $2'));
const feedbackLabel = verdict => ({ Helpful: '👍', NotHelpful: '👎' }[verdict] ?? '–');
