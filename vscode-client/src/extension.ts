// DjangoLsp for VS Code: starts the djangolsp language server and adds commands, a status bar item and
// django-html highlighting.
import * as vscode from 'vscode';
import { RESTART_KEYS } from './config';
import { explainRule, fixAllInFile, RULE_SCHEME, RuleDocuments, scanWorkspace } from './commands';
import { registerDjangoHtmlDetection } from './djangoHtml';
import { SECTION, ServerController } from './serverController';
import { StatusBar } from './statusBar';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('DjangoLsp');
  const status = new StatusBar('djangolsp.client.showOutput');
  controller = new ServerController(context, output, status);
  const ctl = controller;
  const ruleDocs = new RuleDocuments();

  context.subscriptions.push(
    output,
    status,
    ctl,
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, ruleDocs),
    vscode.commands.registerCommand('djangolsp.client.scanWorkspace', () => scanWorkspace(ctl, status)),
    vscode.commands.registerCommand('djangolsp.client.restartServer', () => ctl.restart()),
    vscode.commands.registerCommand('djangolsp.client.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('djangolsp.client.explainRule', (ruleId?: unknown) => explainRule(ctl, ruleDocs, ruleId)),
    vscode.commands.registerCommand('djangolsp.client.fixAll', () => fixAllInFile(ctl)),
    registerDjangoHtmlDetection(output),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (RESTART_KEYS.some((key) => e.affectsConfiguration(key))) await ctl.restart();
      else await ctl.pushSettings();
    }),
  );

  await ctl.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
