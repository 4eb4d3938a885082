using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Docs;
using DjangoLsp.Server.Output;
using DjangoLsp.Server.Workspace;
using DjangoLsp.Analysis.Engine;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>workspace/executeCommand</c>: <c>djangolsp.scanWorkspace</c> scans every workspace file;
/// <c>djangolsp.listRules</c> and <c>djangolsp.explainRule</c> serve the rule catalog to the editor.
/// </summary>
public sealed class ExecuteCommandHandler : RequestHandler<ExecuteCommandParams, JToken?>
{
    public const string ScanWorkspace = "djangolsp.scanWorkspace";
    public const string ListRules = "djangolsp.listRules";
    public const string ExplainRule = "djangolsp.explainRule";
    public static readonly string[] Commands = { ScanWorkspace, ListRules, ExplainRule };

    private readonly ServerSession _session;
    private readonly WorkspaceScanner _scanner;

    public ExecuteCommandHandler(ServerSession session, WorkspaceScanner scanner)
    {
        _session = session;
        _scanner = scanner;
    }

    public override string Method => "workspace/executeCommand";

    protected override async Task<JToken?> HandleAsync(ExecuteCommandParams parameters, CancellationToken cancellationToken)
    {
        switch (parameters.Command)
        {
            case ScanWorkspace:
                var summary = await _scanner.ScanAsync(parameters.WorkDoneToken, cancellationToken).ConfigureAwait(false);
                return new JObject { ["files"] = summary.Files, ["findings"] = summary.Findings, ["cancelled"] = summary.Cancelled };
            case ListRules:
                return new JArray(_session.Engine.Catalog.All.Select(Describe));
            case ExplainRule:
                var id = parameters.Arguments?.FirstOrDefault() is JValue { Type: JTokenType.String } value ? (string)value! : null;
                var rule = id == null ? null : _session.Engine.Catalog.Find(id.Trim());
                if (rule == null) throw new RpcException(ErrorCodes.InvalidParams, $"Unknown rule: {id ?? "(none)"}");
                return new JObject { ["id"] = rule.Id, ["markdown"] = RuleDocsGenerator.Page(rule) };
            default:
                throw new RpcException(ErrorCodes.InvalidParams, $"Unknown command: {parameters.Command}");
        }
    }

    private static JObject Describe(RuleDescriptor rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["severity"] = rule.DefaultSeverity.ToName(),
        ["category"] = rule.Category,
        ["owasp2021"] = new JArray(rule.Owasp2021),
        ["owasp2025"] = new JArray(rule.Owasp2025),
        ["cwe"] = new JArray(rule.Cwe),
        ["summary"] = rule.Summary,
        ["documentation"] = rule.Documentation,
        ["docsUrl"] = RuleLinks.DocsUrl(rule),
    };
}
