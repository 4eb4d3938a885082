#!/usr/bin/env node
// A stand-in for the djangolsp server, used ONLY to check that the editor harnesses and the extension work
// before the real server has rules. It is not the product. Plain Node, no dependencies, stdio JSON-RPC.
// For every line containing `mark_safe(` (Python) or `|safe` (templates) it publishes a warning DJ999 from
// source "djangolsp"; a quick fix removes the unsafe call/filter; hover links owasp.org; `djangolsp.scanWorkspace`
// reports $/progress and publishes findings for files that are not open; `djangolsp.listRules`/`explainRule`
// answer with one rule. FAKE_LS_LOG=file logs what it receives.
const fs = require('fs');
const path = require('path');
const { fileURLToPath, pathToFileURL } = require('url');

const log = (m) => process.env.FAKE_LS_LOG && fs.appendFileSync(process.env.FAKE_LS_LOG, `${m}\n`);
const docs = new Map(); // uri -> text
let root = null;

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

const RULE = {
  id: 'DJ999', name: 'fake-unsafe-markup', severity: 'warning', category: 'xss-template',
  documentation: '# DJ999 · fake-unsafe-markup\n\nStand-in rule of the fake test server.\n\nSee https://owasp.org/Top10/A03_2021-Injection/',
};
const PATTERNS = [/mark_safe\(/, /\|\s*safe\b/];

function findings(text) {
  const out = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const p of PATTERNS) {
      const m = p.exec(line);
      if (m) out.push({ line: i, start: m.index, end: m.index + m[0].length, match: m[0] });
    }
  });
  return out;
}

function diagnostics(text) {
  return findings(text).map((f) => ({
    range: { start: { line: f.line, character: f.start }, end: { line: f.line, character: f.end } },
    severity: 2, code: 'DJ999', source: 'djangolsp', message: `Unsafe markup: ${f.match.trim()} (fake server)`,
    data: { match: f.match },
  }));
}

function publish(uri, text, version) {
  send({ method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: diagnostics(text) } });
}

function applyChanges(text, changes) {
  for (const c of changes) {
    if (!c.range) { text = c.text; continue; }
    const lines = text.split('\n');
    const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, offset(c.range.start)) + c.text + text.slice(offset(c.range.end));
  }
  return text;
}

function walk(dir, acc) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, acc); else if (/\.(py|html|txt)$/.test(e.name)) acc.push(p);
  }
  return acc;
}

function handle(msg) {
  log(`<- ${msg.method ?? `response ${msg.id}`}`);
  const reply = (result) => send({ id: msg.id, result });
  switch (msg.method) {
    case 'initialize':
      root = msg.params.rootUri ? fileURLToPath(msg.params.rootUri) : null;
      log(`initialize from ${msg.params.clientInfo ? `${msg.params.clientInfo.name} ${msg.params.clientInfo.version}` : 'unknown client'}; root ${root}; initializationOptions ${JSON.stringify(msg.params.initializationOptions ?? null)}`);
      return reply({
        capabilities: {
          textDocumentSync: { openClose: true, change: 2 },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.djangolsp'] },
          executeCommandProvider: { commands: ['djangolsp.scanWorkspace', 'djangolsp.listRules', 'djangolsp.explainRule'] },
        },
        serverInfo: { name: 'fake-djangolsp', version: '0.0.0' },
      });
    case 'initialized': return undefined;
    case 'shutdown': return reply(null);
    case 'exit': return process.exit(0);
    case 'workspace/didChangeConfiguration': log(`settings ${JSON.stringify(msg.params.settings)}`); return undefined;
    case 'textDocument/didOpen':
      docs.set(msg.params.textDocument.uri, msg.params.textDocument.text);
      log(`didOpen ${msg.params.textDocument.uri} languageId=${msg.params.textDocument.languageId}`);
      return publish(msg.params.textDocument.uri, msg.params.textDocument.text, msg.params.textDocument.version);
    case 'textDocument/didChange': {
      const { uri, version } = msg.params.textDocument;
      const text = applyChanges(docs.get(uri) ?? '', msg.params.contentChanges);
      docs.set(uri, text);
      return publish(uri, text, version);
    }
    case 'textDocument/didClose': docs.delete(msg.params.textDocument.uri); return undefined;
    case 'textDocument/hover': {
      const text = docs.get(msg.params.textDocument.uri) ?? '';
      const f = findings(text).find((x) => x.line === msg.params.position.line);
      return reply(f ? { contents: { kind: 'markdown', value: `**DJ999 · fake-unsafe-markup** (warning)\n\n[OWASP A03:2021 Injection](https://owasp.org/Top10/A03_2021-Injection/)` } } : null);
    }
    case 'textDocument/codeAction': {
      const uri = msg.params.textDocument.uri;
      const text = docs.get(uri) ?? '';
      const all = findings(text);
      const edit = (f) => ({ range: { start: { line: f.line, character: f.start }, end: { line: f.line, character: f.end } },
        newText: f.match.startsWith('mark_safe') ? 'escape(' : '' });
      const only = msg.params.context.only;
      const actions = [];
      if (!only || only.some((k) => 'quickfix'.startsWith(k))) {
        for (const f of all.filter((x) => x.line >= msg.params.range.start.line && x.line <= msg.params.range.end.line)) {
          actions.push({ title: `Remove unsafe ${f.match.trim()} (DJ999)`, kind: 'quickfix', isPreferred: true,
            diagnostics: diagnostics(text).filter((d) => d.range.start.line === f.line),
            edit: { changes: { [uri]: [edit(f)] } } });
        }
      }
      if (all.length && (!only || only.some((k) => 'source.fixAll.djangolsp'.startsWith(k)))) {
        actions.push({ title: `Fix all DjangoLsp findings (${all.length})`, kind: 'source.fixAll.djangolsp',
          edit: { changes: { [uri]: all.map(edit) } } });
      }
      return reply(actions);
    }
    case 'workspace/executeCommand': {
      const { command, workDoneToken: token } = msg.params;
      if (command === 'djangolsp.listRules') return reply([RULE]);
      if (command === 'djangolsp.explainRule') return reply(RULE.documentation);
      if (command !== 'djangolsp.scanWorkspace') return send({ id: msg.id, error: { code: -32601, message: `unknown command ${command}` } });
      const files = root ? walk(root, []) : [];
      const progress = (value) => token !== undefined && send({ method: '$/progress', params: { token, value } });
      progress({ kind: 'begin', title: 'Scanning workspace', percentage: 0, cancellable: false });
      let count = 0;
      files.forEach((file, i) => {
        const uri = pathToFileURL(file).href;
        const text = docs.get(uri) ?? fs.readFileSync(file, 'utf8');
        count += findings(text).length;
        publish(uri, text);
        progress({ kind: 'report', percentage: Math.round(((i + 1) / files.length) * 100), message: `${i + 1}/${files.length} files` });
      });
      progress({ kind: 'end' });
      return reply({ files: files.length, findings: count });
    }
    default:
      if (msg.id !== undefined && msg.method) send({ id: msg.id, error: { code: -32601, message: `unhandled ${msg.method}` } });
      return undefined;
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const m = /Content-Length: (\d+)/i.exec(buffer.slice(0, headerEnd).toString('ascii'));
    const length = m ? Number(m[1]) : 0;
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.slice(headerEnd + 4 + length);
    try { handle(JSON.parse(body)); } catch (e) { log(`error ${e.stack}`); }
  }
});
process.stdin.on('end', () => process.exit(0));
