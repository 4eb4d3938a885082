namespace DjangoLsp.Server.Cli;

/// <summary>What <c>djangolsp check</c> was asked to do, as its command-line options give it.</summary>
/// <param name="Select">Values of every <c>--select</c> (null: not given).</param>
/// <param name="Ignore">Values of every <c>--ignore</c> (null: not given).</param>
/// <param name="Exclude">Values of every <c>--exclude</c> (empty: not given).</param>
public sealed record CheckArguments(
    IReadOnlyList<string> Paths,
    string Format,
    string[]? Select,
    string[]? Ignore,
    string? MinSeverity,
    string? Output,
    string[] Exclude,
    bool NoConfig,
    bool IncludeMigrations,
    bool Timings,
    bool Cache,
    bool NoCache,
    string? CacheDirectory)
{
    /// <summary>
    /// Reads a <c>check</c> command line (<paramref name="args"/>[0] is "check") without System.CommandLine when it
    /// only holds the plain forms: known options spelled out (<c>--format json</c>, <c>--no-config</c>), each
    /// single-valued one at most once, and paths that cannot be taken for anything else. Building the parser's
    /// command tree and its generic option types took ~60 ms of start-up, most of it before the scan could begin.
    /// Anything else (help, a typo, <c>--format=json</c>, a response file, a flag followed by true/false, a missing
    /// value) returns null, and the full parser handles it with its own messages and exit codes. Null also when the
    /// first argument is not <c>check</c>.
    /// </summary>
    public static CheckArguments? TryParsePlain(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "check") return null;
        var paths = new List<string>();
        List<string>? select = null, ignore = null, exclude = null;
        string? format = null, minSeverity = null, output = null, cacheDirectory = null;
        bool noConfig = false, includeMigrations = false, timings = false, cache = false, noCache = false;
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            // Empty tokens, "--", response files (@file) and anything option-like the switch below does not know.
            if (token.Length == 0 || token[0] == '@') return null;
            if (token[0] != '-')
            {
                paths.Add(token);
                continue;
            }
            switch (token)
            {
                case "--no-config": if (!SetFlag(ref noConfig, args, i)) return null; break;
                case "--include-migrations": if (!SetFlag(ref includeMigrations, args, i)) return null; break;
                case "--timings": if (!SetFlag(ref timings, args, i)) return null; break;
                case "--cache": if (!SetFlag(ref cache, args, i)) return null; break;
                case "--no-cache": if (!SetFlag(ref noCache, args, i)) return null; break;
                case "--format":
                    if (!SetValue(ref format, args, ref i)) return null;
                    if (format is not ("text" or "json" or "sarif")) return null;
                    break;
                case "--min-severity": if (!SetValue(ref minSeverity, args, ref i)) return null; break;
                case "--output": if (!SetValue(ref output, args, ref i)) return null; break;
                case "--cache-dir": if (!SetValue(ref cacheDirectory, args, ref i)) return null; break;
                case "--select": if (!AddValue(ref select, args, ref i)) return null; break;
                case "--ignore": if (!AddValue(ref ignore, args, ref i)) return null; break;
                case "--exclude": if (!AddValue(ref exclude, args, ref i)) return null; break;
                default: return null;
            }
        }
        if (paths.Count == 0) return null;
        return new CheckArguments(paths, format ?? "text", select?.ToArray(), ignore?.ToArray(), minSeverity, output,
            exclude?.ToArray() ?? Array.Empty<string>(), noConfig, includeMigrations, timings, cache, noCache, cacheDirectory);
    }

    // A flag given once and not followed by a value the parser would bind to it (`--cache false`).
    private static bool SetFlag(ref bool flag, IReadOnlyList<string> args, int i)
    {
        if (flag) return false;
        flag = true;
        return i + 1 >= args.Count || !bool.TryParse(args[i + 1], out _);
    }

    // A single-valued option given once, with a value that is plainly a value.
    private static bool SetValue(ref string? value, IReadOnlyList<string> args, ref int i)
    {
        if (value != null || !IsPlainValue(args, i + 1)) return false;
        value = args[++i];
        return true;
    }

    private static bool AddValue(ref List<string>? values, IReadOnlyList<string> args, ref int i)
    {
        if (!IsPlainValue(args, i + 1)) return false;
        (values ??= new List<string>()).Add(args[++i]);
        return true;
    }

    private static bool IsPlainValue(IReadOnlyList<string> args, int i) =>
        i < args.Count && args[i].Length > 0 && args[i][0] is not ('-' or '@');
}
