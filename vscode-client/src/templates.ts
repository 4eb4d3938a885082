// When an `.html` file under a template directory should be switched to the `django-html` language.
// Pure: unit-tested under Node; djangoHtml.ts applies the decision.
import { globToRegExp, isTemplatePath } from './selectors';

const DJANGO_SYNTAX = /\{%-?\s*[a-z_]+|\{\{.*?\}\}|\{#/s;

/** Django template syntax somewhere in the first 64 KB (`{% tag`, `{{ var }}`, `{# comment`). */
export function looksLikeDjangoTemplate(text: string): boolean {
  return DJANGO_SYNTAX.test(text.length > 65_536 ? text.slice(0, 65_536) : text);
}

/**
 * True when the user's `files.associations` already decides this file's language. Keys without a slash
 * match the file name (VS Code's rule), keys with one match the whole path.
 */
export function hasUserAssociation(associations: Record<string, unknown> | undefined, filePath: string): boolean {
  if (!associations) return false;
  const p = filePath.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  return Object.keys(associations).some((key) => {
    const k = key.replace(/\\/g, '/');
    return k.includes('/') ? globToRegExp(k).test(p) : globToRegExp(`/${k}`).test(`/${base}`);
  });
}

export interface DetectionInput {
  languageId: string;
  scheme: string;
  path: string;
  text: string;
  templateDirs: readonly string[];
  associations: Record<string, unknown> | undefined;
  /** Another extension (e.g. batisteo.vscode-django) owns django-html already. */
  otherDjangoExtension: boolean;
  enabled: boolean;
}

export function shouldSwitchToDjangoHtml(input: DetectionInput): boolean {
  return input.enabled &&
    !input.otherDjangoExtension &&
    input.scheme === 'file' &&
    input.languageId === 'html' &&
    isTemplatePath(input.path, input.templateDirs) &&
    /\.html?$/i.test(input.path) &&
    !hasUserAssociation(input.associations, input.path) &&
    looksLikeDjangoTemplate(input.text);
}

/** Extensions known to contribute the `django-html` language and associations of their own. */
export const OTHER_DJANGO_EXTENSIONS: readonly string[] = [
  'batisteo.vscode-django',
  'bibhasdn.django-html',
  'junstyle.vscode-django-support',
];
