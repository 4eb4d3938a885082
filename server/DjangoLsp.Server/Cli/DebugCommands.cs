using System.CommandLine;
using DjangoLsp.Python.Syntax.Debug;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// <c>djangolsp debug ast|parse|template</c>: developer views of the Python and template parsers. Their output
/// formats are stable (tests compare <c>debug ast</c> with CPython's <c>ast</c>), so change them only on purpose.
/// </summary>
public static class DebugCommands
{
    public static Command Create(CliApp app)
    {
        var debug = new Command("debug", "Show what the parsers see (ast, parse, template).");
        debug.Add(PathsCommand(app, "ast", "Print each Python file's tree as JSON in the shape of Python 3.11's ast module (one object per line).",
            PythonDebugCommands.DebugAst));
        debug.Add(PathsCommand(app, "parse", "Parse every .py file under the paths and print one summary line (files, bytes, files with errors, ms).",
            PythonDebugCommands.DebugParse));
        debug.Add(PathsCommand(app, "template", "Print each template's outputs with their HTML/JS/CSS/URL context and escaping (one object per line).",
            TemplateDebugCommands.DebugTemplate));
        return debug;
    }

    private static Command PathsCommand(CliApp app, string name, string description, Func<IEnumerable<string>, TextWriter, int> run)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { paths };
        command.SetAction(parseResult => run(parseResult.GetValue(paths) ?? Array.Empty<string>(), app.Output));
        return command;
    }
}
