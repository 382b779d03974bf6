// Costs tab (owners): spend for a range of UTC days, as cards, charts, tables and CSV files, and this month's
// cumulative spend against the budget.
import * as api from './api.js';
import { el, showMessage, noteRow, busy, td, numTd } from './dom.js';
import { formatCost, formatMoney, formatNumber, formatDay, formatVerified, utcDayOffset } from './format.js';
import * as charts from './charts.js';

const VIEWS = ['overview', 'by-model', 'by-stage', 'per-user', 'input-output'];

export function mount(panel) {
  const from = panel.querySelector('#costs-from');
  const to = panel.querySelector('#costs-to');
  from.value = utcDayOffset(29);
  to.value = utcDayOffset(0);
  panel.querySelector('#costs-form').addEventListener('submit', event => {
    event.preventDefault();
    busy(panel.querySelector('#costs-apply'), () => refresh(panel));
  });
  for (const button of panel.querySelectorAll('button[data-csv]')) {
    button.addEventListener('click', () => busy(button, () => downloadCsv(panel, button.dataset.csv)));
  }
}

export const load = panel => Promise.all([refresh(panel), showMonth(panel)]);

/** The budget month (in the organization's zone, whatever the range above) day by day, with the budget line. */
async function showMonth(panel) {
  const canvas = panel.querySelector('#chart-month');
  const note = panel.querySelector('#costs-month-note');
  charts.reset(canvas);
  let series;
  try {
    series = await api.get('/dashboard/costs/month');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) note.textContent = error.details;
    return;
  }
  const labels = Array.from({ length: series.daysInMonth }, (_, i) => String(i + 1));
  charts.cumulative(canvas, labels, series.days.map(day => Number(day.cumulativeUsd)), series.limitUsd);
  // The budget counts priced calls only, so a month of unpriced calls reads "nothing counted", never "$0".
  const spent = Number(series.days.length ? series.days[series.days.length - 1].cumulativeUsd : 0);
  const counted = spent ? `${formatMoney(spent)} counted` : 'nothing counted yet';
  const budget = series.limitUsd == null ? 'no budget set' : `against a budget of ${formatMoney(series.limitUsd)} (dashed line)`;
  note.textContent = `${series.monthKey} (${series.timeZone}): ${counted}, ${budget}. Calls of a model without a price are not counted.`;
}

/** The chosen range, or null (with the reason shown) when it is not valid. */
function range(panel) {
  const from = panel.querySelector('#costs-from');
  const to = panel.querySelector('#costs-to');
  const error = panel.querySelector('#costs-error');
  let problem = '';
  if (!from.value || !to.value) problem = 'Choose both a start and an end day.';
  else if (from.value > to.value) problem = 'The start day must be on or before the end day.';
  from.setAttribute('aria-invalid', String(problem !== '' && (!from.value || from.value > to.value)));
  to.setAttribute('aria-invalid', String(problem !== '' && !to.value));
  showMessage(error, problem, 'error');
  return problem ? null : { from: from.value, to: to.value };
}

