// Projection health: position, lag, throughput, state and parked events of every perspective; retry, skip, rebuild.
import { get, post, el, showError } from './api.js';
import * as live from './live.js';

let openLetters = null;

export function init() {
  document.getElementById('projections-refresh').addEventListener('click', () => refresh());
  // live: every health the feed pushes is drawn while the page is shown
  live.on('projections', (answer) => {
    if (document.getElementById('page-projections').hidden) return;
    draw(answer);
    if (openLetters) letters(openLetters);
  });
}

export function shown() {
  refresh();
}

function draw(answer) {
  document.querySelector('#projections-table tbody').replaceChildren(...answer.perspectives.map(row));
}

export async function refresh() {
  try {
    draw(await get('/api/control/projections'));
    showError('projections-error', null);
    if (openLetters) await letters(openLetters);
  } catch (error) {
    showError('projections-error', error);
  }
}

function row(health) {
  const rebuild = health.rebuild;
  const progress = rebuild
    ? el('progress', { className: 'rebuild-progress', max: Math.max(1, rebuild.head), value: rebuild.position })
    : el('span', { className: 'rebuild-progress muted' }, health.generation > 0 ? `generation ${health.generation}` : '');
  return el('tr', { 'data-perspective': health.perspective, 'data-state': health.state },
    el('td', {}, health.perspective), el('td', { className: 'state' }, health.state),
    el('td', { className: 'position' }, health.position), el('td', { className: 'lag' }, health.lagEvents),
    el('td', {}, health.throughput.toFixed(1)), el('td', {}, health.errors),
    el('td', { className: 'parked' }, health.parked), el('td', {}, progress),
    el('td', {},
      el('button', { className: 'rebuild', onclick: () => rebuildPerspective(health.perspective) }, 'Rebuild'),
      el('button', { className: 'show-dead-letters', onclick: () => letters(health.perspective) }, 'Parked')));
}

async function rebuildPerspective(name) {
  try {
    await post(`/api/control/perspectives/${encodeURIComponent(name)}/rebuild`);
    await refresh();
  } catch (error) {
    showError('projections-error', error);
  }
}

async function letters(name) {
  openLetters = name;
  document.getElementById('dead-letters-panel').hidden = false;
  document.getElementById('dead-letters-perspective').textContent = name;
  try {
    const answer = await get(`/api/control/projections/${encodeURIComponent(name)}/dead-letters?all=true`);
    const body = document.querySelector('#dead-letters tbody');
    body.replaceChildren(...answer.items.map((letter) => el('tr', {
      'data-position': letter.position, 'data-status': letter.status,
    }, el('td', {}, letter.position), el('td', {}, letter.stream), el('td', {}, letter.type),
    el('td', {}, letter.error), el('td', {}, letter.attempts), el('td', { className: 'status' }, letter.status),
    el('td', {}, letter.status === 'PARKED' ? [
      el('button', { className: 'retry', onclick: () => resolve(name, letter.position, 'retry') }, 'Retry'),
      el('button', { className: 'skip', onclick: () => resolve(name, letter.position, 'skip') }, 'Skip'),
    ] : []))));
  } catch (error) {
    showError('projections-error', error);
  }
}

async function resolve(name, position, action) {
  try {
    await post(`/api/control/projections/${encodeURIComponent(name)}/dead-letters/${position}/${action}`);
    await refresh();
  } catch (error) {
    showError('projections-error', error);
  }
}
