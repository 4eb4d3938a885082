using System.Diagnostics;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>Runs the real built <c>djangolsp</c> (djangolsp.dll copied beside the tests) as a child process.</summary>
public static class Djangolsp
{
    public static string DllPath
    {
        get
        {
            var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "djangolsp.dll");
            Assert.That(File.Exists(path), Is.True, $"djangolsp.dll not found beside the tests ({path})");
            return path;
        }
    }

    public static Process Start(string arguments = "", string? workingDirectory = null)
    {
        var info = StartInfo(SplitArguments(arguments), workingDirectory);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info)!;
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a CLI command to completion (stdin closed) and captures its output.</summary>
    public static Result Run(string[] arguments, string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(arguments, workingDirectory))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            Assert.Fail("djangolsp did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary><c>dotnet djangolsp.dll ARGS</c> with every standard stream redirected.</summary>
    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static IEnumerable<string> SplitArguments(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
