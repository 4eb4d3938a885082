using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Output;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using LspDiagnostic = DjangoLsp.Protocol.Lsp.Diagnostic;
using LspRange = DjangoLsp.Protocol.Lsp.Range;

namespace DjangoLsp.Server.Diagnostics;

/// <summary>Turns findings and fixes into LSP diagnostics and edits, in the client's position encoding.</summary>
public sealed class DiagnosticMapper
{
    public const string Source = "djangolsp";
    private readonly ServerSession _session;

    public DiagnosticMapper(ServerSession session) => _session = session;

    public LspDiagnostic ToDiagnostic(Finding finding, AnalysisDocument document)
    {
        var encoder = _session.Encoder;
        List<DiagnosticRelatedInformation>? related = null;
        foreach (var location in finding.Related)
        {
            var text = SamePath(location.Path, document.Path) ? document.Text : _session.TextOf(location.Path);
            var range = text != null ? encoder.ToRange(text, Clamp(location.Span, text)) : new LspRange(new(0, 0), new(0, 0));
            (related ??= new()).Add(new DiagnosticRelatedInformation(new Location(_session.UriOf(location.Path), range), location.Message));
        }
        return new LspDiagnostic
        {
            Range = encoder.ToRange(document.Text, Clamp(finding.Span, document.Text)),
            Severity = (int)finding.Severity,
            Code = finding.Rule.Id,
            CodeDescription = new CodeDescription(RuleLinks.DocsUrl(finding.Rule)),
            Source = Source,
            Message = finding.Message,
            RelatedInformation = related,
            // Enough to find this finding again when the client asks for code actions on it.
            Data = new JObject
            {
                ["ruleId"] = finding.Rule.Id,
                ["version"] = document.Version,
                ["start"] = finding.Span.Start,
                ["end"] = finding.Span.End,
                ["fixes"] = finding.Fixes.Count,
            },
        };
    }

    /// <summary>
    /// A workspace edit for edits over possibly several files; versioned documentChanges when the client
    /// supports them (edits to open files then fail safely if the file changed meanwhile).
    /// </summary>
    public WorkspaceEdit ToWorkspaceEdit(IEnumerable<DocumentEdit> edits, AnalysisDocument current)
    {
        var byPath = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var edit in edits)
        {
            var text = SamePath(edit.Path, current.Path) ? current.Text : _session.TextOf(edit.Path);
            if (text == null) continue;
            if (!byPath.TryGetValue(edit.Path, out var list))
            {
                byPath[edit.Path] = list = new();
                order.Add(edit.Path);
            }
            list.Add(new TextEdit(_session.Encoder.ToRange(text, Clamp(edit.Change.Span, text)), edit.Change.NewText ?? ""));
        }
        if (_session.Client.Supports("workspace.workspaceEdit.documentChanges"))
        {
            return new WorkspaceEdit
            {
                DocumentChanges = order.Select(path => new TextDocumentEdit
                {
                    TextDocument = new OptionalVersionedTextDocumentIdentifier
                    {
                        Uri = _session.UriOf(path),
                        Version = SamePath(path, current.Path) ? current.Version : _session.Documents.FindByPath(path)?.Document.Version,
                    },
                    Edits = byPath[path],
                }).ToList(),
            };
        }
        return new WorkspaceEdit { Changes = order.ToDictionary(path => _session.UriOf(path), path => byPath[path]) };
    }

    private static TextSpan Clamp(TextSpan span, SourceText text) =>
        TextSpan.FromBounds(Math.Min(span.Start, text.Length), Math.Min(span.End, text.Length));

    private static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
