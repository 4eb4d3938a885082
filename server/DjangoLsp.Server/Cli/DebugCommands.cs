using System.CommandLine;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// The place for <c>djangolsp debug ast|parse|template</c>: developer views of the Python and template parsers
/// (e.g. an <c>ast</c>-shaped JSON dump). The subcommands are added here when the parser libraries are wired;
/// until then the command has none and is not registered, so nothing pretends to work.
/// </summary>
public static class DebugCommands
{
    public static Command Create() => new("debug", "Show what the parsers see (ast, parse, template).");
}
