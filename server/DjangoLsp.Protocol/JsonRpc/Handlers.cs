using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>Answers one request method. Runs on the thread pool; must honour the cancellation token.</summary>
public interface IRequestHandler
{
    string Method { get; }

    Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken);
}

/// <summary>
/// Handles one notification method. Notifications run on the reader, strictly in arrival order (document
/// changes must apply in order), so they must be cheap and never block on I/O.
/// </summary>
public interface INotificationHandler
{
    string Method { get; }

    void Handle(JToken? parameters);
}

/// <summary>A request handler with typed parameters and result (the OmniSharp handler shape).</summary>
public abstract class RequestHandler<TParams, TResult> : IRequestHandler
{
    public abstract string Method { get; }

    public async Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken)
    {
        var typed = LspSerializer.ToObject<TParams>(parameters);
        var result = await HandleAsync(typed, cancellationToken).ConfigureAwait(false);
        return result == null ? JValue.CreateNull() : LspSerializer.FromObject(result);
    }

    protected abstract Task<TResult> HandleAsync(TParams parameters, CancellationToken cancellationToken);
}

/// <summary>A notification handler with typed parameters.</summary>
public abstract class NotificationHandler<TParams> : INotificationHandler
{
    public abstract string Method { get; }

    public void Handle(JToken? parameters) => Handle(LspSerializer.ToObject<TParams>(parameters));

    protected abstract void Handle(TParams parameters);
}

/// <summary>The one place where methods are mapped to their handlers.</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, IRequestHandler> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, INotificationHandler> _notifications = new(StringComparer.Ordinal);

    public HandlerRegistry Add(IRequestHandler handler)
    {
        _requests.Add(handler.Method, handler);
        return this;
    }

    public HandlerRegistry Add(INotificationHandler handler)
    {
        _notifications.Add(handler.Method, handler);
        return this;
    }

    public IRequestHandler? FindRequest(string method) => _requests.GetValueOrDefault(method);

    public INotificationHandler? FindNotification(string method) => _notifications.GetValueOrDefault(method);
}
