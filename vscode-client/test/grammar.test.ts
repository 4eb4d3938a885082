// Tokenizes templates with the real TextMate engine VS Code uses (vscode-textmate + oniguruma) to check the
// django-html grammar. VS Code's own text.html.basic grammar is not available here, so a small stand-in
// with tags, quoted attribute values and <script> is used; the Django injection must work inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');
const htmlStandIn = {
  scopeName: 'text.html.basic',
  patterns: [
    {
      name: 'meta.tag.script.html',
      begin: '(<)(script)\\b[^>]*(>)', end: '(</)(script)(>)',
      contentName: 'source.js.embedded.html',
      patterns: [{ match: '\\b(var|let|const)\\b', name: 'storage.type.js' }],
    },
    {
      name: 'meta.tag.html',
      begin: '(</?)([A-Za-z][A-Za-z0-9-]*)', end: '(/?>)',
      beginCaptures: { 2: { name: 'entity.name.tag.html' } },
      patterns: [
        { match: '\\b[a-z-]+(?==)', name: 'entity.other.attribute-name.html' },
        { name: 'string.quoted.double.html', begin: '"', end: '"' },
      ],
    },
  ],
};

let registry: vsctm.Registry;
async function grammar(): Promise<vsctm.IGrammar> {
  if (!registry) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === 'text.html.django') {
          const file = path.join(root, 'syntaxes', 'django-html.tmLanguage.json');
          return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
        }
        if (scopeName === 'text.html.basic') return vsctm.parseRawGrammar(JSON.stringify(htmlStandIn), 'html.json');
        return null;
      },
    });
  }
  const g = await registry.loadGrammar('text.html.django');
  assert.ok(g, 'grammar loads');
  return g;
}

/** [text, scopes] per token, over several lines. */
async function tokens(source: string): Promise<Array<[string, string[]]>> {
  const g = await grammar();
  let state = vsctm.INITIAL;
  const out: Array<[string, string[]]> = [];
  for (const line of source.split('\n')) {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    state = r.ruleStack;
  }
  return out;
}

async function scopesOf(source: string, text: string): Promise<string[]> {
  const found = (await tokens(source)).find(([t]) => t === text);
  assert.ok(found, `token "${text}" in ${JSON.stringify(source)}`);
  return found[1];
}

test('{{ }} variables with filters; unsafe filters get their own scope', async () => {
  const src = '<p>{{ user.name|upper }} {{ bio|safe }}</p>';
  assert.ok((await scopesOf(src, '{{')).includes('punctuation.section.embedded.begin.django'));
  assert.ok((await scopesOf(src, 'user')).includes('variable.other.django'));
  assert.ok((await scopesOf(src, 'upper')).includes('support.function.filter.django'));
  assert.ok((await scopesOf(src, 'safe')).includes('support.function.filter.unsafe.django'));
  assert.ok((await scopesOf(src, 'p')).includes('entity.name.tag.html'), 'HTML still highlighted');
});

test('{% %} tags: built-in keywords, custom tags, strings and operators', async () => {
  const src = '{% load static %}{% if user.is_staff and not x %}{% my_tag "a" %}{% endif %}';
  assert.ok((await scopesOf(src, 'load')).includes('keyword.control.django'));
  assert.ok((await scopesOf(src, 'if')).includes('keyword.control.django'));
  assert.ok((await scopesOf(src, 'endif')).includes('keyword.control.django'));
  assert.ok((await scopesOf(src, 'my_tag')).includes('entity.name.tag.custom.django'));
  assert.ok((await scopesOf(src, 'and')).includes('keyword.operator.word.django'));
  assert.ok((await scopesOf(src, '"')).some((s) => s.startsWith('string.quoted.double.django')));
});

test('{# #} and {% comment %} blocks are comments, and nothing inside is highlighted as Django', async () => {
  const line = await scopesOf('{# {{ x }} #}', ' {{ x }} ');
  assert.ok(line.includes('comment.line.django'));
  const block = await tokens('{% comment "why" %}\n{{ hidden }}\n{% endcomment %}<b>');
  const hidden = block.find(([t]) => t.includes('hidden'));
  assert.ok(hidden && hidden[1].includes('comment.block.django'));
  assert.ok(!hidden[1].includes('meta.embedded.variable.django'));
  assert.ok(block.find(([t]) => t === 'b')![1].includes('entity.name.tag.html'), 'HTML resumes after the comment');
});

test('Django syntax is injected into attribute values and <script>', async () => {
  const attr = await scopesOf('<a href="{{ next_url }}">x</a>', 'next_url');
  assert.ok(attr.includes('string.quoted.double.html'));
  assert.ok(attr.includes('variable.other.django'));
  const script = await scopesOf('<script>var data = {{ payload|safe }};</script>', 'safe');
  assert.ok(script.includes('source.js.embedded.html'));
  assert.ok(script.includes('support.function.filter.unsafe.django'));
});

test('plain text and stray braces are not Django', async () => {
  const toks = await tokens('<p>a { b } c</p>');
  // scopes[0] is the grammar's own root scope (text.html.django)
  assert.ok(toks.every(([, scopes]) => !scopes.slice(1).some((s) => s.endsWith('.django'))), JSON.stringify(toks));
});

test('{% verbatim %} content is not highlighted as Django', async () => {
  const toks = await tokens('{% verbatim %}{{ raw }}{% endverbatim %}');
  const raw = toks.find(([t]) => t.includes('raw'));
  assert.ok(raw && !raw[1].includes('variable.other.django'), JSON.stringify(raw));
});
