// Live metrics: throughput, latency and error charts fed by the live feed's metrics events.
import * as live from './live.js';

const WINDOW = 60;
const series = { throughput: [], latency: [], errors: [] };
let previous = null;

export function init() {
  live.on('metrics', update);
}

function update(sample) {
  const totals = sample.totals;
  document.getElementById('metric-commands').textContent = totals.commands;
  document.getElementById('metric-events').textContent = totals.events;
  document.getElementById('metric-errors').textContent = totals.errors;
  document.getElementById('metric-head').textContent = sample.head;
  document.getElementById('metric-outbox').textContent = sample.outboxDepth;
  if (previous) {
    const seconds = Math.max(0.001, (Date.parse(sample.at) - Date.parse(previous.at)) / 1000);
    const commands = totals.commands - previous.totals.commands;
    push('throughput', commands / seconds);
    push('latency', commands > 0 ? ((totals.commandSeconds - previous.totals.commandSeconds) / commands) * 1000 : 0);
    push('errors', (totals.errors - previous.totals.errors) / seconds);
  }
  previous = sample;
  draw('chart-throughput', series.throughput, '#2f6fed');
  draw('chart-latency', series.latency, '#a15c07');
  draw('chart-errors', series.errors, '#b42318');
}

function push(name, value) {
  series[name].push(value);
  if (series[name].length > WINDOW) series[name].shift();
}

function draw(id, values, color) {
  const canvas = document.getElementById(id);
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const max = Math.max(1, ...values);
  context.strokeStyle = '#dde1e7';
  context.beginPath();
  context.moveTo(0, canvas.height - 1);
  context.lineTo(canvas.width, canvas.height - 1);
  context.stroke();
  context.fillStyle = '#5b6475';
  context.fillText(max.toFixed(1), 4, 12);
  if (values.length < 2) return;
  context.strokeStyle = color;
  context.lineWidth = 2;
  context.beginPath();
  values.forEach((value, i) => {
    const x = (i / (WINDOW - 1)) * canvas.width;
    const y = canvas.height - 4 - (value / max) * (canvas.height - 20);
    if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
  });
  context.stroke();
  canvas.dataset.points = String(values.length);
}

