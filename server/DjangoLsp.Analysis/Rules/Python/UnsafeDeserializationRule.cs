using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ140: pickle / marshal / shelve / dill / jsonpickle loading non-constant data.</summary>
public sealed class UnsafeDeserializationRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ140", "pickle-of-data", Severity.Error, RuleCategory.Deserialization,
        new[] { "A08:2021" }, new[] { "A08:2025" }, new[] { 502 },
        "pickle (or marshal, dill, jsonpickle, shelve) loads non-constant data.",
        RuleDocs.Build(
            "Finds `pickle.loads/load`, `marshal.loads/load`, `dill`, `jsonpickle.decode`, `shelve.open` and `pandas.read_pickle` on data that is not a constant. Data from the request (cookies!) is an error; other data is a warning.",
            "Unpickling runs code chosen by whoever wrote the bytes (`__reduce__`): a crafted cookie is remote code execution. Signing the data first is the only way to trust it.",
            """
            cart = pickle.loads(base64.b64decode(request.COOKIES["cart"]))
            """,
            """
            cart = signing.loads(request.COOKIES["cart"], salt="cart")   # JSON, signed with SECRET_KEY
            """,
            "[Python: pickle — restricting globals / warning](https://docs.python.org/3/library/pickle.html)",
            "[Django: cryptographic signing](https://docs.djangoproject.com/en/stable/topics/signing/)",
            RuleDocs.OwaspCheatSheetDeserialization,
            "[CWE-502](https://cwe.mitre.org/data/definitions/502.html)"),
        "https://docs.djangoproject.com/en/stable/topics/signing/");

    public UnsafeDeserializationRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["pickle.loads"] = (0, "data"),
        ["pickle.load"] = (0, "file"),
        ["_pickle.loads"] = (0, "data"),
        ["cPickle.loads"] = (0, null),
        ["pickle.Unpickler"] = (0, "file"),
        ["marshal.loads"] = (0, null),
        ["marshal.load"] = (0, null),
        ["dill.loads"] = (0, "str"),
        ["dill.load"] = (0, "file"),
        ["jsonpickle.decode"] = (0, "string"),
        ["shelve.open"] = (0, "filename"),
        ["pandas.read_pickle"] = (0, "filepath_or_buffer"),
    };

    protected override SinkKind Kind => SinkKind.Deserialization;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "pickle", "marshal", "dill", "shelve", "jsonpickle" };

    /// <summary>
    /// <c>pickle.loads(pickle.dumps(obj))</c> (a deep copy, or a check that an object pickles): the bytes are made
    /// by this very call, so nobody else can have written them.
    /// </summary>
    protected override (string Api, ExpressionSyntax Argument)? FindSink(CallExpressionSyntax call, RuleContext context)
    {
        var sink = base.FindSink(call, context);
        if (sink is { } found && found.Argument.Unparenthesize() is CallExpressionSyntax inner &&
            context.Semantics.GetCalleeName(inner) is { } producer && found.Api.EndsWith(".loads", StringComparison.Ordinal) &&
            producer == found.Api[..^".loads".Length] + ".dumps")
            return null;
        return sink;
    }

    protected override string Message(string api, TaintValue taint) =>
        $"{api} deserializes {Describe(taint, SinkKind.Deserialization)}; unpickling attacker-controlled bytes runs their code. Use JSON (signed with django.core.signing if it round-trips through the client).";
}
