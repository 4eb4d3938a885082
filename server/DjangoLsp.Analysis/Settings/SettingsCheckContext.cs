using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// What a settings rule sees: the evaluated settings of one deployed module, Django's defaults for settings that
/// are not set, and helpers to place problems and build fixes.
/// </summary>
public sealed class SettingsCheckContext
{
    public const string SecurityMiddleware = "django.middleware.security.SecurityMiddleware";
    public const string CsrfMiddleware = "django.middleware.csrf.CsrfViewMiddleware";
    public const string XFrameMiddleware = "django.middleware.clickjacking.XFrameOptionsMiddleware";
    public const string SessionMiddleware = "django.contrib.sessions.middleware.SessionMiddleware";

    /// <summary>Django's defaults (3.2 and later) for the settings the rules read.</summary>
    private static readonly Dictionary<string, PyValue> Defaults = new(StringComparer.Ordinal)
    {
        ["DEBUG"] = PyValue.Bool(false),
        ["ALLOWED_HOSTS"] = PyValue.Sequence(PyValueKind.List, Array.Empty<PyValue>()),
        ["SECRET_KEY"] = PyValue.Str(""),
        ["MIDDLEWARE"] = PyValue.Sequence(PyValueKind.List, Array.Empty<PyValue>()),
        ["INSTALLED_APPS"] = PyValue.Sequence(PyValueKind.List, Array.Empty<PyValue>()),
        ["SECURE_HSTS_SECONDS"] = PyValue.Int(0),
        ["SECURE_HSTS_INCLUDE_SUBDOMAINS"] = PyValue.Bool(false),
        ["SECURE_HSTS_PRELOAD"] = PyValue.Bool(false),
        ["SECURE_CONTENT_TYPE_NOSNIFF"] = PyValue.Bool(true),
        ["SECURE_SSL_REDIRECT"] = PyValue.Bool(false),
        ["SECURE_REFERRER_POLICY"] = PyValue.Str("same-origin"),
        ["SECURE_CROSS_ORIGIN_OPENER_POLICY"] = PyValue.Str("same-origin"),
        ["SESSION_COOKIE_SECURE"] = PyValue.Bool(false),
        ["SESSION_COOKIE_HTTPONLY"] = PyValue.Bool(true),
        ["CSRF_COOKIE_SECURE"] = PyValue.Bool(false),
        ["CSRF_USE_SESSIONS"] = PyValue.Bool(false),
        ["X_FRAME_OPTIONS"] = PyValue.Str("DENY"),
        ["AUTH_PASSWORD_VALIDATORS"] = PyValue.Sequence(PyValueKind.List, Array.Empty<PyValue>()),
        ["DATA_UPLOAD_MAX_MEMORY_SIZE"] = PyValue.Int(2621440),
        ["DATA_UPLOAD_MAX_NUMBER_FIELDS"] = PyValue.Int(1000),
        ["DATA_UPLOAD_MAX_NUMBER_FILES"] = PyValue.Int(100),
        ["SESSION_SERIALIZER"] = PyValue.Str("django.contrib.sessions.serializers.JSONSerializer"),
        ["SECRET_KEY_FALLBACKS"] = PyValue.Sequence(PyValueKind.List, Array.Empty<PyValue>()),
        ["CSRF_FAILURE_VIEW"] = PyValue.Str("django.views.csrf.csrf_failure"),
    };

    private readonly Func<string, AnalysisDocument?> _documents;

    public SettingsCheckContext(EvaluatedSettings settings, Func<string, AnalysisDocument?> documents, string? workspaceRoot = null)
    {
        Settings = settings;
        _documents = documents;
        WorkspaceRoot = workspaceRoot;
    }

    public EvaluatedSettings Settings { get; }

    /// <summary>The workspace root (for resolving dotted paths such as CSRF_FAILURE_VIEW); null when unknown.</summary>
    public string? WorkspaceRoot { get; }

    /// <summary>The setting's value, Django's default when no module sets it, or unknown when an unresolved import might have.</summary>
    public PyValue Value(string name)
    {
        if (Settings.Get(name) is { } binding) return binding.Value;
        if (Settings.HasUnresolvedImports) return PyValue.Unknown;
        return Defaults.TryGetValue(name, out var d) ? d : PyValue.Unknown;
    }

    public SettingBinding? Binding(string name) => Settings.Get(name);

    /// <summary>Whether MIDDLEWARE contains <paramref name="middleware"/>; null when that cannot be known.</summary>
    public bool? HasMiddleware(string middleware) => SequenceContains("MIDDLEWARE", middleware);

    public bool? HasApp(string app) => SequenceContains("INSTALLED_APPS", app);

    private bool? SequenceContains(string setting, string item)
    {
        var value = Value(setting).Effective;
        if (!value.IsSequence) return null;
        var unknown = false;
        foreach (var element in value.Items)
        {
            var e = element.Effective;
            if (e.Kind == PyValueKind.Str) { if (e.StrValue == item) return true; }
            else unknown = true;
        }
        return unknown ? null : false;
    }

    /// <summary>A problem on the statement that set <paramref name="name"/>, or at the module's anchor when it is not set.</summary>
    public SettingsProblem At(string name, RuleDescriptor rule, string? djangoId, string message, IReadOnlyList<CodeFix>? fixes = null)
    {
        var binding = Binding(name);
        if (binding == null) return new SettingsProblem(rule, djangoId, message, Settings.Path, Settings.AnchorSpan, fixes ?? Array.Empty<CodeFix>(), IsAboutMissingSetting: true);
        return new SettingsProblem(rule, djangoId, message, binding.Path, FirstLine(binding), fixes ?? Array.Empty<CodeFix>());
    }

