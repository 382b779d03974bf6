// The dashboard app: login view, session handling and the role's tabs.
import * as api from './js/api.js';
import { el, showMessage, busy } from './js/dom.js';
import { roleLabel } from './js/format.js';
import * as overview from './js/overview.js';
import * as members from './js/members.js';
import * as databases from './js/databases.js';
import * as invitations from './js/invitations.js';
import * as costs from './js/costs.js';
import * as activity from './js/activity.js';
import * as usage from './js/usage.js';
import * as questions from './js/questions.js';
import * as schedules from './js/schedules.js';
import * as settings from './js/settings.js';

const OWNER = 'OrgOwner';
const TABS = [
  { id: 'overview', label: 'Overview', view: overview, owner: true, member: true },
  { id: 'members', label: 'Members', view: members, owner: true, member: true },
  { id: 'databases', label: 'Databases', view: databases, owner: true, member: true },
  { id: 'invitations', label: 'Invitations', view: invitations, owner: true, member: false },
  { id: 'costs', label: 'Costs', view: costs, owner: true, member: false },
  { id: 'activity', label: 'Activity', view: activity, owner: true, member: false },
  { id: 'questions', label: 'Questions', view: questions, owner: true, member: false },
  { id: 'schedules', label: 'Schedules', view: schedules, owner: true, member: true },
  { id: 'settings', label: 'Settings', view: settings, owner: true, member: false },
  { id: 'usage', label: 'My usage', view: usage, owner: false, member: true },
];
const SESSION_ENDED = 'Your session has ended. Please log in again.';

const $ = id => document.getElementById(id);
let context = null;

api.onSessionEnded(() => showLogin(SESSION_ENDED));

function showLogin(errorText, noticeText) {
  context = null;
  $('app-view').hidden = true;
  $('tabs').replaceChildren();
  $('main').replaceChildren();
  $('login-view').hidden = false;
  showMessage($('login-error'), errorText, 'error');
  showMessage($('login-notice'), noticeText, 'info');
  $('password').value = '';
  $('username').focus();
}

async function startApp() {
  let me;
  try {
    me = await api.get('/dashboard/me');
  } catch (error) {
    if (!(error instanceof api.SessionEndedError)) showLogin(error.message);
    return;
  }
  const isOwner = me.role === OWNER;
  context = { me, isOwner };
  $('org-name').textContent = me.orgName || '';
  $('me-name').textContent = me.displayName || me.username || '';
  $('me-role').textContent = roleLabel(me.role);
  $('me-role').dataset.role = me.role || '';
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  buildTabs(isOwner);
  const wanted = location.hash.slice(1);
  selectTab(TABS.some(t => t.id === wanted && allowed(t, isOwner)) ? wanted : 'overview', false);
}

const allowed = (tab, isOwner) => (isOwner ? tab.owner : tab.member);

function buildTabs(isOwner) {
  const tabs = $('tabs');
  const main = $('main');
  tabs.replaceChildren();
  main.replaceChildren();
  for (const tab of TABS.filter(t => allowed(t, isOwner))) {
    const button = el('button', {
      type: 'button', role: 'tab', id: `tab-button-${tab.id}`, 'aria-controls': `tab-${tab.id}`,
      'aria-selected': 'false', tabindex: '-1', dataset: { tab: tab.id }, text: tab.label,
      on: { click: () => selectTab(tab.id, true) },
    });
    tabs.append(button);
    const panel = el('section', { id: `tab-${tab.id}`, role: 'tabpanel', 'aria-labelledby': button.id, className: 'panel', hidden: true });
    panel.append($(`tpl-${tab.id}`).content.cloneNode(true));
    if (!isOwner) panel.querySelectorAll('[data-owner-only]').forEach(node => node.remove());
    main.append(panel);
    tab.view.mount(panel, context);
  }
}

function selectTab(id, focus) {
  if (!context) return;
  for (const button of $('tabs').querySelectorAll('button[data-tab]')) {
    const active = button.dataset.tab === id;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
    if (active && focus) button.focus();
  }
  for (const panel of $('main').querySelectorAll('.panel')) panel.hidden = panel.id !== `tab-${id}`;
  if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  const tab = TABS.find(t => t.id === id);
  tab.view.load($(`tab-${id}`), context);
}

// Arrow keys move between tabs (the WAI-ARIA tabs pattern).
$('tabs').addEventListener('keydown', event => {
  const buttons = [...$('tabs').querySelectorAll('button[data-tab]')];
  const index = buttons.indexOf(document.activeElement);
  if (index < 0) return;
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  if (step) {
    event.preventDefault();
    selectTab(buttons[(index + step + buttons.length) % buttons.length].dataset.tab, true);
  } else if (event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    selectTab(buttons[event.key === 'Home' ? 0 : buttons.length - 1].dataset.tab, true);
  }
});

function validateLogin() {
  let valid = true;
  for (const [id, text] of [['username', 'Enter your username.'], ['password', 'Enter your password.']]) {
    const input = $(id);
    const missing = input.value.trim() === '';
    input.setAttribute('aria-invalid', String(missing));
    $(`${id}-hint`).textContent = missing ? text : '';
    valid &&= !missing;
  }
  return valid;
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  showMessage($('login-notice'), '');
  if (!validateLogin()) {
    showMessage($('login-error'), 'Please fill in both fields.', 'error');
    $($('username').value.trim() === '' ? 'username' : 'password').focus();
    return;
  }
  showMessage($('login-error'), '');
  await busy($('login-submit'), async () => {
    try {
      const answer = await api.login($('username').value.trim(), $('password').value);
      api.setToken(answer.token);
      $('password').value = '';
      await startApp();
    } catch (error) {
      showMessage($('login-error'), loginErrorText(error), 'error');
      $('password').value = '';
      $('password').focus();
    }
  });
});

function loginErrorText(error) {
  if (error.status !== 429 || !error.retryAfter) return error.message;
  const minutes = Math.max(1, Math.ceil(error.retryAfter / 60));
  return `${error.message} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

$('logout').addEventListener('click', async () => {
  await busy($('logout'), async () => {
    try {
      await api.post('/dashboard/logout');
    } catch {
      // The session is dropped locally whatever the server says.
    }
  });
  api.clearToken();
  showLogin('', 'You have logged out.');
});

if (api.getToken()) startApp();
else showLogin('');
