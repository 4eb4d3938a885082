// Owns the LanguageClient: resolves the server, starts/stops/restarts it, forwards settings and keeps
// the status bar's state in step with the client.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { toServerSettings, ServerSettings } from './config';
import { buildDocumentSelector } from './selectors';
import { hasNetCoreRuntime, REQUIRED_DOTNET_MAJOR, resolveServer, ServerResolution } from './serverPath';
import { StatusBar } from './statusBar';

export const CLIENT_ID = 'djangolsp';
export const SECTION = 'djangolsp';

export function readServerSettings(scope?: vscode.Uri, log?: vscode.OutputChannel): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const mapped = toServerSettings((key) => config.get(key));
  for (const problem of mapped.problems) log?.appendLine(`[settings] ${problem}`);
  return mapped.settings;
}

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  /** The last start/crash error; kept on the status bar until the server runs again. */
  private lastError: string | undefined;
  private readonly traceChannel: vscode.OutputChannel;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
    private readonly status: StatusBar,
  ) {
    this.traceChannel = vscode.window.createOutputChannel('DjangoLsp Trace');
  }

  get languageClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    if (this.starting) return this.starting;
    this.starting = this.doStart().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const settings = readServerSettings(undefined, this.output);
    if (!settings.enable) {
      this.status.setState({ kind: 'disabled' });
      this.output.appendLine('DjangoLsp is disabled (djangolsp.enable = false).');
      return;
    }
    this.status.setState({ kind: 'starting' });

    const resolution = this.resolve();
    if (!resolution.ok) {
      this.fail(resolution.message, resolution.url);
      return;
    }
    this.output.appendLine(`Starting ${resolution.description}: ${resolution.command} ${resolution.args.join(' ')}`);
    if (resolution.dll) {
      const runtimeProblem = await checkRuntime(resolution.command);
      if (runtimeProblem) {
        this.fail(runtimeProblem, 'https://dotnet.microsoft.com/download');
        return;
      }
    }

    const serverOptions: ServerOptions = {
      command: resolution.command,
      args: resolution.args,
      // No `transport`: with TransportKind.stdio the client would append a second "--stdio" to the args.
      options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every filter has a scheme, so the union's "at least one property" holds.
      documentSelector: buildDocumentSelector(settings.templateDirs) as LanguageClientOptions['documentSelector'],
      diagnosticCollectionName: 'djangolsp',
      outputChannel: this.output,
      traceOutputChannel: this.traceChannel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: { [SECTION]: settings },
      synchronize: {
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/*.py'),
          vscode.workspace.createFileSystemWatcher('**/{requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock}'),
          vscode.workspace.createFileSystemWatcher('**/templates/**'),
        ],
      },
      middleware: {
        workspace: {
          // Answer workspace/configuration for `djangolsp` with the normalised settings object, so the
          // server sees the same shape in initializationOptions, pull and push.
          configuration: async (params, token, next) => {
            const defaults = await next(params, token);
            if (!Array.isArray(defaults)) return defaults;
            return params.items.map((item, i) =>
              item.section === SECTION
                ? readServerSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
                : defaults[i]);
          },
        },
      },
    };

    const client = new LanguageClient(CLIENT_ID, 'DjangoLsp', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      if (e.newState === State.Running) {
        this.lastError = undefined;
        this.status.setState({ kind: 'ready' });
      } else if (e.newState === State.Starting) {
        this.status.setState({ kind: 'starting' });
      } else if (e.newState === State.Stopped) {
        this.status.setState(this.lastError ? { kind: 'error', message: this.lastError } : { kind: 'stopped' });
      }
    });
    try {
      await client.start();
      this.output.appendLine(`Server ready (${client.initializeResult?.serverInfo?.name ?? 'djangolsp'} ${client.initializeResult?.serverInfo?.version ?? ''}).`);
    } catch (e) {
      this.fail(`The DjangoLsp server failed to start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.lastError = undefined;
    if (!client) return;
    try {
      if (client.state !== State.Stopped) await client.stop(5000);
    } catch (e) {
      this.output.appendLine(`Stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting the DjangoLsp server…');
    await this.starting;
    await this.stop();
    await this.start();
  }

  /** Pushes the new settings to the running server (didChangeConfiguration). */
  async pushSettings(): Promise<void> {
    const client = this.languageClient;
    if (!client) return;
    await client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: readServerSettings(undefined, this.output) },
    });
  }

  private resolve(): ServerResolution {
    const config = vscode.workspace.getConfiguration(SECTION);
    const dotnetSetting = config.get<string>('server.dotnetPath')
      || vscode.workspace.getConfiguration('dotnet').get<string>('dotnetPath')
      || '';
    return resolveServer(
      {
        serverPath: config.get<string>('server.path') ?? '',
        serverArgs: (config.get<unknown[]>('server.args') ?? ['--stdio']).filter((a): a is string => typeof a === 'string'),
        dotnetPath: dotnetSetting,
      },
      {
        extensionPath: this.context.extensionPath,
        workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        platform: process.platform,
        env: process.env,
        homeDir: os.homedir(),
        isFile: (p) => {
          try { return fs.statSync(p).isFile(); } catch { return false; }
        },
      });
  }

  private fail(message: string, url?: string): void {
    this.lastError = message;
    this.status.setState({ kind: 'error', message });
    this.output.appendLine(`ERROR: ${message}${url ? ` (${url})` : ''}`);
    const actions = url ? ['Download .NET', 'Show Output'] : ['Show Output'];
    void vscode.window.showErrorMessage(`DjangoLsp: ${message}`, ...actions).then((choice) => {
      if (choice === 'Download .NET' && url) void vscode.env.openExternal(vscode.Uri.parse(url));
      else if (choice === 'Show Output') this.output.show(true);
    });
  }

  dispose(): void {
    void this.stop();
    this.traceChannel.dispose();
  }
}

/** Returns an error message when `dotnet` lacks the runtime the server targets; undefined when fine or unknown. */
function checkRuntime(dotnet: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    cp.execFile(dotnet, ['--list-runtimes'], { timeout: 10_000 }, (error, stdout) => {
      if (error) {
        // Could not ask (odd install, timeout): let the start attempt produce the real error.
        resolve(undefined);
        return;
      }
      resolve(hasNetCoreRuntime(stdout, REQUIRED_DOTNET_MAJOR)
        ? undefined
        : `${dotnet} has no .NET ${REQUIRED_DOTNET_MAJOR} runtime (Microsoft.NETCore.App ${REQUIRED_DOTNET_MAJOR}.x), which DjangoLsp needs.`);
    });
  });
}
