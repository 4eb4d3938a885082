// Switches Django templates opened as `html` to the `django-html` language (for highlighting), unless the
// user's files.associations or another Django extension already decide it. Never writes settings.
import * as vscode from 'vscode';
import { OTHER_DJANGO_EXTENSIONS, shouldSwitchToDjangoHtml } from './templates';

export function otherDjangoExtension(): string | undefined {
  return OTHER_DJANGO_EXTENSIONS.find((id) => vscode.extensions.getExtension(id) !== undefined);
}

export function registerDjangoHtmlDetection(output: vscode.OutputChannel): vscode.Disposable {
  const other = otherDjangoExtension();
  if (other) {
    output.appendLine(`${other} is installed: leaving django-html file associations to it.`);
    return new vscode.Disposable(() => undefined);
  }
  const consider = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'html' || doc.uri.scheme !== 'file') return;
    const config = vscode.workspace.getConfiguration('djangolsp', doc.uri);
    const switchIt = shouldSwitchToDjangoHtml({
      languageId: doc.languageId,
      scheme: doc.uri.scheme,
      path: doc.uri.fsPath,
      text: doc.getText(),
      templateDirs: config.get<string[]>('templateDirs') ?? [],
      associations: vscode.workspace.getConfiguration('files', doc.uri).get<Record<string, unknown>>('associations'),
      otherDjangoExtension: false,
      enabled: config.get<boolean>('templates.detectLanguage') ?? true,
    });
    if (switchIt) void vscode.languages.setTextDocumentLanguage(doc, 'django-html');
  };
  vscode.workspace.textDocuments.forEach(consider);
  return vscode.workspace.onDidOpenTextDocument(consider);
}
