import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRuleList, ruleMarkdown, rulePickItems } from '../src/rules';

const serverAnswer = [
  { id: 'DJ220', name: 'autoescape-off', severity: 'warning', category: 'xss-template', documentation: '## What\n\nTurns off escaping.' },
  { id: 'DJ101', name: 'sql-built-from-strings', severity: 1, category: 'sql-injection', documentation: '# DJ101\n\nRaw SQL.' },
  { id: 'DJ101', name: 'duplicate', severity: 'hint', category: 'x', documentation: '' },
  { name: 'no id' },
  'garbage',
  null,
];

test('rule list is validated, de-duplicated and sorted; numeric severities are named', () => {
  const rules = parseRuleList(serverAnswer);
  assert.deepEqual(rules.map((r) => r.id), ['DJ101', 'DJ220']);
  assert.equal(rules[0].name, 'sql-built-from-strings');
  assert.equal(rules[0].severity, 'error');
});

test('a { rules: [...] } wrapper and junk answers are handled', () => {
  assert.equal(parseRuleList({ rules: serverAnswer }).length, 2);
  assert.deepEqual(parseRuleList(null), []);
  assert.deepEqual(parseRuleList('DJ101'), []);
});

test('quick pick items carry id, name · severity · category and the first prose line', () => {
  const items = rulePickItems(parseRuleList(serverAnswer));
  assert.deepEqual(items[1], {
    label: 'DJ220',
    description: 'autoescape-off · warning · xss-template',
    detail: 'Turns off escaping.',
    ruleId: 'DJ220',
  });
});

test('markdown: server documentation with its own heading is shown unchanged', () => {
  const [dj101] = parseRuleList(serverAnswer);
  assert.equal(ruleMarkdown(dj101, 'DJ101'), '# DJ101\n\nRaw SQL.');
});

test('markdown: a title is added when the documentation has none', () => {
  const rules = parseRuleList(serverAnswer);
  const md = ruleMarkdown(rules[1], 'DJ220');
  assert.ok(md.startsWith('# DJ220 · autoescape-off\n\n*warning · xss-template*\n\n## What'));
});

test('markdown: explainRule answer (string or {markdown}) wins over the list documentation', () => {
  const [dj101] = parseRuleList(serverAnswer);
  assert.equal(ruleMarkdown(dj101, 'DJ101', '# Full page'), '# Full page');
  assert.equal(ruleMarkdown(undefined, 'DJ999', { markdown: '# From explain' }), '# From explain');
});

test('markdown: unknown rule without documentation says so', () => {
  assert.match(ruleMarkdown(undefined, 'DJ999'), /^# DJ999\n\nThe server has no documentation/);
});
