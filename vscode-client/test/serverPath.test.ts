import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOTNET_DOWNLOAD_URL, findDotnet, hasNetCoreRuntime, resolveServer, ServerHost } from '../src/serverPath';

function host(files: string[], overrides: Partial<ServerHost> = {}): ServerHost {
  const set = new Set(files);
  return {
    extensionPath: '/ext',
    workspaceFolder: '/work/shop',
    platform: 'linux',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    homeDir: '/home/u',
    isFile: (p) => set.has(p),
    ...overrides,
  };
}
const defaults = { serverPath: '', serverArgs: ['--stdio'], dotnetPath: '' };

test('bundled server runs with dotnet from PATH', () => {
  const r = resolveServer(defaults, host(['/ext/server/djangolsp.dll', '/usr/bin/dotnet']));
  assert.ok(r.ok);
  assert.equal(r.command, '/usr/bin/dotnet');
  assert.deepEqual(r.args, ['/ext/server/djangolsp.dll', '--stdio']);
  assert.equal(r.dll, '/ext/server/djangolsp.dll');
});

test('DOTNET_ROOT wins over PATH', () => {
  const r = resolveServer(defaults, host(['/ext/server/djangolsp.dll', '/usr/bin/dotnet', '/opt/dn/dotnet'],
    { env: { PATH: '/usr/bin', DOTNET_ROOT: '/opt/dn' } }));
  assert.ok(r.ok);
  assert.equal(r.command, '/opt/dn/dotnet');
});

test('explicit dotnet path wins, and may name the folder', () => {
  const files = ['/ext/server/djangolsp.dll', '/usr/bin/dotnet', '/custom/dotnet'];
  const a = resolveServer({ ...defaults, dotnetPath: '/custom/dotnet' }, host(files));
  const b = resolveServer({ ...defaults, dotnetPath: '/custom' }, host(files));
  assert.ok(a.ok && b.ok);
  assert.equal(a.command, '/custom/dotnet');
  assert.equal(b.command, '/custom/dotnet');
});

test('explicit dotnet path that does not exist is an error, not a silent fallback to PATH', () => {
  const r = resolveServer({ ...defaults, dotnetPath: '/nope/dotnet' }, host(['/ext/server/djangolsp.dll', '/usr/bin/dotnet']));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes('/nope/dotnet'));
});

test('missing dotnet gives a clear message with the download link', () => {
  const r = resolveServer(defaults, host(['/ext/server/djangolsp.dll']));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.message, /needs the \.NET 10 runtime/);
  assert.equal(r.url, DOTNET_DOWNLOAD_URL);
  assert.equal(r.url, 'https://dotnet.microsoft.com/download');
});

test('well-known install locations are found without PATH', () => {
  const r = findDotnet('', host(['/usr/share/dotnet/dotnet'], { env: {} }));
  assert.deepEqual(r, { ok: true, path: '/usr/share/dotnet/dotnet' });
  const home = findDotnet('', host(['/home/u/.dotnet/dotnet'], { env: {} }));
  assert.deepEqual(home, { ok: true, path: '/home/u/.dotnet/dotnet' });
});

test('custom executable runs directly with the configured args', () => {
  const r = resolveServer({ ...defaults, serverPath: '/build/djangolsp', serverArgs: ['--stdio', '--log', 'x'] },
    host(['/build/djangolsp']));
  assert.ok(r.ok);
  assert.equal(r.command, '/build/djangolsp');
  assert.deepEqual(r.args, ['--stdio', '--log', 'x']);
  assert.equal(r.dll, undefined);
});

test('custom .dll runs with dotnet; relative paths resolve against the workspace folder', () => {
  const r = resolveServer({ ...defaults, serverPath: 'server/bin/djangolsp.DLL' },
    host(['/work/shop/server/bin/djangolsp.DLL', '/usr/bin/dotnet']));
  assert.ok(r.ok);
  assert.equal(r.command, '/usr/bin/dotnet');
  assert.deepEqual(r.args, ['/work/shop/server/bin/djangolsp.DLL', '--stdio']);
});

test('~ and ${workspaceFolder} are expanded', () => {
  const a = resolveServer({ ...defaults, serverPath: '~/bin/djangolsp' }, host(['/home/u/bin/djangolsp']));
  const b = resolveServer({ ...defaults, serverPath: '${workspaceFolder}/tools/djangolsp' }, host(['/work/shop/tools/djangolsp']));
  assert.ok(a.ok && b.ok);
  assert.equal(a.command, '/home/u/bin/djangolsp');
  assert.equal(b.command, '/work/shop/tools/djangolsp');
});

test('custom path that does not exist is an error naming it', () => {
  const r = resolveServer({ ...defaults, serverPath: '/missing/djangolsp' }, host(['/ext/server/djangolsp.dll', '/usr/bin/dotnet']));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes('/missing/djangolsp'));
});

test('custom .dll without dotnet reports the missing runtime', () => {
  const r = resolveServer({ ...defaults, serverPath: '/b/djangolsp.dll' }, host(['/b/djangolsp.dll']));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.url === DOTNET_DOWNLOAD_URL);
});

test('bundled server missing from the extension is reported', () => {
  const r = resolveServer(defaults, host(['/usr/bin/dotnet']));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && /missing from the extension/.test(r.message));
});

test('empty args fall back to --stdio', () => {
  const r = resolveServer({ ...defaults, serverArgs: [] }, host(['/ext/server/djangolsp.dll', '/usr/bin/dotnet']));
  assert.ok(r.ok);
  assert.deepEqual(r.args, ['/ext/server/djangolsp.dll', '--stdio']);
});

test('windows: dotnet.exe on Path with ; separators', () => {
  const r = findDotnet('', host(['C:\\tools\\dotnet\\dotnet.exe'], {
    platform: 'win32', env: { Path: 'C:\\Windows;C:\\tools\\dotnet' }, homeDir: 'C:\\Users\\u',
  }));
  assert.deepEqual(r, { ok: true, path: 'C:\\tools\\dotnet\\dotnet.exe' });
});

test('runtime list: .NET 10 present or absent', () => {
  const with10 = 'Microsoft.AspNetCore.App 10.0.0 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]\n' +
    'Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n' +
    'Microsoft.NETCore.App 10.0.0 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n';
  assert.equal(hasNetCoreRuntime(with10, 10), true);
  assert.equal(hasNetCoreRuntime('Microsoft.NETCore.App 8.0.11 [/x]\nMicrosoft.AspNetCore.App 10.0.0 [/y]', 10), false);
  assert.equal(hasNetCoreRuntime('Microsoft.NETCore.App 1.0.0 [/x]', 10), false);
  assert.equal(hasNetCoreRuntime('', 10), false);
});
