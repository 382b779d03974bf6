// Overview tab: the organization at a glance, and this month's spend for owners.
import * as api from './api.js';
import { el } from './dom.js';
import { formatCost, formatNumber, formatTime, formatVerified } from './format.js';

export function mount() {}

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
