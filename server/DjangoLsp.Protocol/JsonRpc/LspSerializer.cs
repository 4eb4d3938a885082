using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>
/// JSON settings for LSP: camelCase properties, nulls omitted, dictionary keys (URIs) untouched.
/// Dates are never parsed from strings (LSP has none, and user text must round-trip unchanged).
/// </summary>
public static class LspSerializer
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static JToken FromObject(object value) => JToken.FromObject(value, Serializer);

    /// <summary>Converts params to <typeparamref name="T"/>; a shape mismatch becomes an InvalidParams error.</summary>
    public static T ToObject<T>(JToken? token)
    {
        try
        {
            var value = token == null || token.Type == JTokenType.Null ? default : token.ToObject<T>(Serializer);
            return value ?? throw new RpcException(ErrorCodes.InvalidParams, $"Missing parameters ({typeof(T).Name}).");
        }
        catch (JsonException e)
        {
            throw new RpcException(ErrorCodes.InvalidParams, "Invalid parameters: " + e.Message);
        }
    }

    /// <summary>Parses a JSON body without date conversion.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        if (reader.Read()) throw new JsonReaderException("Additional text after the JSON value.");
        return token;
    }

    public static string Serialize(JToken token) => token.ToString(Formatting.None);
}
