// Control commands with their result per service, the services, the flags and the audit log.
import { get, post, put, el, showError } from './api.js';
import * as live from './live.js';

const value = (id) => document.getElementById(id).value;

export function init() {
  submit('form-log', () => post('/api/control/log-level', { logger: value('log-logger'), level: value('log-level') }));
  submit('form-flag', () => put(`/api/control/flags/${encodeURIComponent(value('flag-name'))}`,
    { enabled: document.getElementById('flag-enabled').checked }));
  submit('form-cache', () => post(`/api/control/caches/${encodeURIComponent(value('cache-name'))}/clear`));
  submit('form-rebuild', () => post(`/api/control/perspectives/${encodeURIComponent(value('rebuild-name'))}/rebuild`));
  submit('form-health', () => post('/api/control/health-checks'));
  live.on('audit', () => { if (!document.getElementById('page-control').hidden) audit(); });
}

export function shown() {
  services();
  flags();
  audit();
}

function submit(id, action) {
  document.getElementById(id).addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('control-error', null);
    const target = document.getElementById('control-result');
    target.replaceChildren(el('p', { className: 'muted' }, 'waiting for answers…'));
    try {
      result(await action());
    } catch (error) {
      showError('control-error', error);
      target.replaceChildren();
      if (error.problem && error.problem.result) result(error.problem.result);
    }
    flags();
    audit();
  });
}

function result(answer) {
  const rows = [];
  const add = (outcome, answers) => answers.forEach((a) => rows.push(el('tr', {
    className: 'outcome-' + outcome, 'data-service': a.service, 'data-outcome': outcome,
  }, el('td', {}, a.service), el('td', {}, outcome), el('td', {}, a.code || ''), el('td', {}, a.message || ''))));
  add('applied', answer.applied || []);
  add('failed', answer.failed || []);
  add('not-applicable', answer.notApplicable || []);
  add('silent', (answer.silent || []).map((s) => ({ ...s, message: 'did not answer before the deadline' })));
  const heading = answer.kind ? `${answer.kind}: ${answer.status}` : `${answer.status || 'done'}`;
  document.getElementById('control-result').replaceChildren(el('div', {},
    el('h3', { id: 'control-status', 'data-status': answer.status || '' }, heading),
    answer.up !== undefined ? el('p', { id: 'health-up' }, answer.up ? 'all services UP' : 'some service is DOWN') : null,
    rows.length ? el('table', { id: 'control-answers' }, el('thead', {}, el('tr', {}, el('th', {}, 'Service'),
      el('th', {}, 'Outcome'), el('th', {}, 'Code'), el('th', {}, 'Message'))), el('tbody', {}, rows))
      : el('pre', {}, JSON.stringify(answer, null, 2))));
}

async function services() {
  try {
    const answer = await get('/api/control/services');
    document.getElementById('services-list').replaceChildren(...answer.services.map((s) =>
      el('li', { 'data-service': s.service }, `${s.service} (${s.instance.slice(0, 8)}) since ${s.since}`)));
  } catch (error) {
    showError('control-error', error);
  }
}

async function flags() {
  try {
    const answer = await get('/api/control/flags');
    document.getElementById('flags-list').replaceChildren(...Object.entries(answer.flags).map(([name, on]) =>
      el('li', { 'data-flag': name, 'data-enabled': String(on) }, `${name}: ${on ? 'on' : 'off'}`)));
  } catch (error) {
    showError('control-error', error);
  }
}

async function audit() {
  try {
    const page = await get('/api/control/audit?limit=20');
    document.querySelector('#audit-list tbody').replaceChildren(...page.items.map((entry) =>
      el('tr', { 'data-kind': entry.kind, 'data-status': entry.status }, el('td', {}, entry.sequence),
        el('td', {}, entry.at), el('td', {}, `${entry.subject} (${entry.tenant})`), el('td', {}, entry.kind),
        el('td', {}, entry.target), el('td', {}, entry.status))));
  } catch (error) {
    showError('control-error', error);
  }
}
