// My usage tab: the signed-in person's own spend and their last questions.
import * as api from './api.js';
import { el, showMessage, noteRow, td, numTd } from './dom.js';
import { formatCost, formatNumber, formatTime, formatDay } from './format.js';

export function mount() {}

export async function load(panel) {
  const history = panel.querySelector('#usage-table tbody');
  const byModel = panel.querySelector('#usage-by-model tbody');
  const byStage = panel.querySelector('#usage-by-stage tbody');
  const error = panel.querySelector('#usage-error');
  [history, byModel, byStage].forEach(tbody => noteRow(tbody, 'Loading…', 'loading'));
  showMessage(error, '');
  let data;
  try {
    data = await api.get('/dashboard/me/usage');
  } catch (failure) {
    if (failure instanceof api.SessionEndedError) return;
    showMessage(error, failure.details, 'error');
    [history, byModel, byStage].forEach(tbody => noteRow(tbody, 'Not loaded.', 'error'));
    return;
  }
  const set = (id, text) => { panel.querySelector(id).textContent = text; };
  set('#usage-total', formatCost(data.cost, data.unpricedCalls));
  set('#usage-questions', formatNumber(data.questions));
  set('#usage-input-tokens', formatNumber(data.inputTokens));
  set('#usage-output-tokens', formatNumber(data.outputTokens));
  set('#usage-reasoning-tokens', formatNumber(data.reasoningTokens));
  set('#usage-period', `From ${formatDay(data.from)} to ${formatDay(lastDay(data.to))} (UTC days).`);

  const questions = data.history ?? [];
  if (!questions.length) noteRow(history, 'No questions in this period yet.');
  else history.replaceChildren(...questions.map(q => el('tr', {},
    td(formatTime(q.at), 'time'),
    td(q.question, 'text-cell'),
    td(q.answer, 'text-cell'),
    td(q.way),
    numTd(q.cost === null || q.cost === undefined ? '–' : formatCost(q.cost, q.unpricedCalls)),
    el('td', {}, q.hasRows && q.conversationId ? csvButton(q, error) : ''))));

  breakdown(byModel, data.byModel);
  breakdown(byStage, data.byStage);
}

// The answer's rows again, as CSV: the server re-runs its SQL now, with the caller's access checked again.
function csvButton(entry, error) {
  const button = el('button', { type: 'button', className: 'secondary small', text: 'CSV' });
  button.setAttribute('aria-label', `Download the data of “${entry.question}” as CSV`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    showMessage(error, '');
    try {
      await api.download(`/dashboard/me/answers/${encodeURIComponent(entry.conversationId)}/csv`, 'answer.csv');
    } catch (failure) {
      if (!(failure instanceof api.SessionEndedError)) showMessage(error, failure.details, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function breakdown(tbody, lines) {
  if (!lines?.length) {
    noteRow(tbody, 'Nothing yet.');
    return;
  }
  tbody.replaceChildren(...lines.map(line => el('tr', {},
    td(line.label), numTd(formatNumber(line.calls)), numTd(formatNumber(line.inputTokens)),
    numTd(formatNumber(line.outputTokens)), numTd(formatNumber(line.reasoningTokens)), numTd(formatCost(line.cost, line.unpricedCalls)))));
}

// `to` is the exclusive end (00:00 of the day after the last day).
const lastDay = to => (to ? new Date(new Date(to).getTime() - 1).toISOString() : to);
