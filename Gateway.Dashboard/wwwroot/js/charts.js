// Chart.js (the UMD global from /lib/chart.umd.js) with the dashboard's look. No animations:
// charts are complete as soon as they are drawn.
import { formatMoney } from './format.js';

const ACCENT = '#2563eb';
const PALETTE = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#64748b', '#f97316'];

const moneyTooltip = { callbacks: { label: item => `${item.label}: ${formatMoney(item.raw)}` } };

function draw(canvas, config) {
  const Chart = window.Chart;
  if (!Chart) return null;
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart(canvas, config);
  canvas.dataset.rendered = 'true';
  return chart;
}

/** Clears a canvas before new data arrives, so data-rendered only ever marks current data. */
export function reset(canvas) {
  window.Chart?.getChart(canvas)?.destroy();
  delete canvas.dataset.rendered;
}

export function pie(canvas, labels, values) {
  return draw(canvas, {
    type: 'pie',
    data: { labels, datasets: [{ data: values, backgroundColor: [ACCENT, '#f59e0b'], borderColor: '#fff', borderWidth: 2 }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' }, tooltip: moneyTooltip },
    },
  });
}

export function bar(canvas, labels, values, label) {
  return draw(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: labels.map((_, i) => PALETTE[i % PALETTE.length]), borderRadius: 4 }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: moneyTooltip },
      scales: {
        y: { beginAtZero: true, ticks: { callback: value => formatMoney(value) } },
        x: { ticks: { autoSkip: false, maxRotation: 45 } },
      },
    },
  });
}

/** Spend added up day by day over a month; the budget, when there is one, as a dashed horizontal line across it. */
export function cumulative(canvas, labels, values, limit) {
  const datasets = [{ label: 'Spent so far', data: values, borderColor: ACCENT, backgroundColor: 'rgba(37, 99, 235, 0.12)', fill: true, pointRadius: 2 }];
  if (limit !== null && limit !== undefined) {
    datasets.push({ label: 'Budget', data: labels.map(() => Number(limit)), borderColor: '#ef4444', borderDash: [6, 4], borderWidth: 2, pointRadius: 0, fill: false });
  }
  return draw(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: item => `${item.dataset.label}: ${formatMoney(item.raw)}` } } },
      // Headroom above the budget keeps its dashed line off the chart's top edge.
      scales: { y: { beginAtZero: true, suggestedMax: limit ? Number(limit) * 1.1 : undefined, ticks: { callback: value => formatMoney(value) } } },
    },
  });
}
