using DjangoLsp.Analysis.Dependencies;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Dependencies.VulnerableApis;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Dependencies;

/// <summary>
/// A pinned vulnerable Django whose vulnerable API the code calls: DJ604 at the call (related: the pin) and the pin's
/// DJ600 raised to an error listing the call. Fixed pins and unused APIs stay as they were.
/// </summary>
public class VulnerableApiTests
{
    private string _root = null!;

    private const string ValuesView =
        "from shop.models import Order\n\ndef report(request):\n    fields = request.GET.getlist(\"fields\")\n" +
        "    rows = Order.objects.values(*fields)\n    return rows\n";

    [SetUp]
    public void Create() => _root = Directory.CreateTempSubdirectory("djangolsp-vulnerable-api").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private AnalysisContext Context => new(AnalysisOptions.Default, DiskFiles.Instance, _root);

    private List<Finding> Calls(string relative) =>
        new VulnerableApiAnalyzer(AdvisoryStore.Embedded).Analyze(DiskFiles.Instance.TryGetDocument(Path.Combine(_root, relative))!, Context, CancellationToken.None).ToList();

    private Finding? Pin() =>
        new DependencyAnalyzer(AdvisoryStore.Embedded).Analyze(DiskFiles.Instance.TryGetDocument(Path.Combine(_root, "requirements.txt"))!, Context, CancellationToken.None)
            .SingleOrDefault(f => f.Rule.Id == "DJ600");

    [Test]
    public void Values_with_star_args_on_an_affected_pin_is_reported_at_the_call_with_the_pin_related()
    {
        var requirements = Write("requirements.txt", "Django==4.2.14\n");
        var view = Write("shop/views.py", ValuesView);
        var finding = Calls("shop/views.py").Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("DJ604"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Error), "the field names come from request.GET");
        Assert.That(finding.Message, Does.Contain("passes request data"));
        Assert.That(ValuesView.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("Order.objects.values(*fields)"));
        Assert.That(finding.Message, Does.Contain("CVE-2024-42005").And.Contain("PYSEC-2024-70").And.Contain("4.2.15"));
        var related = finding.Related.Single();
        Assert.That(related.Path, Is.EqualTo(requirements));
        Assert.That(related.Span, Is.EqualTo(new TextSpan(0, "Django==4.2.14".Length)));

