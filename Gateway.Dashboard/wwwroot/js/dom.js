// Small DOM helpers. Text always goes in through textContent, never as HTML.

/**
 * Creates an element. Props: text, className, hidden, dataset, on (events), attrs; anything else is
 * set as an attribute. Children may be strings, nodes, null or arrays.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') throw new Error('Inline styles break the Content-Security-Policy: use a class.');
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else if (key === 'hidden') node.hidden = true;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return node;
}

/** Shows a message (kind: error | success | info) in an inline message element, or hides it when empty. */
export function showMessage(target, text, kind = 'info') {
  target.textContent = text || '';
  target.hidden = !text;
  target.classList.remove('error', 'success', 'info', 'warning');
  if (text) target.classList.add(kind);
}

/** Replaces a table body's rows with a single full-width note (loading, empty, failed). */
export function noteRow(tbody, text, kind = 'empty') {
  const columns = tbody.closest('table')?.querySelectorAll('thead th').length || 1;
  tbody.replaceChildren(el('tr', { className: `note-row ${kind}` }, el('td', { colspan: columns, text })));
}

/** Marks a button busy while a promise runs, so it cannot be pressed twice. */
export async function busy(button, work) {
  const wasDisabled = button.disabled;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = wasDisabled;
    button.removeAttribute('aria-busy');
  }
}

export const td = (text, className) => el('td', { text: text ?? '–', className });
export const numTd = text => td(text, 'num');
