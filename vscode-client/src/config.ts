// Maps the `djangolsp.*` VS Code settings to the settings object the server receives (in
// initializationOptions, workspace/configuration answers and didChangeConfiguration).
// Pure: no `vscode` import, so it is unit-tested under plain Node.

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The shape the server reads (camelCase JSON, section `djangolsp`). */
export interface ServerSettings {
  enable: boolean;
  select: string[];
  ignore: string[];
  severityOverrides: Record<string, SeverityName>;
  minSeverity: SeverityName;
  exclude: string[];
  settingsModule: string | null;
  templateDirs: string[];
  reportSyntaxErrors: boolean;
  scanOnStartup: boolean;
  debounceMs: number;
  /** Keep per-file results on disk between sessions (outside the repository by default). */
  cache: boolean;
  /** Absolute folder for that cache; null: the server's default ($XDG_CACHE_HOME/djangolsp). */
  cacheDirectory: string | null;
  trace: { server: TraceLevel };
}

export interface MappedSettings {
  settings: ServerSettings;
  /** Human-readable notes about values that were invalid and left out (shown in the output channel). */
  problems: string[];
}

/** Reads one setting below `djangolsp.` (e.g. `select`, `trace.server`); undefined when unset. */
export type SettingReader = (key: string) => unknown;

export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '**/.venv/**',
  '**/venv/**',
  '**/site-packages/**',
  '**/migrations/**',
];
export const DEFAULT_DEBOUNCE_MS = 250;
export const MAX_DEBOUNCE_MS = 10_000;

const RULE_PATTERN = /^(ALL|DJ\d{0,3})$/;
const RULE_ID = /^DJ\d{3}$/;
const DOTTED_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Accepts the spellings the server's SeverityNames.TryParse accepts. */
export function parseSeverity(value: unknown): SeverityName | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toLowerCase()) {
    case 'error': return 'error';
    case 'warning': case 'warn': return 'warning';
    case 'information': case 'info': return 'information';
    case 'hint': return 'hint';
    default: return undefined;
  }
}

export function toServerSettings(read: SettingReader): MappedSettings {
  const problems: string[] = [];

  const bool = (key: string, fallback: boolean): boolean => {
    const v = read(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    problems.push(`djangolsp.${key}: expected true or false, got ${JSON.stringify(v)}; using ${fallback}`);
    return fallback;
  };

  const strings = (key: string, fallback: readonly string[]): string[] => {
    const v = read(key);
    if (v === undefined || v === null) return [...fallback];
    if (!Array.isArray(v)) {
      problems.push(`djangolsp.${key}: expected a list of strings`);
      return [...fallback];
    }
    const out: string[] = [];
    for (const item of v) {
      if (typeof item !== 'string') {
        problems.push(`djangolsp.${key}: ignored non-string entry ${JSON.stringify(item)}`);
        continue;
      }
      const trimmed = item.trim();
      if (trimmed.length > 0 && !out.includes(trimmed)) out.push(trimmed);
    }
    return out;
  };

  const rulePatterns = (key: string): string[] => {
    const out: string[] = [];
    for (const raw of strings(key, [])) {
      const p = raw.toUpperCase();
      if (!RULE_PATTERN.test(p)) {
        problems.push(`djangolsp.${key}: "${raw}" is not a rule id or prefix (DJ101, DJ1, ALL)`);
        continue;
      }
      if (!out.includes(p)) out.push(p);
    }
    return out;
  };

  const severityOverrides: Record<string, SeverityName> = {};
  const rawOverrides = read('severityOverrides');
  if (rawOverrides !== undefined && rawOverrides !== null) {
    if (typeof rawOverrides !== 'object' || Array.isArray(rawOverrides)) {
      problems.push('djangolsp.severityOverrides: expected an object like { "DJ501": "error" }');
    } else {
      for (const [key, value] of Object.entries(rawOverrides as Record<string, unknown>)) {
        const id = key.trim().toUpperCase();
        const severity = parseSeverity(value);
        if (!RULE_ID.test(id)) problems.push(`djangolsp.severityOverrides: "${key}" is not a rule id`);
        else if (!severity) problems.push(`djangolsp.severityOverrides.${key}: "${String(value)}" is not error/warning/information/hint`);
        else severityOverrides[id] = severity;
      }
    }
  }

  let minSeverity: SeverityName = 'hint';
  const rawMin = read('minSeverity');
  if (rawMin !== undefined && rawMin !== null) {
    const parsed = parseSeverity(rawMin);
    if (parsed) minSeverity = parsed;
    else problems.push(`djangolsp.minSeverity: "${String(rawMin)}" is not error/warning/information/hint; using hint`);
  }

  let settingsModule: string | null = null;
  const rawModule = read('settingsModule');
  if (typeof rawModule === 'string' && rawModule.trim() !== '') {
    const m = rawModule.trim();
    if (DOTTED_MODULE.test(m)) settingsModule = m;
    else problems.push(`djangolsp.settingsModule: "${m}" is not a dotted module name like shop.settings.production`);
  } else if (rawModule !== undefined && rawModule !== null && rawModule !== '') {
    problems.push('djangolsp.settingsModule: expected a string');
  }

  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const rawDebounce = read('debounceMs');
  if (rawDebounce !== undefined && rawDebounce !== null) {
    if (typeof rawDebounce === 'number' && Number.isFinite(rawDebounce)) {
      debounceMs = Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(rawDebounce)));
    } else {
      problems.push(`djangolsp.debounceMs: expected a number of milliseconds; using ${DEFAULT_DEBOUNCE_MS}`);
    }
  }

  // The server only accepts an absolute cache folder (a relative one would depend on its working directory).
  let cacheDirectory: string | null = null;
  const rawCacheDir = read('cacheDirectory');
  if (typeof rawCacheDir === 'string' && rawCacheDir.trim() !== '') {
    const dir = rawCacheDir.trim();
    if (dir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dir) || dir.startsWith('\\\\')) cacheDirectory = dir;
    else problems.push(`djangolsp.cacheDirectory: "${dir}" is not an absolute path; using the default cache folder`);
  } else if (rawCacheDir !== undefined && rawCacheDir !== null && rawCacheDir !== '') {
    problems.push('djangolsp.cacheDirectory: expected a string');
  }

  const rawTrace = read('trace.server');
  const trace: TraceLevel = rawTrace === 'messages' || rawTrace === 'verbose' ? rawTrace : 'off';

  const slashes = (s: string) => s.replace(/\\/g, '/');
  return {
    settings: {
      enable: bool('enable', true),
      select: rulePatterns('select'),
      ignore: rulePatterns('ignore'),
      severityOverrides,
      minSeverity,
      exclude: strings('exclude', DEFAULT_EXCLUDE).map(slashes),
      settingsModule,
      templateDirs: strings('templateDirs', []).map(slashes),
      reportSyntaxErrors: bool('reportSyntaxErrors', true),
      scanOnStartup: bool('scanOnStartup', false),
      debounceMs,
      cache: bool('cache', true),
      cacheDirectory,
      trace: { server: trace },
    },
    problems,
  };
}

/** Settings whose change needs a server restart instead of a didChangeConfiguration. */
export const RESTART_KEYS: readonly string[] = [
  'djangolsp.enable',
  'djangolsp.server.path',
  'djangolsp.server.args',
  'djangolsp.server.dotnetPath',
  'djangolsp.templateDirs', // changes the client's document selector
];
