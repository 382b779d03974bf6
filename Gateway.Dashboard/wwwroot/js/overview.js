// Overview tab: the organization at a glance, and this month's spend and AI budget for owners.
import * as api from './api.js';
import { el } from './dom.js';
import { formatCost, formatMoney, formatNumber, formatTime, formatVerified } from './format.js';

export function mount(panel) {
  // The link opens the Settings tab itself: tabs are chosen by their buttons, not by the address alone.
  panel.querySelector('#overview-budget-link')?.addEventListener('click', event => {
    event.preventDefault();
    document.querySelector('button[data-tab="settings"]')?.click();
  });
}

const card = (label, value, id, extra = '') => el('div', { className: 'card stat' },
  el('span', { className: 'stat-label', text: label }),
  el('span', { className: `stat-value ${extra}`, text: value, id }));

export async function load(panel) {
  const loading = panel.querySelector('[data-loading]');
  const cards = panel.querySelector('[data-overview-cards]');
  loading.hidden = false;
  loading.textContent = 'Loading…';
  loading.classList.remove('error');
  let data;
  try {
    data = await api.get('/dashboard/overview');
  } catch (error) {
    if (error instanceof api.SessionEndedError) return;
    loading.textContent = error.message;
    loading.classList.add('error');
    return;
  }
  loading.hidden = true;
  const org = data.organization;
  cards.replaceChildren(
    card('Organization', org.name, 'overview-org-name'),
    card('Owner', org.ownerName || String(org.ownerId ?? '–'), 'overview-owner'),
    card('Members', formatNumber(org.memberCount), 'overview-members'),
    card('Databases', formatNumber(org.databaseCount), 'overview-databases'),
    card('Active invitations', formatNumber(data.activeInvitations), 'overview-invitations'),
    card('Created', formatTime(org.createdAt), 'overview-created', 'stat-time'));

  showBudget(panel, data.budget);

  const month = panel.querySelector('[data-month-to-date]');
  if (!month) return;
  const mtd = data.monthToDate;
  month.hidden = !mtd;
  if (!mtd) return;
  panel.querySelector('[data-month-cards]').replaceChildren(
    card('Cost this month', formatCost(mtd.totalCost, mtd.unpricedCalls), 'overview-month-cost'),
    card('Questions', formatNumber(mtd.questions)),
    card('Active users', formatNumber(mtd.activeUsers)),
    card('Input tokens', formatNumber(mtd.inputTokens)),
    card('Output tokens', formatNumber(mtd.outputTokens)),
    card('Answered from verified queries', formatVerified(mtd.verifiedAnswers, mtd.tokensSaved), 'overview-verified', 'stat-time'));
}

// The bar turns amber at 80 % of the budget and red once it is all spent.
const WARN_SHARE = 0.8;

function showBudget(panel, budget) {
  const section = panel.querySelector('[data-budget]');
  if (!section) return;
  section.hidden = !budget;
  if (!budget) return;
  const limited = budget.limitUsd !== null && budget.limitUsd !== undefined;
  section.querySelector('[data-budget-set]').hidden = !limited;
  section.querySelector('[data-budget-none]').hidden = limited;
  if (!limited) return;
  const share = Number(budget.share ?? 0);
  const bar = section.querySelector('#overview-budget-bar');
  bar.value = Math.min(share, 1);
  bar.classList.toggle('warn', share >= WARN_SHARE && share < 1);
  bar.classList.toggle('over', share >= 1);
  bar.setAttribute('aria-valuetext', `${Math.round(share * 100)} % of the budget spent`);
  section.querySelector('#overview-budget-text').textContent = `${formatMoney(budget.spentUsd)} of ${formatMoney(budget.limitUsd)}`;
  const days = budget.daysToReset;
  section.querySelector('#overview-budget-reset').textContent = `${Math.round(share * 100)} % spent; resets in ${days} day${days === 1 ? '' : 's'}.`;
}
