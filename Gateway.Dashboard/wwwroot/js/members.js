// Members tab: the member list; owners invite, remove and export members.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td } from './dom.js';
import { formatTime, roleLabel } from './format.js';
import { confirmAction } from './confirm.js';

const OWNER = 'OrgOwner';

export function mount(panel, context) {
  if (!context.isOwner) return;
  const form = panel.querySelector('#member-add-form');
  const input = panel.querySelector('#member-user-id');
  const error = panel.querySelector('#member-add-error');
  const result = panel.querySelector('#member-add-result');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    showMessage(result, '');
    const value = input.value.trim();
    const problem = value === '' ? 'Enter the Telegram user id of the person to invite.'
      : !/^[0-9]+$/.test(value) ? 'A Telegram user id has digits only, such as 123456789.'
      : !Number.isSafeInteger(Number(value)) || Number(value) === 0 ? 'That is not a Telegram user id.' : '';
    input.setAttribute('aria-invalid', String(problem !== ''));
    showMessage(error, problem, 'error');
    if (problem) {
      input.focus();
      return;
    }
    await busy(panel.querySelector('#member-add'), async () => {
      try {
        // The person joins only by accepting in the bot, so the list does not change now.
        const answer = await api.post('/dashboard/members/add', { userId: Number(value) });
        input.value = '';
        showMessage(result, answer?.message || 'Invitation sent.', 'success');
      } catch (failure) {
        if (failure instanceof api.SessionEndedError) return;
        showMessage(error, failure.details, 'error');
      }
    });
  });

  panel.querySelector('#members-export').addEventListener('click', async event => {
    const message = panel.querySelector('#members-message');
    showMessage(message, '');
    await busy(event.currentTarget, async () => {
      try {
        await api.download('/dashboard/members/export', 'members.csv');
      } catch (failure) {
        if (!(failure instanceof api.SessionEndedError)) showMessage(message, failure.details, 'error');
      }
    });
  });
}

export const load = (panel, context) => loadTable(panel, context);

async function loadTable(panel, context) {
  const tbody = panel.querySelector('#members-table tbody');
  noteRow(tbody, 'Loading members…', 'loading');
  let list;
  try {
    list = await api.get('/dashboard/members');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) noteRow(tbody, error.message, 'error');
    return;
  }
  if (!list.length) {
    noteRow(tbody, 'No members yet.');
    return;
  }
  tbody.replaceChildren(...list.map(member => row(member, panel, context)));
}

function row(member, panel, context) {
  const tr = el('tr', { dataset: { userId: member.userId } },
    td(member.displayName),
    td(member.telegramUsername ? `@${member.telegramUsername}` : '–'),
    td(String(member.userId), 'mono'),
    td(roleLabel(member.role)),
    td(formatTime(member.joinedAt), 'time'),
    td(member.lastSeen ? formatTime(member.lastSeen) : 'Never', 'time'));
  if (context.isOwner) {
    const cell = el('td', { className: 'actions-cell' });
    if (member.role !== OWNER) {
      cell.append(el('button', {
        type: 'button', className: 'danger small-btn remove', text: 'Remove',
        'aria-label': `Remove ${member.displayName || member.userId}`,
        on: { click: event => remove(event.currentTarget, member, panel, context) },
      }));
    }
    tr.append(cell);
  }
  return tr;
}

async function remove(button, member, panel, context) {
  const name = member.displayName || String(member.userId);
  const ok = await confirmAction(`Remove ${name} from the organization? Their dashboard sessions end at once and they can no longer ask questions about its databases.`, 'Remove');
  if (!ok) return;
  const message = panel.querySelector('#members-message');
  await busy(button, async () => {
    try {
      await api.del(api.query('/dashboard/members/remove', { userId: member.userId }));
      showMessage(message, `${name} was removed.`, 'success');
      await loadTable(panel, context);
    } catch (error) {
      if (!(error instanceof api.SessionEndedError)) showMessage(message, error.details, 'error');
    }
  });
}
