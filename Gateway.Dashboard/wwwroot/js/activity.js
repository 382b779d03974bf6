// Activity tab (owners): the organization's activity log, newest first, filtered and paged.
import * as api from './api.js';
import { el, showMessage, noteRow, td } from './dom.js';
import { formatTime, formatNumber } from './format.js';

const PAGE_SIZE = 50;

export function mount(panel) {
  const state = { page: 1, total: 0, userId: '', eventType: '', eventTypes: new Set() };
  panel.activityState = state;
  const user = panel.querySelector('#activity-user');
  const event = panel.querySelector('#activity-event');

  panel.querySelector('#activity-filter').addEventListener('submit', submit => {
    submit.preventDefault();
    const userId = user.value.trim();
    const bad = userId !== '' && !/^[0-9]+$/.test(userId);
    user.setAttribute('aria-invalid', String(bad));
    showMessage(panel.querySelector('#activity-error'), bad ? 'A Telegram user id has digits only.' : '', 'error');
    if (bad) return;
    Object.assign(state, { page: 1, userId, eventType: event.value.trim() });
    load(panel);
  });
  panel.querySelector('#activity-clear').addEventListener('click', () => {
    user.value = '';
    event.value = '';
    user.setAttribute('aria-invalid', 'false');
    showMessage(panel.querySelector('#activity-error'), '');
    Object.assign(state, { page: 1, userId: '', eventType: '' });
    load(panel);
  });
  panel.querySelector('#activity-prev').addEventListener('click', () => {
    if (state.page > 1) { state.page -= 1; load(panel); }
  });
  panel.querySelector('#activity-next').addEventListener('click', () => {
    if (state.page * PAGE_SIZE < state.total) { state.page += 1; load(panel); }
  });
}

export async function load(panel) {
  const state = panel.activityState;
  const tbody = panel.querySelector('#activity-table tbody');
  const prev = panel.querySelector('#activity-prev');
  const next = panel.querySelector('#activity-next');
  prev.disabled = true;
  next.disabled = true;
  noteRow(tbody, 'Loading activity…', 'loading');
  let data;
  try {
    data = await api.get(api.query('/dashboard/activity', {
      page: state.page, pageSize: PAGE_SIZE, userId: state.userId, eventType: state.eventType,
    }));
  } catch (error) {
    if (error instanceof api.SessionEndedError) return;
    noteRow(tbody, 'Not loaded.', 'error');
    showMessage(panel.querySelector('#activity-error'), error.details, 'error');
    return;
  }
  state.total = data.total ?? 0;
  state.page = data.page ?? state.page;
  const size = data.pageSize || PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(state.total / size));
  panel.querySelector('#activity-page').textContent =
    `Page ${formatNumber(state.page)} of ${formatNumber(pages)} · ${formatNumber(state.total)} ${state.total === 1 ? 'entry' : 'entries'}`;
  prev.disabled = state.page <= 1;
  next.disabled = state.page >= pages;

  const entries = data.entries ?? [];
  rememberEventTypes(panel, entries);
  if (!entries.length) {
    noteRow(tbody, state.userId || state.eventType ? 'No activity matches these filters.' : 'No activity yet.');
    return;
  }
  tbody.replaceChildren(...entries.map(entry => el('tr', { dataset: { id: entry.id } },
    td(formatTime(entry.occurredAt), 'time'),
    td(entry.displayName ? `${entry.displayName} (${entry.userId})` : entry.userId != null ? String(entry.userId) : '–'),
    td(entry.source),
    td(entry.eventType),
    td([entry.targetType, entry.targetId].filter(v => v !== null && v !== undefined && v !== '').join(' ') || '–'),
    td(entry.details || '–', 'details'))));
}

function rememberEventTypes(panel, entries) {
  const known = panel.activityState.eventTypes;
  const before = known.size;
  entries.forEach(entry => entry.eventType && known.add(entry.eventType));
  if (known.size === before) return;
  panel.querySelector('#activity-event-types').replaceChildren(...[...known].sort().map(type => el('option', { value: type })));
}
