// Reading the server's `djangolsp.listRules` answer and rendering a rule's page. Pure: unit-tested.

export interface RuleInfo {
  id: string;
  name: string;
  severity: string;
  category: string;
  documentation: string;
}

/** Validates `djangolsp.listRules` output: keeps well-formed entries, sorted by id, drops the rest. */
export function parseRuleList(result: unknown): RuleInfo[] {
  const list = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && Array.isArray((result as { rules?: unknown }).rules)
      ? (result as { rules: unknown[] }).rules
      : [];
  const rules: RuleInfo[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id.trim() === '' || seen.has(r.id)) continue;
    seen.add(r.id);
    rules.push({
      id: r.id,
      name: typeof r.name === 'string' ? r.name : '',
      severity: typeof r.severity === 'string' ? r.severity : typeof r.severity === 'number' ? severityName(r.severity) : '',
      category: typeof r.category === 'string' ? r.category : '',
      documentation: typeof r.documentation === 'string' ? r.documentation : '',
    });
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

function severityName(lspSeverity: number): string {
  return ['', 'error', 'warning', 'information', 'hint'][lspSeverity] ?? '';
}

export interface RulePickItem {
  label: string;
  description: string;
  detail?: string;
  ruleId: string;
}

export function rulePickItems(rules: readonly RuleInfo[]): RulePickItem[] {
  return rules.map((r) => ({
    label: r.id,
    description: [r.name, r.severity, r.category].filter(Boolean).join(' · '),
    detail: firstParagraph(r.documentation),
    ruleId: r.id,
  }));
}

function firstParagraph(markdown: string): string | undefined {
  const line = markdown.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
  if (!line) return undefined;
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/**
 * The markdown page shown for a rule: the server's documentation, with a title line added when the
 * documentation does not start with its own heading. `explainRule` may return a string or { markdown }.
 */
export function ruleMarkdown(rule: RuleInfo | undefined, ruleId: string, explained?: unknown): string {
  const fromServer = typeof explained === 'string'
    ? explained
    : explained && typeof explained === 'object' && typeof (explained as { markdown?: unknown }).markdown === 'string'
      ? (explained as { markdown: string }).markdown
      : '';
  const body = fromServer.trim() !== '' ? fromServer : rule?.documentation ?? '';
  if (body.trim() === '') return `# ${ruleId}\n\nThe server has no documentation for this rule.\n`;
  if (/^\s*#\s/.test(body)) return body;
  const meta = rule ? [rule.severity, rule.category].filter(Boolean).join(' · ') : '';
  return `# ${ruleId}${rule?.name ? ` · ${rule.name}` : ''}\n\n${meta ? `*${meta}*\n\n` : ''}${body}`;
}
