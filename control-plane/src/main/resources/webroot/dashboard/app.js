// The dashboard's shell: sign-in, navigation between pages, the live feed.
import { token, signIn, signOut, get, showError } from './api.js';
import * as live from './live.js';
import * as journey from './journey.js';
import * as streams from './streams.js';
import * as projections from './projections.js';
import * as metrics from './metrics.js';
import * as control from './control.js';
import * as flow from './flow.js';

const pages = { journey, streams, projections, metrics, control, flow };
let current = null;

function show(name) {
  document.querySelectorAll('.page').forEach((page) => { page.hidden = page.id !== 'page-' + name; });
  document.querySelectorAll('#nav button[data-page]').forEach((button) => {
    button.classList.toggle('active', button.dataset.page === name);
  });
  current = name;
  if (pages[name] && pages[name].shown) pages[name].shown();
}

async function enter() {
  try {
    await get('/api/control/services');
  } catch (error) {
    signOut();
    document.getElementById('nav').hidden = true;
    show('signin');
    showError('signin-error', error);
    return;
  }
  showError('signin-error', null);
  document.getElementById('nav').hidden = false;
  live.connect();
  show(location.hash.slice(1) in pages ? location.hash.slice(1) : 'journey');
}

window.addEventListener('DOMContentLoaded', () => {
  Object.values(pages).forEach((page) => page.init && page.init());
  document.querySelectorAll('#nav button[data-page]').forEach((button) => {
    button.addEventListener('click', () => { location.hash = button.dataset.page; show(button.dataset.page); });
  });
  document.getElementById('sign-in').addEventListener('click', () => {
    signIn(document.getElementById('token').value);
    enter();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    live.stop();
    document.getElementById('nav').hidden = true;
    show('signin');
  });
  if (token()) enter(); else show('signin');
  document.body.dataset.ready = 'true';
});

export function currentPage() {
  return current;
}
