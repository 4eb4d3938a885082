namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// Everything that is known about a rule before it fires: the catalog entry. One per rule, declared next to the
/// rule's code (Ruff's layout); `docs/rules/*.md`, `djangolsp rules`, `djangolsp explain`, hovers and SARIF
/// metadata are all generated from it so they cannot drift.
/// </summary>
/// <remarks>
/// The summary and documentation may be given as functions, built on first use: every engine creates every
/// descriptor, but a scan shows almost none of their text, and some text is costly to build (DJ600's summary
/// names the date of the embedded advisory snapshot, which takes decompressing it and a JSON reader, ~20 ms of
/// start-up). Equality compares the text like the other members (the functions are run then).
/// </remarks>
public sealed record RuleDescriptor
{
    private readonly RuleText _summary;
    private readonly RuleText _documentation;

    /// <param name="Id">Stable id, e.g. <c>DJ101</c>; never reused.</param>
    /// <param name="Name">Kebab-case name, e.g. <c>sql-built-from-strings</c>.</param>
    /// <param name="DefaultSeverity">Severity unless the configuration changes it.</param>
    /// <param name="Category">One of <see cref="RuleCategory.All"/>.</param>
    /// <param name="Owasp2021">OWASP Top 10 2021 items, e.g. <c>A03:2021</c>.</param>
    /// <param name="Owasp2025">OWASP Top 10 2025 items, e.g. <c>A05:2025</c>.</param>
    /// <param name="Cwe">CWE numbers, e.g. 89.</param>
    /// <param name="Summary">One line: what it detects.</param>
    /// <param name="Documentation">Markdown: what it does, why it is bad, example, fix, references.</param>
    /// <param name="DjangoDocsUrl">Link to the relevant page of Django's documentation, if any.</param>
    public RuleDescriptor(string Id, string Name, Severity DefaultSeverity, string Category, IReadOnlyList<string> Owasp2021,
        IReadOnlyList<string> Owasp2025, IReadOnlyList<int> Cwe, string Summary, string Documentation, string? DjangoDocsUrl = null)
        : this(Id, Name, DefaultSeverity, Category, Owasp2021, Owasp2025, Cwe, new RuleText(Summary), new RuleText(Documentation), DjangoDocsUrl)
    {
    }

    /// <summary>A rule whose summary and documentation are built when first read (see the remarks).</summary>
    public RuleDescriptor(string Id, string Name, Severity DefaultSeverity, string Category, IReadOnlyList<string> Owasp2021,
        IReadOnlyList<string> Owasp2025, IReadOnlyList<int> Cwe, Func<string> Summary, Func<string> Documentation, string? DjangoDocsUrl = null)
        : this(Id, Name, DefaultSeverity, Category, Owasp2021, Owasp2025, Cwe, new RuleText(Summary), new RuleText(Documentation), DjangoDocsUrl)
    {
    }

    private RuleDescriptor(string id, string name, Severity defaultSeverity, string category, IReadOnlyList<string> owasp2021,
        IReadOnlyList<string> owasp2025, IReadOnlyList<int> cwe, RuleText summary, RuleText documentation, string? djangoDocsUrl)
    {
        this.Id = id;
        this.Name = name;
        this.DefaultSeverity = defaultSeverity;
        this.Category = category;
        this.Owasp2021 = owasp2021;
        this.Owasp2025 = owasp2025;
        this.Cwe = cwe;
        _summary = summary;
        _documentation = documentation;
        this.DjangoDocsUrl = djangoDocsUrl;
    }

    /// <summary>Stable id, e.g. <c>DJ101</c>; never reused.</summary>
    public string Id { get; }

    /// <summary>Kebab-case name, e.g. <c>sql-built-from-strings</c>.</summary>
    public string Name { get; }

    public Severity DefaultSeverity { get; }

    public string Category { get; }

    /// <summary>OWASP Top 10 2021 items, e.g. <c>A03:2021</c>.</summary>
    public IReadOnlyList<string> Owasp2021 { get; }

    /// <summary>OWASP Top 10 2025 items, e.g. <c>A05:2025</c>.</summary>
    public IReadOnlyList<string> Owasp2025 { get; }

    /// <summary>CWE numbers, e.g. 89.</summary>
    public IReadOnlyList<int> Cwe { get; }

    /// <summary>One line: what it detects.</summary>
    public string Summary => _summary.Value;

    /// <summary>Markdown: what it does, why it is bad, example, fix, references.</summary>
    public string Documentation => _documentation.Value;

    /// <summary>Link to the relevant page of Django's documentation, if any.</summary>
    public string? DjangoDocsUrl { get; }

    /// <summary>Where the rule's generated page lives (relative to the repository's docs folder).</summary>
    public string DocsPath => $"rules/{Id}.md";

    // Member-wise like a positional record (the lists by reference, as the synthesized equality did), with the text by value.
    public bool Equals(RuleDescriptor? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Id == other.Id && Name == other.Name && DefaultSeverity == other.DefaultSeverity && Category == other.Category
                && Equals(Owasp2021, other.Owasp2021) && Equals(Owasp2025, other.Owasp2025) && Equals(Cwe, other.Cwe)
                && Summary == other.Summary && Documentation == other.Documentation && DjangoDocsUrl == other.DjangoDocsUrl));

    public override int GetHashCode() => HashCode.Combine(Id, Name, DefaultSeverity, Category);

    /// <summary>Text given as is, or built by a function on first read (a race may build it twice, with the same result).</summary>
    private sealed class RuleText
    {
        private readonly Func<string>? _build;
        private string? _value;

        public RuleText(string value) => _value = value;

        public RuleText(Func<string> build) => _build = build;

        public string Value => _value ??= _build!();
    }
}
