#!/usr/bin/env node
// TEST-ONLY stdio proxy between VS Code and the real DjangoLsp server that holds back the server's answers to
// textDocument/diagnostic for URIs containing SLOW_PULL_MATCH (default ".html") by SLOW_PULL_MS (default 3000).
// It forces the race behind the old code-server flake every time: the extension switches a template from html
// to django-html (didClose + didOpen) while the pull for the html document is still unanswered.
// Use: SERVER_PATH=tests/e2e/vscode/slow-pull-proxy.js tests/e2e/vscode/run.sh (run.sh sets djangolsp.server.path).
// The real server: SLOW_PULL_SERVER (a djangolsp.dll), default vscode-client/server/djangolsp.dll (npm run package).
const cp = require('child_process');
const path = require('path');

const dll = process.env.SLOW_PULL_SERVER || path.join(__dirname, '..', '..', '..', 'vscode-client', 'server', 'djangolsp.dll');
const match = process.env.SLOW_PULL_MATCH || '.html';
const delayMs = Number(process.env.SLOW_PULL_MS || '3000');
const server = cp.spawn('dotnet', [dll, ...process.argv.slice(2)], { stdio: ['pipe', 'pipe', 'inherit'] });
const slowIds = new Set();

// Calls onMessage(bytes, json) for each Content-Length framed message read from `stream`.
function frames(stream, onMessage) {
  let buffer = Buffer.alloc(0);
  stream.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
      if (buffer.length < end + 4 + length) return;
      const whole = buffer.subarray(0, end + 4 + length);
      const body = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      buffer = buffer.subarray(end + 4 + length);
      onMessage(Buffer.from(whole), body);
    }
  });
}

frames(process.stdin, (bytes, message) => {
  if (message.method === 'textDocument/diagnostic' && String(message.params?.textDocument?.uri).includes(match)) {
    slowIds.add(message.id);
    process.stderr.write(`[slow-pull-proxy] holding the answer to pull ${message.id} (${message.params.textDocument.uri}) for ${delayMs} ms\n`);
  }
  server.stdin.write(bytes);
});
frames(server.stdout, (bytes, message) => {
  if (message.method === undefined && slowIds.delete(message.id)) setTimeout(() => process.stdout.write(bytes), delayMs);
  else process.stdout.write(bytes);
});
process.stdin.on('end', () => server.stdin.end());
server.on('exit', (code) => process.exit(code ?? 1));
