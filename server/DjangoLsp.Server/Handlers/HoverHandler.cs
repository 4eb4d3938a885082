using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>textDocument/hover</c>: the findings under the cursor (markdown), else analyzers' API-contract hovers.</summary>
public sealed class HoverHandler : RequestHandler<HoverParams, Hover?>
{
    private readonly ServerSession _session;

    public HoverHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/hover";

    protected override Task<Hover?> HandleAsync(HoverParams parameters, CancellationToken cancellationToken)
    {
        var open = _session.Documents.Get(parameters.TextDocument.Uri);
        if (open == null) return Task.FromResult<Hover?>(null);
        var document = open.Document;
        var offset = _session.Encoder.ToOffset(document.Text, parameters.Position);
        var findings = _session.Findings.Get(open.Uri, document, cancellationToken);
        var hover = _session.Engine.Hover(document, offset, findings, _session.ContextFor(document.Path), cancellationToken);
        if (!ReferenceEquals(_session.Documents.Get(open.Uri)?.Document, document))
            throw new RpcException(ErrorCodes.ContentModified, "The document changed while the hover was computed.");
        return Task.FromResult(hover == null
            ? null
            : new Hover
            {
                Contents = new MarkupContent(MarkupKind.Markdown, hover.Markdown),
                Range = _session.Encoder.ToRange(document.Text, hover.Span),
            });
    }
}
