// Server-sent events from /api/control/live, read with fetch so the bearer token travels in a header.
import { token } from './api.js';

const listeners = {};
let controller = null;

export function on(event, listener) {
  (listeners[event] = listeners[event] || []).push(listener);
}

function dispatch(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trim());
  }
  if (!data.length) return;
  const payload = JSON.parse(data.join('\n'));
  (listeners[event] || []).forEach((listener) => listener(payload));
}

export async function connect() {
  stop();
  controller = new AbortController();
  const status = document.getElementById('live-status');
  try {
    const response = await fetch('/api/control/live', {
      headers: { Authorization: 'Bearer ' + token() }, signal: controller.signal,
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    status.textContent = 'live';
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
  }
  status.textContent = 'reconnecting';
  setTimeout(() => { if (token()) connect(); }, 2000);
}

export function stop() {
  if (controller) controller.abort();
  controller = null;
}