async function refresh(panel) {
  const days = range(panel);
  if (!days) return;
  const status = panel.querySelector('#costs-status');
  status.textContent = 'Loading…';
  panel.setAttribute('aria-busy', 'true');
  panel.querySelectorAll('canvas').forEach(charts.reset);
  panel.querySelectorAll('[data-costs-table] tbody').forEach(tbody => noteRow(tbody, 'Loading…', 'loading'));
  try {
    const [overview, byModel, byStage, perUser, inputOutput] =
      await Promise.all(VIEWS.map(view => api.get(api.query(`/dashboard/costs/${view}`, days))));
    showOverview(panel, overview);
    showInputOutput(panel, inputOutput);
    showLines(panel, 'by-model', byModel.lines, line => line.model, modelRow);
    showLines(panel, 'by-stage', byStage.lines, stageLabel, stageRow);
    showLines(panel, 'per-user', perUser.lines, userLabel, userRow);
    status.textContent = `Showing ${formatDay(overview.from)} to ${days.to} (UTC days, inclusive).`;
  } catch (error) {
    status.textContent = '';
    if (error instanceof api.SessionEndedError) return;
    showMessage(panel.querySelector('#costs-error'), error.details, 'error');
    panel.querySelectorAll('[data-costs-table] tbody').forEach(tbody => noteRow(tbody, 'Not loaded.', 'error'));
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

function showOverview(panel, o) {
  const set = (id, text) => { panel.querySelector(id).textContent = text; };
  set('#cost-total', formatCost(o.totalCost, o.unpricedCalls));
  set('#cost-questions', formatNumber(o.questions));
  set('#cost-active-users', formatNumber(o.activeUsers));
  set('#cost-input-tokens', formatNumber(o.inputTokens));
  set('#cost-output-tokens', formatNumber(o.outputTokens));
  set('#cost-reasoning-tokens', formatNumber(o.reasoningTokens));
  set('#cost-verified', formatVerified(o.verifiedAnswers, o.tokensSaved));
}

// Output is the visible replies and the reasoning together, as they are billed; the reasoning is shown below it.
function showInputOutput(panel, io) {
  charts.pie(panel.querySelector('#chart-input-output'), ['Input', 'Output'], [Number(io.inputCost), Number(io.outputCost)]);
  const outputTokens = Number(io.outputTokens) + Number(io.reasoningTokens ?? 0);
  panel.querySelector('[data-costs-table="input-output"] tbody').replaceChildren(
    el('tr', {}, td('Input'), numTd(formatNumber(io.inputTokens)), numTd(formatCost(io.inputCost, io.unpricedCalls))),
    el('tr', {}, td('Output'), numTd(formatNumber(outputTokens)), numTd(formatCost(io.outputCost, io.unpricedCalls))),
    el('tr', {}, td('of which reasoning'), numTd(formatNumber(io.reasoningTokens)), td('')),
    el('tr', { className: 'total-row' }, td('Total'), numTd(formatNumber(Number(io.inputTokens) + outputTokens)),
      numTd(formatCost(Number(io.inputCost) + Number(io.outputCost), io.unpricedCalls))));
}

const canvasOf = { 'by-model': '#chart-by-model', 'by-stage': '#chart-by-stage', 'per-user': '#chart-by-user' };

// A line none of whose cost is known has no bar (null), never a $0 one; its label says why.
function showLines(panel, view, lines, label, toRow) {
  const list = lines ?? [];
  const unknown = line => Number(line.unpricedCalls ?? 0) > 0;
  charts.bar(panel.querySelector(canvasOf[view]),
    list.map(line => (unknown(line) ? `${label(line)} (price unknown)` : label(line))),
    list.map(line => (unknown(line) && !Number(line.totalCost) ? null : Number(line.totalCost))), 'Total cost');
  const tbody = panel.querySelector(`[data-costs-table="${view}"] tbody`);
  if (!list.length) noteRow(tbody, 'No model calls in this period.');
  else tbody.replaceChildren(...list.map(toRow));
}

const tokensAndCosts = line => [
  numTd(formatNumber(line.inputTokens)), numTd(formatNumber(line.outputTokens)), numTd(formatNumber(line.reasoningTokens)),
  numTd(formatCost(line.inputCost, line.unpricedCalls)), numTd(formatCost(line.outputCost, line.unpricedCalls)),
  numTd(formatCost(line.totalCost, line.unpricedCalls))];

const stageLabel = line => (line.stageName ? `${line.stageNumber}. ${line.stageName}` : `Stage ${line.stageNumber}`);
const userLabel = line => line.displayName || String(line.userId);

const modelRow = line => el('tr', {}, td(line.model), numTd(formatNumber(line.calls)), ...tokensAndCosts(line));
const stageRow = line => el('tr', {}, td(stageLabel(line)), numTd(formatNumber(line.calls)), ...tokensAndCosts(line));
const userRow = line => el('tr', { dataset: { userId: line.userId } },
  td(userLabel(line)), numTd(formatNumber(line.questions)), ...tokensAndCosts(line));

async function downloadCsv(panel, view) {
  const days = range(panel);
  if (!days) return;
  try {
    await api.download(api.query(`/dashboard/costs/${view}`, { ...days, format: 'csv' }), `costs-${view}-${days.from}-to-${days.to}.csv`);
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) showMessage(panel.querySelector('#costs-error'), error.details, 'error');
  }
}
