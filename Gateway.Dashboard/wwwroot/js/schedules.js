// Schedules tab: owners see every scheduled report and alert of the organization's members, members their own; each can be
// paused or resumed, run now, deleted (after confirming) and its last runs opened below the table.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td, numTd } from './dom.js';
import { formatCost, formatNumber } from './format.js';
import { confirmAction } from './confirm.js';

const OUTCOMES = {
  Running: 'Running',
  Delivered: 'Delivered',
  NoRows: 'No rows',
  AlertFired: 'Alert sent',
  AlertReturned: 'Back to normal',
  AlertQuiet: 'Checked, nothing to tell',
  RetryPending: 'Database down, will retry',
  Failed: 'Failed',
  Paused: 'Paused (no permission)',
};
const FAILED = new Set(['Failed', 'Paused', 'RetryPending']);

export function mount(panel, context) {
  panel.querySelector('#schedule-runs-close').addEventListener('click', () => closeRuns(panel));
  panel.dataset.owner = String(Boolean(context?.isOwner));
}

export const load = panel => refresh(panel);

async function refresh(panel) {
  const tbody = panel.querySelector('#schedules-table tbody');
  if (!tbody.querySelector('tr[data-schedule-id]')) noteRow(tbody, 'Loading schedules…', 'loading');
  let list;
  try {
    list = await api.get('/dashboard/schedules');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) noteRow(tbody, error.details, 'error');
    return;
  }
  panel.querySelector('#schedules-empty').hidden = list.length > 0;
  panel.querySelector('#schedules-table').closest('.table-wrap').hidden = list.length === 0;
  tbody.replaceChildren(...list.map(schedule => row(panel, schedule)));
  const open = panel.querySelector('#schedule-runs').dataset.scheduleId;
  if (open && !list.some(s => s.scheduleId === open)) closeRuns(panel);
}

function row(panel, s) {
  const paused = s.status === 'Paused';
  const button = (className, text, label, work) => el('button', {
    type: 'button', className: `${className} small-btn`, text, 'aria-label': `${label} “${s.title}”`,
    on: { click: event => act(event.currentTarget, panel, work) },
  });
  const cells = [
    el('td', { className: 'text-cell' }, s.title, el('span', { className: 'muted small schedules-zone', text: kindLine(s) })),
    panel.dataset.owner === 'true' ? td(s.ownerName) : null,
    td(s.databaseName || 'removed database'),
    td(s.rhythm),
    el('td', { className: 'time' }, nextRun(s)),
    el('td', {}, el('span', { className: `badge ${paused ? 'status-revoked' : 'status-active'}`, text: paused ? 'Paused' : 'Active' }),
      s.pauseText ? el('span', { className: 'reason muted small schedules-zone', text: s.pauseText }) : null),
    s.lastRun
      ? el('td', {}, outcomeLabel(s.lastRun.outcome), el('span', { className: 'muted small schedules-zone', text: localTime(s.lastRun.startedAt) }))
      : td('Not run yet'),
    el('td', { className: 'actions-cell' },
      paused
        ? button('secondary resume', 'Resume', 'Resume', () => change(panel, s, 'resume'))
        : button('secondary pause', 'Pause', 'Pause', () => change(panel, s, 'pause')),
      button('secondary run-now', 'Run now', 'Run now', () => change(panel, s, 'run')),
      button('secondary runs', 'Runs', 'Show the last runs of', () => showRuns(panel, s)),
      button('danger delete', 'Delete', 'Delete', () => remove(panel, s))),
  ];
  return el('tr', { dataset: { scheduleId: s.scheduleId, status: s.status } }, cells);
}

async function act(button, panel, work) {
  await busy(button, async () => {
    try {
      await work();
    } catch (error) {
      if (error instanceof api.SessionEndedError) return;
      showMessage(panel.querySelector('#schedules-message'), error.details, 'error');
      // A refusal often means the table is out of date (paused or deleted elsewhere): show it as it is now.
      if (error.status === 404 || error.status === 409) await refresh(panel);
    }
  });
}

const path = s => `/dashboard/schedules/${encodeURIComponent(s.scheduleId)}`;

