// Status bar text and finding counts. Pure: unit-tested under Node.

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'ready' }
  | { kind: 'scanning'; percentage?: number; message?: string }
  | { kind: 'error'; message: string }
  | { kind: 'stopped' }
  | { kind: 'disabled' };

export interface FindingCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** Which background the item gets: none, the warning or the error colour. */
  tone: 'normal' | 'warning' | 'error';
}

export const SERVER_SOURCE = 'djangolsp';

/** Counts diagnostics whose source is the DjangoLsp server; severities use VS Code's 0..3 numbering. */
export function countFindings(diagnostics: Iterable<{ source?: string; severity: number }>): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) {
    if (d.source !== SERVER_SOURCE) continue;
    switch (d.severity) {
      case 0: counts.error++; break;
      case 1: counts.warning++; break;
      case 2: counts.information++; break;
      default: counts.hint++; break;
    }
  }
  return counts;
}

export function totalFindings(c: FindingCounts): number {
  return c.error + c.warning + c.information + c.hint;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStatus(state: ServerState, counts: FindingCounts): StatusView {
  const total = totalFindings(counts);
  const breakdown = total === 0
    ? 'No security findings'
    : [
        counts.error ? plural(counts.error, 'error') : '',
        counts.warning ? plural(counts.warning, 'warning') : '',
        counts.information ? `${counts.information} info` : '',
        counts.hint ? plural(counts.hint, 'hint') : '',
      ].filter(Boolean).join(', ');
  const findings = total === 0 ? '$(shield) 0' : `$(shield) ${total}`;
  const tone: StatusView['tone'] = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'normal';
  const click = 'Click to show the DjangoLsp output.';

  switch (state.kind) {
    case 'starting':
      return { text: '$(loading~spin) DjangoLsp', tooltip: `DjangoLsp: starting the server…\n${click}`, tone: 'normal' };
    case 'ready':
      return { text: `${findings} DjangoLsp`, tooltip: `DjangoLsp: ready. ${breakdown}.\n${click}`, tone };
    case 'scanning': {
      const pct = state.percentage === undefined ? '' : ` ${Math.max(0, Math.min(100, Math.round(state.percentage)))}%`;
      const detail = state.message ? ` (${state.message})` : '';
      return {
        text: `$(sync~spin) DjangoLsp${pct}`,
        tooltip: `DjangoLsp: scanning the workspace${pct}${detail}. ${breakdown} so far.\n${click}`,
        tone: 'normal',
      };
    }
    case 'error':
      return { text: '$(error) DjangoLsp', tooltip: `DjangoLsp: ${state.message}\n${click}`, tone: 'error' };
    case 'stopped':
      return { text: '$(debug-stop) DjangoLsp', tooltip: `DjangoLsp: server stopped.\n${click}`, tone: 'warning' };
    case 'disabled':
      return { text: '$(circle-slash) DjangoLsp', tooltip: 'DjangoLsp is disabled (djangolsp.enable).', tone: 'normal' };
  }
}

/**
 * VS Code's Progress.report takes increments; LSP $/progress reports absolute percentages. Returns the
 * increment to report and the new running total (never backwards, never above 100).
 */
export function progressIncrement(reportedSoFar: number, percentage: number | undefined): { increment: number; total: number } {
  if (percentage === undefined || !Number.isFinite(percentage)) return { increment: 0, total: reportedSoFar };
  const target = Math.max(reportedSoFar, Math.min(100, percentage));
  return { increment: target - reportedSoFar, total: target };
}
