using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/codeAction</c>: one <c>quickfix</c> per fix of each finding touching the range (the first
/// fix of a finding is preferred), and <c>source.fixAll.djangolsp</c> applying every fix marked safe for
/// fix-all, skipping fixes whose edits would overlap ones already taken.
/// </summary>
public sealed class CodeActionHandler : RequestHandler<CodeActionParams, List<CodeAction>>
{
    public const string FixAllKind = "source.fixAll.djangolsp";
    private readonly ServerSession _session;

    public CodeActionHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/codeAction";

    protected override Task<List<CodeAction>> HandleAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var open = _session.Documents.Get(parameters.TextDocument.Uri);
        if (open == null) return Task.FromResult(actions);
        var document = open.Document;
        var findings = _session.Findings.Get(open.Uri, document, cancellationToken);
        var only = parameters.Context.Only;

        if (Wants(only, CodeActionKind.QuickFix))
        {
            var span = _session.Encoder.ToSpan(document.Text, parameters.Range);
            foreach (var finding in findings)
            {
                if (!Touches(finding.Span, span)) continue;
                var diagnostic = _session.Mapper.ToDiagnostic(finding, document);
                for (var i = 0; i < finding.Fixes.Count; i++)
                {
                    var fix = finding.Fixes[i];
                    actions.Add(new CodeAction
                    {
                        Title = fix.Title,
                        Kind = CodeActionKind.QuickFix,
                        Diagnostics = new List<Diagnostic> { diagnostic },
                        IsPreferred = i == 0,
                        Edit = _session.Mapper.ToWorkspaceEdit(fix.Edits, document),
                    });
                }
            }
        }

        if (Wants(only, FixAllKind))
        {
            var edits = MergeFixAll(findings);
            if (edits.Count > 0)
            {
                actions.Add(new CodeAction
                {
                    Title = "DjangoLsp: fix all auto-fixable problems",
                    Kind = FixAllKind,
                    Edit = _session.Mapper.ToWorkspaceEdit(edits, document),
                });
            }
        }
        // Edits computed for a snapshot the user has already changed would land in the wrong place.
        if (!ReferenceEquals(_session.Documents.Get(open.Uri)?.Document, document))
            throw new RpcException(ErrorCodes.ContentModified, "The document changed while code actions were computed.");
        return Task.FromResult(actions);
    }

    /// <summary>
    /// All safe fixes' edits, in document order, dropping any fix that overlaps an edit already accepted
    /// (a fix is all-or-nothing) and duplicates of identical edits.
    /// </summary>
    public static List<DocumentEdit> MergeFixAll(IEnumerable<Finding> findings)
    {
        var accepted = new List<DocumentEdit>();
        foreach (var fix in findings.SelectMany(f => f.Fixes.Take(1)).Where(f => f.SafeForFixAll))
        {
            var fresh = fix.Edits.Where(e => !accepted.Contains(e)).ToList();
            if (fresh.Count == 0) continue;
            var overlaps = fresh.Any(e => accepted.Any(a => a.Path == e.Path && Overlap(a.Change.Span, e.Change.Span)))
                || fresh.Where((e, i) => fresh.Skip(i + 1).Any(o => o.Path == e.Path && Overlap(o.Change.Span, e.Change.Span))).Any();
            if (!overlaps) accepted.AddRange(fresh);
        }
        accepted.Sort((a, b) => a.Path != b.Path ? string.CompareOrdinal(a.Path, b.Path) : a.Change.Span.Start.CompareTo(b.Change.Span.Start));
        return accepted;
    }

    /// <summary>Edits conflict when they share text, or both start at one point (their order would be ambiguous).</summary>
    private static bool Overlap(TextSpan a, TextSpan b) => (a.Start < b.End && b.Start < a.End) || a.Start == b.Start;

    private static bool Touches(TextSpan finding, TextSpan range) => finding.Start <= range.End && range.Start <= finding.End;

    /// <summary>LSP "only" filtering is hierarchical: asking for <c>source</c> includes <c>source.fixAll.djangolsp</c>.</summary>
    private static bool Wants(List<string>? only, string kind) =>
        only == null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));
}
