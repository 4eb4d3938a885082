using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.Lsp;

public sealed record WorkDoneProgressCreateParams(JToken Token);

public sealed record ProgressParams(JToken Token, object Value);

public sealed class WorkDoneProgressBegin
{
    public string Kind => "begin";
    public string Title { get; init; } = "";
    public bool? Cancellable { get; init; }
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed class WorkDoneProgressReport
{
    public string Kind => "report";
    public bool? Cancellable { get; init; }
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed class WorkDoneProgressEnd
{
    public string Kind => "end";
    public string? Message { get; init; }
}

public sealed class WorkDoneProgressCancelParams
{
    public JToken? Token { get; init; }
}
