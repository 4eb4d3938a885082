using System.CommandLine;
using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// The <c>djangolsp</c> command line. No arguments (or <c>--stdio</c>) runs the language server; subcommands
/// scan (<c>check</c>), list and explain rules, and generate the rule docs. Exit codes: 0 clean, 1 findings,
/// 2 usage or I/O error (one line on stderr).
/// </summary>
public sealed class CliApp
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    private readonly Func<AnalysisEngine> _engineFactory;
    private EarlyEngine? _earlyEngine;

    public CliApp(TextWriter output, TextWriter error, Func<AnalysisEngine>? engineFactory = null)
    {
        Output = output;
        Error = error;
        _engineFactory = engineFactory ?? BuiltInAnalyzers.CreateEngine;
    }

    private CliApp(TextWriter output, TextWriter error, EarlyEngine? earlyEngine) : this(output, error) => _earlyEngine = earlyEngine;

    public TextWriter Output { get; }
    public TextWriter Error { get; }

    public AnalysisEngine CreateEngine() => _engineFactory();

    /// <summary>The built-in engine started when <c>Main</c> began (taken once: a second request builds a new one), or null.</summary>
    public EarlyEngine? TakeEarlyEngine() => Interlocked.Exchange(ref _earlyEngine, null);

    /// <summary>When <c>Main</c> started (a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 when not run as the program), for <c>check --timings</c>.</summary>
    public static long MainStarted { get; set; }

    public static int Run(string[] args)
    {
        var earlyEngine = EarlyEngine.StartFor(args);
        return new CliApp(Console.Out, Console.Error, earlyEngine).Invoke(args);
    }

    public int Invoke(string[] args)
    {
        // `check` with plain arguments (what CI and scripts run) is read directly: setting up System.CommandLine for
        // it was most of the time between Main and the scan. Everything else, including every error, goes through it.
        if (CheckArguments.TryParsePlain(args) is { } check)
            return RunGuarded(() => new CheckCommand(this).Execute(check));
        var root = BuildRootCommand(args);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var message = string.Join(" ", parseResult.Errors[0].Message.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
            Error.WriteLine("djangolsp: " + message + " (see djangolsp --help)");
            return ExitUsage;
        }
        return RunGuarded(() => parseResult.Invoke(new InvocationConfiguration { Output = Output, Error = Error, EnableDefaultExceptionHandler = false }));
    }

    private int RunGuarded(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (CliUsageException e)
        {
            Error.WriteLine("djangolsp: " + e.Message);
            return ExitUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine("djangolsp: " + e.Message);
            return ExitUsage;
        }
    }

    // Each subcommand by name. Building one means creating its options and loading System.CommandLine's generic
    // types for them, which ran before every command (tens of ms at start-up, much of it JIT-compiling generic code
    // over value types that the precompiled image lacks); the invoked command alone is enough to parse and run it.
    private static readonly (string Name, Func<CliApp, Command> Create)[] Subcommands =
    {
        ("check", app => new CheckCommand(app).Create()),
        ("rules", RulesCommands.CreateRules),
        ("explain", RulesCommands.CreateExplain),
        ("docs", RulesCommands.CreateDocs),
        ("advisories", AdvisoriesCommands.Create),
        ("debug", DebugCommands.Create),
    };

    private RootCommand BuildRootCommand(string[] args)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Run the language server over standard input/output (the default)." };
        var root = new RootCommand("DjangoLsp: finds and fixes security problems in Django projects (language server and CLI).")
        {
            stdio,
        };
        root.SetAction(_ => ServerCommand.Run());
        // A first argument naming a subcommand: the root's own options and the other subcommands cannot apply (the
        // rest of the line is that command's), so only it is built. Anything else (no arguments, --help, a typo)
        // gets the whole tree, for the root's help and error messages.
        if (args.Length > 0)
        {
            // A plain loop: Array.FindIndex over this array of tuples is generic code the precompiled image lacks.
            foreach (var (name, create) in Subcommands)
            {
                if (name != args[0]) continue;
                root.Add(create(this));
                return root;
            }
        }
        foreach (var (_, create) in Subcommands) root.Add(create(this));
        return root;
    }
}

/// <summary>A usage problem found while running a command (bad path, bad value): exit code 2, one line on stderr.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message)
    {
    }
}
