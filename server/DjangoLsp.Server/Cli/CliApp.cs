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

    public CliApp(TextWriter output, TextWriter error, Func<AnalysisEngine>? engineFactory = null)
    {
        Output = output;
        Error = error;
        _engineFactory = engineFactory ?? BuiltInAnalyzers.CreateEngine;
    }

    public TextWriter Output { get; }
    public TextWriter Error { get; }

    public AnalysisEngine CreateEngine() => _engineFactory();

    /// <summary>When <c>Main</c> started (a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 when not run as the program), for <c>check --timings</c>.</summary>
    public static long MainStarted { get; set; }

    public static int Run(string[] args) => new CliApp(Console.Out, Console.Error).Invoke(args);

    public int Invoke(string[] args)
    {
        var root = BuildRootCommand();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var message = string.Join(" ", parseResult.Errors[0].Message.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
            Error.WriteLine("djangolsp: " + message + " (see djangolsp --help)");
            return ExitUsage;
        }
        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = Output, Error = Error, EnableDefaultExceptionHandler = false });
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

    private RootCommand BuildRootCommand()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Run the language server over standard input/output (the default)." };
        var root = new RootCommand("DjangoLsp: finds and fixes security problems in Django projects (language server and CLI).")
        {
            stdio,
        };
        root.SetAction(_ => ServerCommand.Run());
        root.Add(new CheckCommand(this).Create());
        root.Add(RulesCommands.CreateRules(this));
        root.Add(RulesCommands.CreateExplain(this));
        root.Add(RulesCommands.CreateDocs(this));
        root.Add(AdvisoriesCommands.Create(this));
        root.Add(DebugCommands.Create(this));
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