async function change(panel, s, verb) {
  const answer = await api.post(`${path(s)}/${verb}`);
  showMessage(panel.querySelector('#schedules-message'), answer.message, 'success');
  await refresh(panel);
  if (panel.querySelector('#schedule-runs').dataset.scheduleId === s.scheduleId) await showRuns(panel, answer.schedule ?? s);
}

async function remove(panel, s) {
  const ok = await confirmAction(`Delete “${s.title}”? It stops running for good; its past runs stay in the cost records.`, 'Delete');
  if (!ok) return;
  const answer = await api.del(path(s));
  showMessage(panel.querySelector('#schedules-message'), answer.message, 'success');
  await refresh(panel);
}

async function showRuns(panel, s) {
  const section = panel.querySelector('#schedule-runs');
  const tbody = section.querySelector('tbody');
  section.dataset.scheduleId = s.scheduleId;
  section.querySelector('#schedule-runs-title').textContent = `Last runs of “${s.title}”`;
  section.querySelector('#schedule-runs-details').textContent = details(s);
  section.hidden = false;
  for (const tr of panel.querySelectorAll('#schedules-table tr[data-schedule-id]')) {
    tr.classList.toggle('selected-row', tr.dataset.scheduleId === s.scheduleId);
  }
  noteRow(tbody, 'Loading runs…', 'loading');
  const runs = await api.get(`${path(s)}/runs`);
  if (!runs.length) noteRow(tbody, 'It has not run yet.');
  else tbody.replaceChildren(...runs.map(runRow));
  section.scrollIntoView({ block: 'nearest' });
}

function closeRuns(panel) {
  const section = panel.querySelector('#schedule-runs');
  section.hidden = true;
  delete section.dataset.scheduleId;
  panel.querySelectorAll('#schedules-table tr.selected-row').forEach(tr => tr.classList.remove('selected-row'));
}

const runRow = run => el('tr', { dataset: { runId: run.runId, outcome: run.outcome } },
  td(`${localTime(run.startedAt)}${run.manual ? ' (run now)' : ''}`, 'time'),
  el('td', {}, el('span', { className: `badge ${FAILED.has(run.outcome) ? 'status-revoked' : 'status-active'}`, text: outcomeLabel(run.outcome) }),
    run.attempts > 1 ? el('span', { className: 'muted small', text: ` after ${formatNumber(run.attempts)} tries` }) : null),
  numTd(run.rows === null || run.rows === undefined ? '–' : formatNumber(run.rows)),
  numTd(formatCost(run.cost, run.unpricedCalls)),
  td(run.error || ''));

/** Where it goes besides the owner's chat, and an alert's rule. */
function details(s) {
  const parts = [];
  if (s.alert) parts.push(`Alert ${s.alert}${s.lastValue !== null && s.lastValue !== undefined ? ` (last value ${s.lastValue})` : ''}.`);
  parts.push(s.emailTo?.length ? `E-mailed to ${s.emailTo.join(', ')}.` : 'Not e-mailed.');
  parts.push(s.webhookHost ? `Posted to a webhook at ${s.webhookHost}.` : 'No webhook.');
  return parts.join(' ');
}

const kindLine = s => (s.kind === 'Alert' ? `🔔 Alert ${s.alert ?? ''}` : '⏰ Report');

/** The next run in the browser's zone, with the wall-clock time in the zone the schedule is read in. */
function nextRun(s) {
  if (!s.nextDueAt) return el('span', { className: 'muted', text: 'Not while paused' });
  return [
    el('span', { text: localTime(s.nextDueAt) }),
    el('span', { className: 'muted small schedules-zone', text: zoneTime(s.nextDueAt, s.timeZone) }),
  ];
}

// The browser's own zone: the table's headings say "your time".
const localFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function localTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : localFormat.format(d);
}

function zoneTime(iso, zone) {
  try {
    const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(iso));
    return `${clock} ${zone} time`;
  } catch {
    return `${zone} time`;
  }
}

const outcomeLabel = outcome => OUTCOMES[outcome] ?? outcome ?? '–';
