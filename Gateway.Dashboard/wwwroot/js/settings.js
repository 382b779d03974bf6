// Settings tab (owners): the organization's AI budget, the zone its months begin in, members' budgets and the model of
// each stage. The server checks every value; its refusal is shown in words next to the field it names.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td, numTd } from './dom.js';
import { formatMoney } from './format.js';

const ZONES = ['UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome',
  'Europe/Amsterdam', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Stockholm', 'Europe/Warsaw', 'Europe/Prague', 'Europe/Athens',
  'Europe/Helsinki', 'Europe/Kyiv', 'Europe/Istanbul', 'Africa/Cairo', 'Africa/Lagos', 'Africa/Johannesburg', 'Asia/Dubai',
  'Asia/Kolkata', 'Asia/Singapore', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney',
  'Pacific/Auckland', 'America/Sao_Paulo', 'America/Mexico_City', 'America/New_York', 'America/Toronto', 'America/Chicago',
  'America/Denver', 'America/Los_Angeles'];
const STAGES = ['summary', 'answer', 'email'];
const NUMBER = /^-?\d+(\.\d+)?$/;

export function mount(panel) {
  panel.querySelector('#settings-timezones').replaceChildren(...ZONES.map(zone => el('option', { value: zone })));
  const budgetInput = panel.querySelector('#budget-usd');
  const budgetError = panel.querySelector('#budget-usd-error');
  panel.querySelector('#budget-form').addEventListener('submit', event => {
    event.preventDefault();
    change(panel, panel.querySelector('#budget-save'), '/dashboard/settings/budget', { monthlyUsd: amount(budgetInput.value) },
      budgetInput, budgetError, 'The monthly budget is saved.');
  });
  panel.querySelector('#budget-remove').addEventListener('click', event => change(panel, event.currentTarget, '/dashboard/settings/budget',
    { monthlyUsd: null }, budgetInput, budgetError, 'The monthly budget is removed: spending is not limited.'));
  const zone = panel.querySelector('#settings-timezone');
  panel.querySelector('#timezone-form').addEventListener('submit', event => {
    event.preventDefault();
    change(panel, panel.querySelector('#timezone-save'), '/dashboard/settings/timezone', { timeZone: zone.value.trim() },
      zone, panel.querySelector('#settings-timezone-error'), 'The time zone is saved.');
  });
  panel.querySelector('#models-form').addEventListener('submit', event => {
    event.preventDefault();
    saveModels(panel);
  });
}

export async function load(panel) {
  const tbody = panel.querySelector('#member-budgets-table tbody');
  if (!tbody.querySelector('tr[data-user-id]')) noteRow(tbody, 'Loading…', 'loading');
  try {
    show(panel, await api.get('/dashboard/settings'));
  } catch (error) {
    if (error instanceof api.SessionEndedError) return;
    noteRow(tbody, 'Not loaded.', 'error');
    showMessage(panel.querySelector('#settings-message'), error.details, 'error');
  }
}

/** A typed amount as a number when it reads as one ("$1,250.50" too); anything else goes as typed, and the server says what is wrong. */
function amount(text) {
  const plain = text.trim().replace(/^\$/, '').replace(/,/g, '');
  return NUMBER.test(plain) ? Number(plain) : text.trim();
}

/** Sends one change; the page then shows the settings the server answered with, or its refusal next to the field. */
async function change(panel, button, path, body, input, fieldError, done) {
  const message = panel.querySelector('#settings-message');
  await busy(button, async () => {
    try {
      const view = await api.put(path, body);
      input.setAttribute('aria-invalid', 'false');
      fieldError.textContent = '';
      show(panel, view);
      showMessage(message, done, 'success');
    } catch (error) {
      if (error instanceof api.SessionEndedError) return;
      showMessage(message, '');
      input.setAttribute('aria-invalid', 'true');
      fieldError.textContent = fieldText(error);
      input.focus();
    }
  });
}

/** The refusal's own words for its field (else its title). */
const fieldText = error => Object.values(error.errors).flat()[0] || error.message;

