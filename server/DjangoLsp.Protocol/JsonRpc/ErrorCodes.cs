namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>JSON-RPC 2.0 and LSP error codes.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
    public const int ContentModified = -32801;
}

/// <summary>Thrown by a handler to answer a request with a specific JSON-RPC error.</summary>
public sealed class RpcException : Exception
{
    public RpcException(int code, string message) : base(message) => Code = code;

    public int Code { get; }
}
