using DjangoLsp.Analysis;

namespace DjangoLsp.Server.Cli;

/// <summary>Runs the language server on stdin/stdout with the built-in analyzers.</summary>
public static class ServerCommand
{
    public static int Run()
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        // stdout carries the protocol: anything else printed there would corrupt it, so Console.Out goes to stderr.
        Console.SetOut(Console.Error);
        var server = new LanguageServer(input, output, BuiltInAnalyzers.CreateEngine());
        return server.RunAsync().GetAwaiter().GetResult();
    }
}
