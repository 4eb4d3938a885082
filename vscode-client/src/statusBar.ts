// The status bar item: server state plus the number of DjangoLsp findings in the Problems panel.
import * as vscode from 'vscode';
import { countFindings, FindingCounts, formatStatus, ServerState } from './status';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private counts: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  private current: ServerState = { kind: 'starting' };
  private recountTimer: NodeJS.Timeout | undefined;

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('djangolsp.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'DjangoLsp';
    this.item.command = showOutputCommand;
    this.disposables.push(vscode.languages.onDidChangeDiagnostics(() => this.scheduleRecount()));
    this.recount();
    this.render();
    this.item.show();
  }

  get state(): ServerState {
    return this.current;
  }

  setState(state: ServerState): void {
    this.current = state;
    this.render();
  }

  private scheduleRecount(): void {
    // Diagnostics arrive file by file during a workspace scan; count at most every 200 ms.
    if (this.recountTimer) return;
    this.recountTimer = setTimeout(() => {
      this.recountTimer = undefined;
      this.recount();
      this.render();
    }, 200);
  }

  private recount(): void {
    this.counts = countFindings(
      (function* () {
        for (const [, diagnostics] of vscode.languages.getDiagnostics()) yield* diagnostics;
      })(),
    );
  }

  private render(): void {
    const view = formatStatus(this.current, this.counts);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.tone === 'normal'
      ? undefined
      : new vscode.ThemeColor(view.tone === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
  }

  dispose(): void {
    if (this.recountTimer) clearTimeout(this.recountTimer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