    /// <summary>A problem on one value (e.g. a list element) in the file that wrote it.</summary>
    public SettingsProblem AtValue(PyValue value, string fallbackSetting, RuleDescriptor rule, string? djangoId, string message,
        IReadOnlyList<CodeFix>? fixes = null)
    {
        if (value.Path == null || value.Span.IsEmpty) return At(fallbackSetting, rule, djangoId, message, fixes);
        return new SettingsProblem(rule, djangoId, message, value.Path, value.Span, fixes ?? Array.Empty<CodeFix>());
    }

    /// <summary>The statement's first line: multi-line lists get one squiggle on the line that names the setting.</summary>
    private TextSpan FirstLine(SettingBinding binding)
    {
        var text = Document(binding.Path)?.Text;
        if (text == null || binding.StatementSpan.End > text.Length) return binding.TargetSpan;
        var line = text.Lines.GetLineFromPosition(binding.StatementSpan.Start);
        return TextSpan.FromBounds(binding.StatementSpan.Start, Math.Min(binding.StatementSpan.End, line.End));
    }

    public AnalysisDocument? Document(string path) => _documents(path);

    /// <summary>
    /// Fix that makes <paramref name="name"/> equal to <paramref name="pythonValue"/>: replaces the value of a plain
    /// assignment, or adds the assignment at the end of the evaluated module when nothing sets it.
    /// </summary>
    public IReadOnlyList<CodeFix> SetValueFix(string name, string pythonValue, bool safeForFixAll = true)
    {
        var binding = Binding(name);
        if (binding == null)
        {
            var document = Document(Settings.Path);
            if (document == null) return Array.Empty<CodeFix>();
            var text = document.Text.ToString();
            var prefix = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
            var edit = new DocumentEdit(Settings.Path, new TextChange(new TextSpan(text.Length, 0), $"{prefix}{name} = {pythonValue}\n"));
            return new[] { new CodeFix($"Add {name} = {pythonValue}", new[] { edit }, safeForFixAll) };
        }
        // A value read from the environment is left alone: the fix belongs in the deployment's environment.
        if (!binding.IsPlainAssignment || binding.Value.Kind is PyValueKind.Environment or PyValueKind.Unknown) return Array.Empty<CodeFix>();
        return new[]
        {
            new CodeFix($"Set {name} = {pythonValue}",
                new[] { new DocumentEdit(binding.Path, new TextChange(binding.ValueSpan, pythonValue)) }, safeForFixAll),
        };
    }

    /// <summary>
    /// Fix that inserts <paramref name="item"/> into the MIDDLEWARE list literal, on its own line next to
    /// <paramref name="anchor"/> (before or after it), keeping the list's indentation and quotes.
    /// </summary>
    public IReadOnlyList<CodeFix> InsertMiddlewareFix(string item, Func<IReadOnlyList<string?>, (int Index, bool After)?> choose)
    {
        var binding = Binding("MIDDLEWARE");
        var list = binding?.Value.Effective;
        if (binding == null || list == null || !list.IsSequence || list.Items.Count == 0) return Array.Empty<CodeFix>();
        var names = list.Items.Select(i => i.Effective.Kind == PyValueKind.Str ? i.Effective.StrValue : null).ToList();
        if (choose(names) is not { } place) return Array.Empty<CodeFix>();
        var anchor = list.Items[place.Index];
        if (anchor.Path == null || anchor.Kind != PyValueKind.Str) return Array.Empty<CodeFix>();
        var document = Document(anchor.Path);
        if (document == null || anchor.Span.End > document.Text.Length) return Array.Empty<CodeFix>();
        var text = document.Text;
        var anchorText = text.ToString(anchor.Span);
        var quote = anchorText.Length > 0 && anchorText[0] is '\'' or '"' ? anchorText[0] : '"';
        var literal = $"{quote}{item}{quote}";
        var line = text.Lines.GetLineFromPosition(anchor.Span.Start);
        var lineText = text.ToString(line.Span);
        var indent = lineText[..(lineText.Length - lineText.TrimStart().Length)];
        var sameLineAsOthers = list.Items.Count > 1 && list.Items.Select(i => text.Lines.GetLineFromPosition(Math.Min(i.Span.Start, text.Length)).LineNumber).Distinct().Count() == 1;
        TextChange change;
        if (!place.After)
        {
            change = sameLineAsOthers
                ? new TextChange(new TextSpan(anchor.Span.Start, 0), literal + ", ")
                : new TextChange(new TextSpan(anchor.Span.Start, 0), literal + ",\n" + indent);
        }
        else
        {
            // After the anchor's comma when it has one; otherwise add the comma.
            var pos = anchor.Span.End;
            while (pos < text.Length && text[pos] is ' ' or '\t') pos++;
            var hasComma = pos < text.Length && text[pos] == ',';
            change = hasComma
                ? new TextChange(new TextSpan(pos + 1, 0), sameLineAsOthers ? " " + literal + "," : "\n" + indent + literal + ",")
                : new TextChange(new TextSpan(anchor.Span.End, 0), sameLineAsOthers ? ", " + literal : ",\n" + indent + literal + ",");
        }
        var title = $"Add '{item.Split('.').Last()}' to MIDDLEWARE";
        return new[] { new CodeFix(title, new[] { new DocumentEdit(anchor.Path, change) }) };
    }
}
