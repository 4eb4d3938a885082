import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXCLUDE, parseSeverity, toServerSettings } from '../src/config';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

test('defaults when nothing is set', () => {
  const { settings, problems } = toServerSettings(reader({}));
  assert.deepEqual(settings, {
    enable: true,
    select: [],
    ignore: [],
    severityOverrides: {},
    minSeverity: 'hint',
    exclude: [...DEFAULT_EXCLUDE],
    settingsModule: null,
    templateDirs: [],
    reportSyntaxErrors: true,
    scanOnStartup: false,
    debounceMs: 250,
    cache: true,
    cacheDirectory: null,
    trace: { server: 'off' },
  });
  assert.deepEqual(problems, []);
});

test('every setting is forwarded', () => {
  const { settings, problems } = toServerSettings(reader({
    enable: false,
    select: ['DJ1', 'DJ501'],
    ignore: ['DJ101'],
    severityOverrides: { DJ501: 'error', DJ220: 'info' },
    minSeverity: 'warning',
    exclude: ['legacy/**'],
    settingsModule: 'shop.settings.production',
    templateDirs: ['frontend\\templates'],
    reportSyntaxErrors: false,
    scanOnStartup: true,
    debounceMs: 500,
    cache: false,
    cacheDirectory: '/var/cache/djangolsp',
    'trace.server': 'verbose',
  }));
  assert.deepEqual(problems, []);
  assert.equal(settings.enable, false);
  assert.deepEqual(settings.select, ['DJ1', 'DJ501']);
  assert.deepEqual(settings.ignore, ['DJ101']);
  assert.deepEqual(settings.severityOverrides, { DJ501: 'error', DJ220: 'information' });
  assert.equal(settings.minSeverity, 'warning');
  assert.deepEqual(settings.exclude, ['legacy/**']);
  assert.equal(settings.settingsModule, 'shop.settings.production');
  assert.deepEqual(settings.templateDirs, ['frontend/templates']);
  assert.equal(settings.reportSyntaxErrors, false);
  assert.equal(settings.scanOnStartup, true);
  assert.equal(settings.debounceMs, 500);
  assert.equal(settings.cache, false);
  assert.equal(settings.cacheDirectory, '/var/cache/djangolsp');
  assert.equal(settings.trace.server, 'verbose');
});

test('a relative cache folder is reported and the default used; Windows absolute paths are accepted', () => {
  const relative = toServerSettings(reader({ cacheDirectory: '.cache/djangolsp' }));
  assert.equal(relative.settings.cacheDirectory, null);
  assert.match(relative.problems.join('\n'), /cacheDirectory: ".cache\/djangolsp" is not an absolute path/);
  assert.equal(toServerSettings(reader({ cacheDirectory: 'C:\\cache' })).settings.cacheDirectory, 'C:\\cache');
  assert.match(toServerSettings(reader({ cacheDirectory: 42 })).problems.join('\n'), /expected a string/);
});

test('rule patterns are trimmed, upper-cased and de-duplicated; bad ones reported and dropped', () => {
  const { settings, problems } = toServerSettings(reader({ select: [' dj1 ', 'DJ1', 'all', 'XSS', 'DJ1234', 42] }));
  assert.deepEqual(settings.select, ['DJ1', 'ALL']);
  assert.equal(problems.length, 3);
  assert.match(problems.join('\n'), /"XSS" is not a rule id/);
  assert.match(problems.join('\n'), /"DJ1234"/);
  assert.match(problems.join('\n'), /non-string entry 42/);
});

test('invalid severity overrides are dropped with a message, valid ones kept', () => {
  const { settings, problems } = toServerSettings(reader({
    severityOverrides: { dj501: 'Warning', DJ5: 'error', DJ502: 'loud' },
  }));
  assert.deepEqual(settings.severityOverrides, { DJ501: 'warning' });
  assert.equal(problems.length, 2);
});

test('severity overrides of the wrong type are reported', () => {
  const { settings, problems } = toServerSettings(reader({ severityOverrides: ['DJ501'] }));
  assert.deepEqual(settings.severityOverrides, {});
  assert.equal(problems.length, 1);
});

test('unknown minSeverity falls back to hint with a message', () => {
  const { settings, problems } = toServerSettings(reader({ minSeverity: 'critical' }));
  assert.equal(settings.minSeverity, 'hint');
  assert.equal(problems.length, 1);
});

test('settings module: blank means discover, invalid is rejected', () => {
  assert.equal(toServerSettings(reader({ settingsModule: '  ' })).settings.settingsModule, null);
  const bad = toServerSettings(reader({ settingsModule: 'shop/settings.py' }));
  assert.equal(bad.settings.settingsModule, null);
  assert.equal(bad.problems.length, 1);
});

test('debounce is clamped and rounded; non-numbers fall back', () => {
  assert.equal(toServerSettings(reader({ debounceMs: -5 })).settings.debounceMs, 0);
  assert.equal(toServerSettings(reader({ debounceMs: 99999 })).settings.debounceMs, 10000);
  assert.equal(toServerSettings(reader({ debounceMs: 12.6 })).settings.debounceMs, 13);
  const bad = toServerSettings(reader({ debounceMs: '100' }));
  assert.equal(bad.settings.debounceMs, 250);
  assert.equal(bad.problems.length, 1);
});

test('empty exclude list is kept empty (user turned the defaults off)', () => {
  assert.deepEqual(toServerSettings(reader({ exclude: [] })).settings.exclude, []);
});

test('non-boolean enable is reported and the default used', () => {
  const r = toServerSettings(reader({ enable: 'no' }));
  assert.equal(r.settings.enable, true);
  assert.equal(r.problems.length, 1);
});

test('parseSeverity accepts the server spellings only', () => {
  assert.equal(parseSeverity('WARN'), 'warning');
  assert.equal(parseSeverity('info'), 'information');
  assert.equal(parseSeverity('Hint'), 'hint');
  assert.equal(parseSeverity('fatal'), undefined);
  assert.equal(parseSeverity(2), undefined);
});
