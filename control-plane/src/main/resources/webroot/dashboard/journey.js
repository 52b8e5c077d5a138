// Message journeys: search, then the tree request -> command -> events -> perspectives/sagas -> follow-up commands.
import { get, query, el, showError } from './api.js';

const value = (id) => document.getElementById(id).value;

export function init() {
  document.getElementById('journey-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
}

export async function search() {
  showError('journey-error', null);
  const list = document.getElementById('journey-list');
  const tree = document.getElementById('journey-tree');
  list.replaceChildren();
  tree.replaceChildren();
  try {
    const answer = await get('/api/control/journeys' + query({
      correlationId: value('journey-correlation'), messageId: value('journey-message'),
      tenant: value('journey-tenant'), type: value('journey-type'),
      from: value('journey-from'), to: value('journey-to'),
    }));
    if (answer.root) {
      draw(answer);
      return;
    }
    for (const journey of answer.journeys) {
      list.append(el('li', {
        className: 'journey', 'data-correlation': journey.correlationId,
        onclick: () => open(journey.correlationId),
      }, `${journey.firstAt} ${journey.tenant} ${journey.firstType} (${journey.messages} messages)`,
        journey.failed ? ' — failed' : '', ' ', el('code', {}, journey.correlationId)));
    }
    if (!answer.journeys.length) list.append(el('li', { className: 'muted' }, 'no journey matches'));
  } catch (error) {
    showError('journey-error', error);
  }
}

export async function open(correlationId) {
  document.getElementById('journey-correlation').value = correlationId;
  try {
    draw(await get('/api/control/journeys' + query({ correlationId })));
  } catch (error) {
    showError('journey-error', error);
  }
}

function draw(journey) {
  const tree = document.getElementById('journey-tree');
  tree.replaceChildren(el('h3', {}, 'Journey ', el('code', {}, journey.correlationId)),
    el('div', { className: 'tree', id: 'journey-nodes' }, el('ul', {}, item(journey.root, null))));
}

function item(node, parentAt) {
  const details = [];
  if (node.kind === 'event') details.push(`${node.stream} v${node.version} @${node.position}`);
  if (node.durationMs !== undefined) details.push(`${node.durationMs.toFixed(1)} ms`);
  if (node.at && parentAt) details.push(`+${Math.max(0, Date.parse(node.at) - Date.parse(parentAt))} ms`);
  if (node.failure) details.push(`${node.failure.code}: ${node.failure.detail}`);
  if (node.note) details.push(node.note);
  const label = el('span', {
    className: 'node' + (node.failure ? ' failed' : ''), 'data-kind': node.kind, 'data-type': node.type,
    'data-id': node.id, title: node.id,
  }, `${node.kind}: ${node.type}`, details.length ? el('small', {}, details.join(' · ')) : null);
  const children = (node.children || []).map((child) => item(child, node.at || parentAt));
  return el('li', {}, label, children.length ? el('ul', {}, children) : null);
}