        var pin = Pin()!;
        Assert.That(pin.Severity, Is.EqualTo(Severity.Error));
        Assert.That(pin.Message, Does.Contain("The code uses the affected API (1 call)").And.Contain("Order.objects.values(*fields) in views.py"));
        Assert.That(pin.Related.Single().Path, Is.EqualTo(view));
    }

    [Test]
    public void Non_constant_names_of_unknown_origin_are_a_warning_not_an_error()
    {
        Write("requirements.txt", "Django==4.2.14\n");
        // A helper (not a view): the names come from the caller, not visibly from the request.
        Write("shop/queries.py", "def project(queryset, field_name):\n    return queryset.values_list(field_name, flat=True)\n");
        var finding = Calls("shop/queries.py").Single();
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Message, Does.Contain("not constant"));
    }

    [Test]
    public void A_fixed_pin_gives_nothing()
    {
        Write("requirements.txt", "Django==4.2.16\n");
        Write("shop/views.py", ValuesView + "\ndef f(request):\n    return Trunc(\"created\", request.GET[\"kind\"])\n");
        Assert.That(Calls("shop/views.py"), Is.Empty);
        Assert.That(Pin(), Is.Null);
    }

    [Test]
    public void Literal_field_names_do_not_reach_the_vulnerable_path()
    {
        Write("requirements.txt", "Django==4.2.14\n");
        Write("shop/views.py", "def report(request):\n    return Order.objects.values(\"id\", \"total\").order_by(\"-id\")\n");
        Assert.That(Calls("shop/views.py"), Is.Empty);
        var pin = Pin()!;
        Assert.That(pin.Message, Does.Not.Contain("uses the affected API"));
        Assert.That(pin.Related, Is.Empty);
    }

    [Test]
    public void Using_the_api_raises_a_warning_pin_to_an_error()
    {
        // 3.2.13's advisories in the snapshot carry no CVSS rating, so the pin alone is a warning.
        Write("requirements.txt", "Django==3.2.13\n");
        Write("shop/views.py", "def report(request):\n    return Order.objects.annotate(day=Trunc(\"created\", \"day\"))\n");
        Assert.That(Pin()!.Severity, Is.EqualTo(Severity.Warning), "a literal kind does not reach CVE-2022-34265");
        Assert.That(Calls("shop/views.py"), Is.Empty);

        Write("shop/views.py", "def report(request):\n    return Order.objects.annotate(day=Trunc(\"created\", request.GET[\"kind\"]))\n");
        var pin = Pin()!;
        Assert.That(pin.Severity, Is.EqualTo(Severity.Error));
        Assert.That(pin.Message, Does.Contain("CVE-2022-34265"));
        Assert.That(Calls("shop/views.py").Single().Message, Does.Contain("CVE-2022-34265").And.Contain("Fixed in 3.2.14"));
    }

    [Test]
    public void A_template_filter_is_one_finding_listing_every_affecting_advisory()
    {
        Write("requirements.txt", "Django==4.2.10\n");
        const string template = "<p>{{ body|urlize }}</p>\n<p>{{ body|linebreaks }}</p>\n";
        Write("shop/templates/shop/post.html", template);
        var finding = Calls("shop/templates/shop/post.html").Single();
        Assert.That(template.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("urlize"));
        Assert.That(finding.Message, Does.Contain("CVE-2024-45230").And.Contain("CVE-2024-41990").And.Contain("CVE-2024-41991").And.Contain("CVE-2024-38875"));
    }

    // The keyword search finds every occurrence of every keyword, overlapping ones included: "words" inside
    // "truncatewords_html" makes both HTML-truncation entries candidates.
    [Test]
    public void Overlapping_keywords_make_every_entry_they_name_a_candidate()
    {
        Write("requirements.txt", "Django==4.2.4\n");
        const string template = "<p>{{ body|truncatewords_html:30 }}</p>\n";
        Write("shop/templates/shop/post.html", template);
        var finding = Calls("shop/templates/shop/post.html").Single();
        Assert.That(template.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("truncatewords_html"));
        Assert.That(finding.Message, Does.Contain("CVE-2024-27351").And.Contain("CVE-2023-43665"));
    }

    [Test]
    public void A_keyword_after_another_keyword_still_counts()
    {
        Write("requirements.txt", "Django==3.2.4\n");
        // "values" and "extra" come first (a comment); the only call of the table is order_by, further down.
        Write("shop/views.py", "# values with extra care\ndef f(request, qs):\n    return qs.order_by(request.GET[\"sort\"])\n");
        Assert.That(Calls("shop/views.py").Single().Message, Does.Contain("PYSEC-2021-109"));
    }

    // The pin is looked up first and remembered per folder for one context: folders of one scan with different pins
    // (or none) must each get their own answer.
    [Test]
    public void Each_folder_of_one_scan_gets_its_own_pin()
    {
        Write("pinned/requirements.txt", "Django==4.2.14\n");
        Write("pinned/shop/views.py", ValuesView);
        Write("loose/requirements.txt", "Django>=4.2\n");
        Write("loose/shop/views.py", ValuesView);
        var context = Context;
        var analyzer = new VulnerableApiAnalyzer(AdvisoryStore.Embedded);
        List<Finding> In(string relative) =>
            analyzer.Analyze(DiskFiles.Instance.TryGetDocument(Path.Combine(_root, relative))!, context, CancellationToken.None).ToList();
        Assert.That(In("loose/shop/views.py"), Is.Empty);
        Assert.That(In("pinned/shop/views.py").Single().Message, Does.Contain("CVE-2024-42005"));
        Assert.That(In("loose/shop/views.py"), Is.Empty, "asked again in the same context");
    }

    [Test]
    public void Without_a_pin_nothing_is_reported()
    {
        Write("requirements.txt", "Django>=4.2\n");
        Write("shop/views.py", ValuesView);
        Assert.That(Calls("shop/views.py"), Is.Empty);
    }

    [TestCase("rows = qs.order_by(request.GET[\"sort\"])", "PYSEC-2021-109", "3.2.4")]
    [TestCase("rows = qs.annotate(**aliases)", "PYSEC-2022-190", "3.2.12")]
    [TestCase("rows = qs.explain(**options)", "PYSEC-2022-191", "3.2.12")]
    [TestCase("v = EmailValidator()", "PYSEC-2023-100", "4.2.2")]
    [TestCase("s = Truncator(text).words(30, html=True)", "PYSEC-2024-47", "4.2.10")]
    [TestCase("agg = StringAgg(\"name\", delimiter=sep)", "PYSEC-2020-35", "3.0.2")]
    // Calls whose name only contains the entry's keyword (values_list, urlizetrunc) or is another of its names.
    [TestCase("rows = qs.values_list(*aliases)", "PYSEC-2024-70", "4.2.14")]
    [TestCase("rows = qs.aggregate(**aliases)", "PYSEC-2022-190", "3.2.12")]
    [TestCase("d = Extract(text, sep)", "PYSEC-2022-213", "3.2.13")]
    [TestCase("f = forms.URLField()", "PYSEC-2023-100", "4.2.2")]
    [TestCase("s = Truncator(text).chars(30, html=True)", "PYSEC-2023-226", "4.2.5")]
    [TestCase("t = urlizetrunc(text, 10)", "PYSEC-2024-56", "4.2.13")]
    public void Each_table_entry_matches_its_call(string line, string advisory, string version)
    {
        Write("requirements.txt", $"Django=={version}\n");
        Write("shop/views.py", "def f(request, qs, aliases, options, text, sep):\n    " + line + "\n");
        Assert.That(Calls("shop/views.py").Single().Message, Does.Contain(advisory));
    }

    [Test]
    public void Every_table_entry_names_an_advisory_of_the_embedded_snapshot()
    {
        var django = AdvisoryStore.Embedded.ForPackage("django");
        Assert.That(VulnerableApiTable.Django.Count(a => a.NeedsInputNames), Is.EqualTo(6), "the SQL-shape entries");
        foreach (var api in VulnerableApiTable.Django)
        {
            var advisory = api.Find(django);
            Assert.That(advisory, Is.Not.Null, api.AdvisoryId);
            Assert.That(advisory!.Id, Is.EqualTo(api.AdvisoryId));
            Assert.That(advisory.Aliases, Does.Contain(api.Cve));
        }
    }
}
