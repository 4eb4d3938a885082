namespace DjangoLsp.Server.Text;

/// <summary>file:// URIs to file system paths and back. Non-file URIs (untitled:) map to a stable pseudo path.</summary>
public static class DocumentUris
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return parsed.LocalPath;
        return uri;   // untitled:Untitled-1 etc.: the URI is the identity
    }

    public static string FromPath(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var parsed) && !parsed.IsFile) return path;
        return new Uri(Path.GetFullPath(path)).AbsoluteUri;
    }
}
