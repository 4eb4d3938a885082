import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFindings, formatStatus, progressIncrement } from '../src/status';

const none = { error: 0, warning: 0, information: 0, hint: 0 };

test('counts only djangolsp diagnostics, by VS Code severity (0 = error … 3 = hint)', () => {
  const counts = countFindings([
    { source: 'djangolsp', severity: 0 },
    { source: 'djangolsp', severity: 1 },
    { source: 'djangolsp', severity: 1 },
    { source: 'djangolsp', severity: 3 },
    { source: 'Pylance', severity: 0 },
    { severity: 0 },
  ]);
  assert.deepEqual(counts, { error: 1, warning: 2, information: 0, hint: 1 });
});

test('starting shows a spinner and no count', () => {
  const v = formatStatus({ kind: 'starting' }, { ...none, error: 3 });
  assert.equal(v.text, '$(loading~spin) DjangoLsp');
  assert.match(v.tooltip, /starting/);
});

test('ready shows the total and a breakdown; tone follows the worst severity', () => {
  const v = formatStatus({ kind: 'ready' }, { error: 1, warning: 2, information: 1, hint: 0 });
  assert.equal(v.text, '$(shield) 4 DjangoLsp');
  assert.match(v.tooltip, /1 error, 2 warnings, 1 info/);
  assert.equal(v.tone, 'error');
  assert.equal(formatStatus({ kind: 'ready' }, { ...none, warning: 1 }).tone, 'warning');
  const clean = formatStatus({ kind: 'ready' }, none);
  assert.equal(clean.text, '$(shield) 0 DjangoLsp');
  assert.match(clean.tooltip, /No security findings/);
  assert.equal(clean.tone, 'normal');
});

test('scanning shows a clamped, rounded percentage when known', () => {
  assert.equal(formatStatus({ kind: 'scanning', percentage: 41.6 }, none).text, '$(sync~spin) DjangoLsp 42%');
  assert.equal(formatStatus({ kind: 'scanning', percentage: 140 }, none).text, '$(sync~spin) DjangoLsp 100%');
  assert.equal(formatStatus({ kind: 'scanning' }, none).text, '$(sync~spin) DjangoLsp');
  assert.match(formatStatus({ kind: 'scanning', percentage: 10, message: '12/120 files' }, none).tooltip, /12\/120 files/);
});

test('error shows the message in the tooltip with the error tone', () => {
  const v = formatStatus({ kind: 'error', message: 'no dotnet' }, none);
  assert.equal(v.text, '$(error) DjangoLsp');
  assert.match(v.tooltip, /no dotnet/);
  assert.equal(v.tone, 'error');
});

test('stopped and disabled are distinct', () => {
  assert.notEqual(formatStatus({ kind: 'stopped' }, none).text, formatStatus({ kind: 'disabled' }, none).text);
});

test('progress increments never go backwards or past 100', () => {
  assert.deepEqual(progressIncrement(0, 30), { increment: 30, total: 30 });
  assert.deepEqual(progressIncrement(30, 20), { increment: 0, total: 30 });
  assert.deepEqual(progressIncrement(30, 250), { increment: 70, total: 100 });
  assert.deepEqual(progressIncrement(30, undefined), { increment: 0, total: 30 });
});
