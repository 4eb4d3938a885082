// Decides how to start the server: a custom build from `djangolsp.server.path` (executable or .dll) or
// the framework-dependent server bundled in the .vsix (server/djangolsp.dll), run with the user's `dotnet`.
// Pure: file-system and environment access come in through `ServerHost`, so it is unit-tested under Node.
import * as path from 'path';

export const DOTNET_DOWNLOAD_URL = 'https://dotnet.microsoft.com/download';
export const REQUIRED_DOTNET_MAJOR = 10;
export const BUNDLED_DLL = path.join('server', 'djangolsp.dll');

export interface ServerHost {
  extensionPath: string;
  /** First workspace folder (relative server paths are resolved against it). */
  workspaceFolder?: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  isFile(p: string): boolean;
}

export interface ServerLaunchSettings {
  /** `djangolsp.server.path` */
  serverPath: string;
  /** `djangolsp.server.args` */
  serverArgs: string[];
  /** `djangolsp.server.dotnetPath`, or `dotnet.dotnetPath` from the C# extension, or empty. */
  dotnetPath: string;
}

export type ServerResolution =
  | {
      ok: true;
      command: string;
      args: string[];
      /** The .dll run by dotnet, if any (the runtime version is checked for it). */
      dll?: string;
      /** One line for the output channel, e.g. "bundled server ... run with /usr/bin/dotnet". */
      description: string;
    }
  | { ok: false; message: string; url?: string };

export function resolveServer(settings: ServerLaunchSettings, host: ServerHost): ServerResolution {
  const args = settings.serverArgs.length > 0 ? settings.serverArgs : ['--stdio'];
  const custom = settings.serverPath.trim();

  if (custom !== '') {
    const full = absolutize(custom, host);
    if (!host.isFile(full)) {
      return { ok: false, message: `djangolsp.server.path is set to "${custom}", but ${full} is not a file.` };
    }
    if (!full.toLowerCase().endsWith('.dll')) {
      return { ok: true, command: full, args, description: `custom server ${full}` };
    }
    return withDotnet(full, args, settings, host, `custom server ${full}`);
  }

  const bundled = path.join(host.extensionPath, BUNDLED_DLL);
  if (!host.isFile(bundled)) {
    return {
      ok: false,
      message:
        `The DjangoLsp server is missing from the extension (${bundled}). Reinstall the extension, ` +
        'or set djangolsp.server.path to a djangolsp build.',
    };
  }
  return withDotnet(bundled, args, settings, host, `bundled server ${bundled}`);
}

function withDotnet(
  dll: string,
  args: string[],
  settings: ServerLaunchSettings,
  host: ServerHost,
  what: string,
): ServerResolution {
  const dotnet = findDotnet(settings.dotnetPath, host);
  if (!dotnet.ok) return dotnet;
  return { ok: true, command: dotnet.path, args: [dll, ...args], dll, description: `${what} run with ${dotnet.path}` };
}

/** Explicit setting, then DOTNET_ROOT, then PATH, then the installers' default locations. */
export function findDotnet(
  explicit: string,
  host: ServerHost,
): { ok: true; path: string } | { ok: false; message: string; url: string } {
  const exe = host.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const join = host.platform === 'win32' ? path.win32.join : path.posix.join;

  if (explicit.trim() !== '') {
    const p = absolutize(explicit.trim(), host);
    // A folder (e.g. DOTNET_ROOT-style) is accepted too.
    for (const candidate of [p, join(p, exe)]) {
      if (host.isFile(candidate)) return { ok: true, path: candidate };
    }
    return {
      ok: false,
      message: `djangolsp.server.dotnetPath is set to "${explicit}", but no dotnet executable is there. ` +
        `DjangoLsp needs the .NET ${REQUIRED_DOTNET_MAJOR} runtime.`,
      url: DOTNET_DOWNLOAD_URL,
    };
  }

  const candidates: string[] = [];
  const root = host.env.DOTNET_ROOT;
  if (root) candidates.push(join(root, exe));
  const pathVar = host.env.PATH ?? host.env.Path ?? '';
  const delimiter = host.platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(delimiter)) if (dir.trim() !== '') candidates.push(join(dir.trim(), exe));
  if (host.platform === 'win32') {
    candidates.push(join(host.env.ProgramFiles ?? 'C:\\Program Files', 'dotnet', exe));
  } else {
    candidates.push('/usr/local/share/dotnet/dotnet', '/usr/share/dotnet/dotnet', '/usr/lib/dotnet/dotnet',
      '/opt/homebrew/share/dotnet/dotnet', join(host.homeDir, '.dotnet', 'dotnet'));
  }
  for (const c of candidates) if (host.isFile(c)) return { ok: true, path: c };

  return {
    ok: false,
    message: `DjangoLsp needs the .NET ${REQUIRED_DOTNET_MAJOR} runtime, but no "dotnet" was found ` +
      '(looked at djangolsp.server.dotnetPath, DOTNET_ROOT and PATH). Install it, or set djangolsp.server.dotnetPath.',
    url: DOTNET_DOWNLOAD_URL,
  };
}

/**
 * Reads `dotnet --list-runtimes` output ("Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/...]") and
 * says whether a runtime of the given major version is installed. A framework-dependent app does not roll
 * forward to a newer major version by default, so only that major counts.
 */
export function hasNetCoreRuntime(listRuntimesOutput: string, major: number): boolean {
  for (const line of listRuntimesOutput.split(/\r?\n/)) {
    const m = /^Microsoft\.NETCore\.App\s+(\d+)\.\d+/.exec(line.trim());
    if (m && Number(m[1]) === major) return true;
  }
  return false;
}

function absolutize(p: string, host: ServerHost): string {
  let expanded = p;
  if (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\')) {
    expanded = host.homeDir + expanded.slice(1);
  }
  if (host.workspaceFolder) expanded = expanded.replace(/\$\{workspaceFolder\}/g, host.workspaceFolder);
  const lib = host.platform === 'win32' ? path.win32 : path.posix;
  if (lib.isAbsolute(expanded)) return lib.normalize(expanded);
  return lib.resolve(host.workspaceFolder ?? host.homeDir, expanded);
}
