// The palette commands that talk to the server: scan workspace, explain rule, fix all in file.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import { parseRuleList, RuleInfo, ruleMarkdown, rulePickItems, RulePickItem } from './rules';
import { progressIncrement } from './status';
import { ServerController } from './serverController';
import { StatusBar } from './statusBar';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('djangolsp');
export const RULE_SCHEME = 'djangolsp-rule';

function requireClient(controller: ServerController): LanguageClient | undefined {
  const client = controller.languageClient;
  if (!client) {
    void vscode.window.showWarningMessage('DjangoLsp: the server is not running. Use "DjangoLsp: Show Output" to see why.');
  }
  return client;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

let scanCounter = 0;

export async function scanWorkspace(controller: ServerController, status: StatusBar): Promise<void> {
  const client = requireClient(controller);
  if (!client) return;
  const token = `djangolsp-scan-${process.pid}-${++scanCounter}`;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'DjangoLsp: scanning workspace', cancellable: true },
    async (progress, cancellation) => {
      let reported = 0;
      status.setState({ kind: 'scanning', percentage: 0 });
      const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        const step = progressIncrement(reported, value.percentage);
        reported = step.total;
        progress.report({ increment: step.increment, message: value.message });
        status.setState({ kind: 'scanning', percentage: reported, message: value.message });
      });
      try {
        const result: unknown = await client.sendRequest(
          ExecuteCommandRequest.type,
          { command: 'djangolsp.scanWorkspace', arguments: [], workDoneToken: token },
          cancellation,
        );
        controller.output.appendLine(`Workspace scan finished: ${JSON.stringify(result ?? null)}`);
        const summary = scanSummary(result);
        void vscode.window.showInformationMessage(`DjangoLsp: workspace scan finished${summary ? ` (${summary})` : ''}.`, 'Show Problems')
          .then((c) => { if (c) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
      } catch (e) {
        if (!cancellation.isCancellationRequested) {
          void vscode.window.showErrorMessage(`DjangoLsp: workspace scan failed: ${describeError(e)}`);
        }
      } finally {
        listener.dispose();
        status.setState(controller.languageClient ? { kind: 'ready' } : { kind: 'stopped' });
      }
    });
}

function scanSummary(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  const r = result as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof r.files === 'number') parts.push(`${r.files} files`);
  if (typeof r.findings === 'number') parts.push(`${r.findings} findings`);
  return parts.join(', ');
}

/** Virtual markdown documents for "Explain Rule", shown in the markdown preview. */
export class RuleDocuments implements vscode.TextDocumentContentProvider {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(ruleId: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${ruleId}.md` });
    this.pages.set(uri.path, markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.path) ?? `# ${uri.path}\n\nNo documentation loaded.`;
  }
}

export async function explainRule(controller: ServerController, docs: RuleDocuments, ruleIdArg?: unknown): Promise<void> {
  const client = requireClient(controller);
  if (!client) return;
  let rules: RuleInfo[] = [];
  try {
    rules = parseRuleList(await client.sendRequest(ExecuteCommandRequest.type, { command: 'djangolsp.listRules', arguments: [] }));
  } catch (e) {
    if (typeof ruleIdArg !== 'string') {
      void vscode.window.showErrorMessage(`DjangoLsp: could not list rules (djangolsp.listRules): ${describeError(e)}`);
      return;
    }
  }

  let ruleId = typeof ruleIdArg === 'string' ? ruleIdArg.trim().toUpperCase() : undefined;
  if (!ruleId) {
    if (rules.length === 0) {
      void vscode.window.showInformationMessage('DjangoLsp: the server reported no rules.');
      return;
    }
    const picked = await vscode.window.showQuickPick<RulePickItem & vscode.QuickPickItem>(rulePickItems(rules), {
      title: 'DjangoLsp: Explain Rule',
      placeHolder: 'Type a rule id (DJ101), name or category',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return;
    ruleId = picked.ruleId;
  }

  const rule = rules.find((r) => r.id === ruleId);
  let explained: unknown;
  if (!rule || rule.documentation.trim() === '') {
    try {
      explained = await client.sendRequest(ExecuteCommandRequest.type, { command: 'djangolsp.explainRule', arguments: [ruleId] });
    } catch (e) {
      controller.output.appendLine(`djangolsp.explainRule ${ruleId}: ${describeError(e)}`);
    }
  }
  const uri = docs.set(ruleId, ruleMarkdown(rule, ruleId, explained));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No markdown extension (disabled): show the source instead.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}

export async function fixAllInFile(controller: ServerController): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('DjangoLsp: open a file first.');
    return;
  }
  if (!requireClient(controller)) return;
  const doc = editor.document;
  const fullRange = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, fullRange, FIX_ALL_KIND.value, 10)) ?? [];
  const fixAll = actions.filter((a): a is vscode.CodeAction =>
    'kind' in a && a.kind !== undefined && FIX_ALL_KIND.contains(a.kind) && (a.edit !== undefined || a.command !== undefined));
  if (fixAll.length === 0) {
    void vscode.window.showInformationMessage('DjangoLsp: no automatic fixes for this file.');
    return;
  }
  // One fix-all action covers the whole file; applying more would apply stale edits.
  const action = fixAll[0];
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage('DjangoLsp: the fixes could not be applied (the file changed?).');
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  vscode.window.setStatusBarMessage(`DjangoLsp: ${action.title}`, 4000);
}
