// Which documents the server sees. Pure: unit-tested under Node, and `matchesSelector` is also used by
// the extension (status bar visibility, django-html detection) so the tested matcher is the one that runs.

export interface DocumentFilterLike {
  scheme?: string;
  language?: string;
  pattern?: string;
}

export const TEMPLATE_GLOB = '**/templates/**/*.{html,htm,txt}';
export const REQUIREMENTS_GLOBS: readonly string[] = [
  '**/requirements*.txt',
  '**/requirements/*.txt',
  '**/pyproject.toml',
  '**/Pipfile*',
  '**/poetry.lock',
];

/** Globs for the extra template directories of `djangolsp.templateDirs` (relative or absolute). */
export function templateDirGlobs(templateDirs: readonly string[]): string[] {
  const globs: string[] = [];
  for (const raw of templateDirs) {
    let dir = raw.trim().replace(/\\/g, '/').replace(/\/+$/, '');
    if (dir === '' || dir === '.') continue;
    if (dir.startsWith('./')) dir = dir.slice(2);
    const absolute = dir.startsWith('/') || /^[A-Za-z]:\//.test(dir);
    // A relative dir is relative to a workspace folder; the client has no RelativePattern for string
    // filters, so "**/" + dir matches it in any workspace folder.
    const glob = `${absolute ? '' : '**/'}${dir}/**/*.{html,htm,txt}`;
    if (!globs.includes(glob)) globs.push(glob);
  }
  return globs;
}

export function buildDocumentSelector(templateDirs: readonly string[]): DocumentFilterLike[] {
  const selector: DocumentFilterLike[] = [
    { scheme: 'file', language: 'python' },
    { scheme: 'file', language: 'django-html' },
    { scheme: 'file', language: 'django-txt' },
    { scheme: 'file', language: 'jinja-html' },
    { scheme: 'file', language: 'pip-requirements' },
  ];
  for (const pattern of [TEMPLATE_GLOB, ...templateDirGlobs(templateDirs)]) {
    selector.push({ scheme: 'file', language: 'html', pattern });
    selector.push({ scheme: 'file', language: 'plaintext', pattern });
  }
  for (const pattern of REQUIREMENTS_GLOBS) selector.push({ scheme: 'file', pattern });
  return selector;
}

/** True when the document (language id + path with forward or back slashes) matches one of the filters. */
export function matchesSelector(
  selector: readonly DocumentFilterLike[],
  doc: { languageId: string; path: string; scheme?: string },
): boolean {
  const p = doc.path.replace(/\\/g, '/');
  return selector.some((f) =>
    (f.scheme === undefined || f.scheme === (doc.scheme ?? 'file')) &&
    (f.language === undefined || f.language === doc.languageId) &&
    (f.pattern === undefined || globToRegExp(f.pattern).test(p)));
}

/** True when the path is an html/txt file under `templates/` or a configured template dir. */
export function isTemplatePath(filePath: string, templateDirs: readonly string[]): boolean {
  const p = filePath.replace(/\\/g, '/');
  return [TEMPLATE_GLOB, ...templateDirGlobs(templateDirs)].some((g) => globToRegExp(g).test(p));
}

const cache = new Map<string, RegExp>();

/**
 * VS Code-style glob to a RegExp over a whole forward-slash path: `**` spans folders, `*` and `?` stay
 * inside one path segment, `{a,b}` alternates. A pattern starting with `**` also matches from the root.
 */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more folders; a trailing "**" matches the rest.
        if (glob[i + 2] === '/') { re += '(?:[^/]*/)*'; i += 2; } else { re += '.*'; i += 1; }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; inBraces = true; }
    else if (c === '}' && inBraces) { re += ')'; inBraces = false; }
    else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Relative globs ("**/x") match anywhere; absolute ones only from the start.
  const anchored = glob.startsWith('/') || /^[A-Za-z]:\//.test(glob) ? `^${re}$` : `(?:^|/)${re}$`;
  const result = new RegExp(anchored, process.platform === 'win32' ? 'i' : '');
  cache.set(glob, result);
  return result;
}
