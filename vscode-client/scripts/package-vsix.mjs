// Packages vscode-client/ into djangolsp-<version>.vsix at the repository root with vsce 3.7.x.
// The extension is bundled by esbuild (dist/extension.js), so node_modules are not packaged.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const client = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const root = path.dirname(client);
const { version } = JSON.parse(fs.readFileSync(path.join(client, 'package.json'), 'utf8'));

for (const required of ['dist/extension.js', 'server/djangolsp.dll', 'server/djangolsp.runtimeconfig.json']) {
  if (!fs.existsSync(path.join(client, required))) {
    console.error(`missing vscode-client/${required}: run "npm run build" and "npm run package:server" first`);
    process.exit(1);
  }
}

const out = path.join(root, `djangolsp-${version}.vsix`);
const vsce = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
execFileSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: client, stdio: 'inherit' });
console.log(`${out}: ${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
