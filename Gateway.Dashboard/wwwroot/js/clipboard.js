// Copy text with the Clipboard API, falling back to a selected text field the person copies by hand.
import { el } from './dom.js';

/** Copies text and shows the outcome in `status` (an element with aria-live). */
export async function copyText(text, status) {
  if (await tryCopy(text)) {
    flash(status, 'Copied');
    return;
  }
  const field = el('input', { className: 'copy-fallback', readonly: true, value: text, 'aria-label': 'Text to copy' });
  status.replaceChildren('Copy it by hand: ', field);
  field.focus();
  field.select();
}

async function tryCopy(text) {
  if (navigator.clipboard?.writeText && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or no focus: try the older way below.
    }
  }
  const area = el('textarea', { className: 'offscreen', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

function flash(status, text) {
  status.textContent = text;
  status.classList.add('visible');
  clearTimeout(status.flashTimer);
  status.flashTimer = setTimeout(() => {
    status.textContent = '';
    status.classList.remove('visible');
  }, 2500);
}