function show(panel, view) {
  const month = view.month;
  panel.querySelector('#budget-usd').value = view.monthlyUsd ?? '';
  panel.querySelector('#budget-month').textContent = view.monthlyUsd == null
    ? `No budget set. Spent this month: ${formatMoney(month.spentUsd)}.`
    : `Spent this month: ${formatMoney(month.spentUsd)} of ${formatMoney(view.monthlyUsd)}; it resets in ${days(month.daysToReset)}.`;
  panel.querySelector('#settings-timezone').value = view.timeZone;
  showMembers(panel, view.members);
  showModels(panel, view);
}

const days = n => `${n} day${n === 1 ? '' : 's'}`;

function showMembers(panel, members) {
  const tbody = panel.querySelector('#member-budgets-table tbody');
  if (!members.length) {
    noteRow(tbody, 'No members yet.');
    return;
  }
  tbody.replaceChildren(...members.map(member => memberRow(panel, member)));
}

function memberRow(panel, member) {
  const id = `member-budget-${member.userId}`;
  const input = el('input', { id, inputmode: 'decimal', autocomplete: 'off', maxlength: '20', value: member.monthlyUsd ?? '',
    'aria-label': `Monthly budget of ${member.displayName} in US dollars`, 'aria-describedby': `${id}-error` });
  const error = el('p', { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' });
  const path = `/dashboard/settings/members/${encodeURIComponent(member.userId)}/budget`;
  const button = (className, text, label, body, done) => el('button', {
    type: 'button', className: `${className} small-btn`, text, 'aria-label': `${label} ${member.displayName}`,
    on: { click: event => change(panel, event.currentTarget, path, body(), input, error, done) },
  });
  return el('tr', { dataset: { userId: member.userId } },
    td(member.displayName),
    numTd(formatMoney(member.spentUsd)),
    el('td', { className: 'budget-cell' }, input, error),
    el('td', { className: 'actions-cell' },
      button('primary save', 'Save', 'Save the budget of', () => ({ monthlyUsd: amount(input.value) }), `${member.displayName}'s budget is saved.`),
      button('secondary remove', 'Remove', 'Remove the budget of', () => ({ monthlyUsd: null }), `${member.displayName} has no budget of their own now.`)));
}

const priceText = m => `${m.model} — ${formatMoney(m.inputPerMillion)} / ${formatMoney(m.outputPerMillion)} per M tokens`;

function showModels(panel, view) {
  const priced = view.pricedModels ?? [];
  for (const stage of STAGES) {
    const chosen = view.chosen?.[stage] ?? null;
    const options = [el('option', { value: '', text: `Installation default (${view.defaults[stage]})` }),
      ...priced.map(m => el('option', { value: m.model, text: priceText(m) }))];
    // A choice that lost its price stays visible, so the owner sees what was chosen and why it is not used.
    if (chosen && !priced.some(m => m.model === chosen)) options.push(el('option', { value: chosen, text: `${chosen} — no price now` }));
    const select = panel.querySelector(`#model-${stage}`);
    select.replaceChildren(...options);
    select.value = chosen ?? '';
    const fellBack = chosen && view.inForce[stage] !== chosen;
    const note = panel.querySelector(`#model-${stage}-note`);
    note.textContent = fellBack ? `“${chosen}” has no price now, so this stage uses ${view.inForce[stage]} instead.` : '';
    note.hidden = !fellBack;
  }
}

async function saveModels(panel) {
  const body = Object.fromEntries(STAGES.map(stage => [stage, panel.querySelector(`#model-${stage}`).value || null]));
  const message = panel.querySelector('#settings-message');
  await busy(panel.querySelector('#models-save'), async () => {
    STAGES.forEach(stage => { panel.querySelector(`#model-${stage}-error`).textContent = ''; });
    try {
      show(panel, await api.put('/dashboard/settings/models', body));
      showMessage(message, 'The models are saved. New questions use them.', 'success');
    } catch (error) {
      if (error instanceof api.SessionEndedError) return;
      const stage = STAGES.find(s => error.errors[s]);
      if (stage) panel.querySelector(`#model-${stage}-error`).textContent = error.errors[stage][0];
      showMessage(message, stage ? '' : error.details, 'error');
    }
  });
}
