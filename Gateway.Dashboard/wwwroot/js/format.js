// Display formats: UTC times with the local time beside them, US dollars, grouped numbers.

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pad = n => String(n).padStart(2, '0');

const utcDate = d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const localDate = d => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** "2026-11-26 14:03 UTC (15:03 local)"; the local date is added when it differs from the UTC one. */
export function formatTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const utc = `${utcDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  const localClock = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const local = localDate(d) === utcDate(d) ? localClock : `${localDate(d)} ${localClock}`;
  return `${utc} (${local} local)`;
}

/** The UTC day of an instant, "2026-11-26". */
export const formatDay = iso => (iso ? utcDate(new Date(iso)) : '–');

/** US dollars with up to six decimals: "$0.000123", "$1,234.50". */
export const formatMoney = value => (value === null || value === undefined ? '–' : money.format(Number(value)));

/**
 * A cost that may leave out calls without a price (never shown as $0): "$0.0012" when every call had a price,
 * "price unknown" when none of it is known, "≥ $0.0012, price unknown for 2 calls" otherwise.
 */
export function formatCost(value, unpricedCalls) {
  const unpriced = Number(unpricedCalls ?? 0);
  if (!unpriced) return formatMoney(value);
  if (!Number(value)) return 'price unknown';
  return `≥ ${formatMoney(value)}, price unknown for ${formatNumber(unpriced)} call${unpriced === 1 ? '' : 's'}`;
}

/** Whole numbers with thousands separators. */
export const formatNumber = value => (value === null || value === undefined ? '–' : count.format(Number(value)));

/** Today's UTC day and the day `days` before it, as yyyy-MM-dd. */
export function utcDayOffset(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return utcDate(d);
}

export const roleLabel = role => ({ OrgOwner: 'Owner', OrgMember: 'Member' }[role] ?? role ?? '–');

/** "12, tokens saved ≈ 34,000": questions answered from the verified library and the model tokens that spared. */
export const formatVerified = (answers, tokensSaved) =>
  `${formatNumber(answers ?? 0)}, tokens saved ≈ ${formatNumber(tokensSaved ?? 0)}`;
