// The message-flow map from the annotation processor, drawn as an SVG diagram in four columns:
// commands -> events -> perspectives and sagas, with sagas' commands drawn back to the commands column.
import { get } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
let drawn = false;

function node(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

export async function shown() {
  if (drawn) return;
  const map = await get('/api/control/flow-map');
  const target = document.getElementById('flow-diagram');
  const columns = [
    (map.commands || []).map((c) => ({ id: 'command:' + c.type, label: c.type, kind: 'command' })),
    (map.events || []).map((e) => ({ id: 'event:' + e.type, label: e.type, kind: 'event' })),
    [...(map.perspectives || []).map((p) => ({ id: 'perspective:' + p.name, label: p.name, kind: 'perspective' })),
      ...(map.sagas || []).map((s) => ({ id: 'saga:' + s.name, label: s.name + ' (saga)', kind: 'saga' }))],
  ];
  const edges = [];
  (map.commands || []).forEach((c) => (c.emits || []).forEach((e) => edges.push(['command:' + c.type, 'event:' + e])));
  (map.events || []).forEach((e) => {
    (e.perspectives || []).forEach((p) => edges.push(['event:' + e.type, 'perspective:' + p]));
    (e.sagas || []).forEach((s) => edges.push(['event:' + e.type, 'saga:' + s]));
  });
  (map.sagas || []).forEach((s) => (s.sends || []).forEach((c) => edges.push(['saga:' + s.name, 'command:' + c])));
  const width = 220, gap = 120, rowHeight = 30;
  const rows = Math.max(...columns.map((c) => c.length), 1);
  const height = rows * rowHeight + 90;
  const bottom = rows * rowHeight + 110;
  const svg = node('svg', { id: 'flow-svg', width: columns.length * (width + gap), height });
  const places = {};
  columns.forEach((column, x) => column.forEach((item, y) => {
    places[item.id] = { x: x * (width + gap) + 10, y: y * rowHeight + 10 };
  }));
  for (const [from, to] of edges) {
    const a = places[from], b = places[to];
    if (!a || !b) continue;
    const back = b.x <= a.x;
    // forward edges run left to right; a saga's commands loop back under the diagram to the commands column
    const d = back
      ? `M${a.x},${a.y + 11} C${a.x - 60},${bottom} ${b.x + width + 60},${bottom} ${b.x + width},${b.y + 11}`
      : `M${a.x + width},${a.y + 11} C${a.x + width + 60},${a.y + 11} ${b.x - 60},${b.y + 11} ${b.x},${b.y + 11}`;
    svg.append(node('path', {
      d, fill: 'none', stroke: back ? '#a855f7' : '#98a2b3', 'stroke-dasharray': back ? '5 3' : 'none',
      'class': 'flow-edge', 'data-from': from, 'data-to': to,
    }));
  }
  const colors = { command: '#dbe7ff', event: '#dcf5e3', perspective: '#fff1d6', saga: '#f3e1ff' };
  columns.flat().forEach((item) => {
    const place = places[item.id];
    const group = node('g', { 'class': 'flow-node', 'data-id': item.id });
    group.append(node('rect', { x: place.x, y: place.y, width, height: 22, rx: 4, fill: colors[item.kind],
      stroke: '#c5cbd6' }));
    group.append(node('text', { x: place.x + 6, y: place.y + 15 }, item.label));
    svg.append(group);
  });
  target.replaceChildren(svg);
  drawn = true;
}
