// Stream explorer: a tenant's streams, a stream's events page by page, and the aggregate's state at any version.
import { get, query, el, showError } from './api.js';

let selected = null;
let nextFrom = null;

export function init() {
  document.getElementById('streams-form').addEventListener('submit', (event) => {
    event.preventDefault();
    list();
  });
  document.getElementById('stream-more').addEventListener('click', () => events(false));
  const range = document.getElementById('stream-version');
  const number = document.getElementById('stream-version-input');
  range.addEventListener('input', () => { number.value = range.value; });
  range.addEventListener('change', () => state());
  number.addEventListener('change', () => { range.value = number.value; });
  document.getElementById('stream-state-load').addEventListener('click', () => state());
}

export async function list() {
  showError('streams-error', null);
  const body = document.querySelector('#streams-list tbody');
  body.replaceChildren();
  try {
    const answer = await get('/api/control/streams' + query({
      tenant: document.getElementById('streams-tenant').value,
      category: document.getElementById('streams-category').value, limit: 100,
    }));
    for (const stream of answer.items) {
      body.append(el('tr', {
        className: 'clickable stream-row', 'data-stream': stream.stream,
        onclick: () => openStream(answer.tenant, stream.stream, stream.version),
      }, el('td', {}, stream.stream), el('td', {}, stream.version), el('td', {}, stream.lastType),
      el('td', {}, stream.lastAt)));
    }
  } catch (error) {
    showError('streams-error', error);
  }
}

export async function openStream(tenant, stream, version) {
  selected = { tenant, stream, version };
  nextFrom = 1;
  document.getElementById('stream-detail').hidden = false;
  document.getElementById('stream-title').textContent = `${stream} (tenant ${tenant}, version ${version})`;
  document.querySelector('#stream-events tbody').replaceChildren();
  const range = document.getElementById('stream-version');
  range.max = String(version);
  range.value = String(version);
  document.getElementById('stream-version-input').max = String(version);
  document.getElementById('stream-version-input').value = String(version);
  await events(true);
  await state();
}

async function events(first) {
  if (!selected || nextFrom === null) return;
  try {
    const page = await get(`/api/control/streams/${encodeURIComponent(selected.stream)}/events` + query({
      tenant: selected.tenant, from: nextFrom, limit: 20,
    }));
    const body = document.querySelector('#stream-events tbody');
    for (const event of page.items) {
      body.append(el('tr', { 'data-version': event.version, className: 'clickable', onclick: () => {
        document.getElementById('stream-version').value = event.version;
        document.getElementById('stream-version-input').value = event.version;
        state();
      } }, el('td', {}, event.version), el('td', {}, event.type), el('td', {}, event.position),
      el('td', {}, event.at), el('td', {}, el('code', {}, JSON.stringify(event.payload)))));
    }
    nextFrom = page.nextCursor === null ? null : Number(page.nextCursor);
    document.getElementById('stream-more').hidden = nextFrom === null;
  } catch (error) {
    if (first) showError('streams-error', error);
  }
}

export async function state() {
  if (!selected) return;
  const version = document.getElementById('stream-version-input').value;
  try {
    const answer = await get(`/api/control/streams/${encodeURIComponent(selected.stream)}/state` + query({
      tenant: selected.tenant, version,
    }));
    document.getElementById('stream-state-version').textContent = String(answer.version);
    document.getElementById('stream-state-type').textContent = answer.stateType;
    document.getElementById('stream-state').textContent = JSON.stringify(answer.state, null, 2);
    showError('streams-error', null);
  } catch (error) {
    showError('streams-error', error);
  }
}
