// Invitations tab (owners): create, list, copy and revoke invitation codes.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td } from './dom.js';
import { formatTime, formatNumber } from './format.js';
import { confirmAction } from './confirm.js';
import { copyText } from './clipboard.js';

const shareText = invitation => invitation.link || invitation.joinCommand || `/join ${invitation.code}`;

function readWhole(input, min, max, label) {
  const text = input.value.trim();
  const value = Number(text);
  const ok = /^[0-9]+$/.test(text) && value >= min && value <= max;
  input.setAttribute('aria-invalid', String(!ok));
  return ok ? { value } : { error: `${label} must be a whole number from ${formatNumber(min)} to ${formatNumber(max)}.` };
}

export function mount(panel) {
  const form = panel.querySelector('#invitation-form');
  const error = panel.querySelector('#invitation-error');
  let created = null;

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const maxUses = readWhole(panel.querySelector('#invitation-max-uses'), 1, 1000, 'Maximum uses');
    const validDays = readWhole(panel.querySelector('#invitation-valid-days'), 1, 90, 'Valid days');
    const problems = [maxUses.error, validDays.error].filter(Boolean);
    showMessage(error, problems.join(' '), 'error');
    if (problems.length) return;
    await busy(panel.querySelector('#invitation-create'), async () => {
      try {
        created = await api.post('/dashboard/invitations/create', { maxUses: maxUses.value, validDays: validDays.value });
        showCreated(panel, created);
        await loadTable(panel);
      } catch (failure) {
        if (!(failure instanceof api.SessionEndedError)) showMessage(error, failure.details, 'error');
      }
    });
  });

  panel.querySelector('#invitation-created-copy').addEventListener('click', () => {
    if (created) copyText(shareText(created), panel.querySelector('#invitation-created [data-copied]'));
  });
}

function showCreated(panel, invitation) {
  panel.querySelector('#invitation-created-code').textContent = invitation.code;
  panel.querySelector('#invitation-created-command').textContent = invitation.joinCommand || `/join ${invitation.code}`;
  panel.querySelector('#invitation-created-copy').textContent = invitation.link ? 'Copy link' : 'Copy join command';
  panel.querySelector('#invitation-created [data-copied]').textContent = '';
  panel.querySelector('#invitation-created').hidden = false;
}

export const load = panel => loadTable(panel);

async function loadTable(panel) {
  const tbody = panel.querySelector('#invitations-table tbody');
  if (!tbody.querySelector('tr[data-code]')) noteRow(tbody, 'Loading invitations…', 'loading');
  let list;
  try {
    list = await api.get('/dashboard/invitations');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) noteRow(tbody, error.message, 'error');
    return;
  }
  if (!list.length) {
    noteRow(tbody, 'No invitations yet.');
    return;
  }
  tbody.replaceChildren(...list.map(invitation => row(invitation, panel)));
}

function row(invitation, panel) {
  const copied = el('span', { className: 'copied', 'aria-live': 'polite' });
  const active = invitation.status === 'Active';
  return el('tr', { dataset: { code: invitation.code } },
    el('td', {}, el('code', { className: 'code', text: invitation.code }), invitee(invitation)),
    el('td', {}, el('span', { className: `badge status-${String(invitation.status).toLowerCase()}`, text: statusLabel(invitation.status) })),
    td(`${formatNumber(invitation.uses)} / ${formatNumber(invitation.maxUses)}`, 'num'),
    td(formatTime(invitation.createdAt), 'time'),
    td(formatTime(invitation.expiresAt), 'time'),
    el('td', {}, usageLog(invitation.usageLog ?? [])),
    el('td', { className: 'actions-cell' },
      el('button', {
        type: 'button', className: 'secondary small-btn copy-link', text: invitation.link ? 'Copy link' : 'Copy command',
        'aria-label': `Copy the ${invitation.link ? 'link' : 'join command'} of invitation ${invitation.code}`,
        on: { click: () => copyText(shareText(invitation), copied) },
      }),
      el('button', {
        type: 'button', className: 'danger small-btn revoke', text: 'Revoke', disabled: !active,
        'aria-label': `Revoke invitation ${invitation.code}`,
        on: { click: event => revoke(event.currentTarget, invitation, panel) },
      }),
      copied));
}

// A personal invitation (a member added by user id on the Members tab) says whom it was sent to; only that person can use it.
const invitee = invitation => invitation.invitee == null ? null
  : el('div', { className: 'muted invitee', text: `for ${invitation.inviteeName || invitation.invitee}` });

const statusLabel = status => ({ UsedUp: 'Used up' }[status] ?? status);

function usageLog(log) {
  if (!log.length) return el('span', { className: 'muted', text: 'Nobody yet' });
  return el('details', {},
    el('summary', { text: `${formatNumber(log.length)} ${log.length === 1 ? 'person' : 'people'}` }),
    el('ul', { className: 'usage-log' }, log.map(use => el('li', {},
      el('span', { text: use.displayName || String(use.userId) }),
      el('span', { className: 'muted', text: ` (${use.userId}) · ${formatTime(use.usedAt)}` })))));
}

async function revoke(button, invitation, panel) {
  const ok = await confirmAction(`Revoke invitation ${invitation.code}? Nobody can join with it afterwards; people who already joined stay.`, 'Revoke');
  if (!ok) return;
  const message = panel.querySelector('#invitations-message');
  await busy(button, async () => {
    try {
      await api.del(api.query('/dashboard/invitations/revoke', { code: invitation.code }));
      showMessage(message, `Invitation ${invitation.code} was revoked.`, 'success');
      await loadTable(panel);
    } catch (error) {
      if (!(error instanceof api.SessionEndedError)) showMessage(message, error.details, 'error');
    }
  });
}
