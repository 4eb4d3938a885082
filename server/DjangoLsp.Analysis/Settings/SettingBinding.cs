using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// The current value of one module-level name and the statement that last set or changed it (file + spans), so a
/// finding about the value lands on that line, possibly in a star-imported base module.
/// </summary>
/// <param name="Name">The module-level name, e.g. <c>DEBUG</c>.</param>
/// <param name="Value">The evaluated value (<see cref="PyValue.Unknown"/> when it cannot be known statically).</param>
/// <param name="Path">The file of the statement that last set it.</param>
/// <param name="StatementSpan">The whole statement (assignment, <c>+=</c>, <c>.append(...)</c>).</param>
/// <param name="TargetSpan">The name being assigned.</param>
/// <param name="ValueSpan">The assigned expression (for <c>+=</c>/<c>.append</c>, the argument).</param>
/// <param name="IsPlainAssignment">True for <c>NAME = value</c> (a fix may replace the value).</param>
public sealed record SettingBinding(
    string Name,
    PyValue Value,
    string Path,
    TextSpan StatementSpan,
    TextSpan TargetSpan,
    TextSpan ValueSpan,
    bool IsPlainAssignment);

/// <summary>The module-level names of a settings module after evaluating it with its star-import chain.</summary>
public sealed class EvaluatedSettings
{
    public EvaluatedSettings(string path, IReadOnlyDictionary<string, SettingBinding> bindings, IReadOnlyList<string> files,
        bool hasUnresolvedImports, TextSpan anchorSpan)
    {
        Path = path;
        Bindings = bindings;
        Files = files;
        HasUnresolvedImports = hasUnresolvedImports;
        AnchorSpan = anchorSpan;
    }

    /// <summary>The settings module that was evaluated.</summary>
    public string Path { get; }

    /// <summary>Every module-level name bound at the end of the module (including names from star imports).</summary>
    public IReadOnlyDictionary<string, SettingBinding> Bindings { get; }

    /// <summary>The module and every file it (transitively) imported settings from, in evaluation order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// True when a star import could not be resolved or ran under an unknown condition: any setting might have
    /// been set there, so checks for a missing setting stay quiet.
    /// </summary>
    public bool HasUnresolvedImports { get; }

    /// <summary>Where findings about settings that are not set at all are reported in <see cref="Path"/>.</summary>
    public TextSpan AnchorSpan { get; }

    public SettingBinding? Get(string name) => Bindings.TryGetValue(name, out var b) ? b : null;

    /// <summary>The value of a setting, or <paramref name="djangoDefault"/> when the modules do not set it.</summary>
    public PyValue ValueOr(string name, PyValue djangoDefault) => Get(name)?.Value ?? djangoDefault;

    public bool IsSet(string name) => Bindings.ContainsKey(name);
}
