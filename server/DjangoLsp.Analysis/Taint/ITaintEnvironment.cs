using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// What the taint engine may know beyond one module: the URL parameters routed to a view (their converters decide
/// whether a view parameter is request data) and the other modules of the workspace (to summarise imported helpers).
/// Without an environment the engine is intra-module: view parameters start as unknown data, imported functions
/// return unknown data.
/// </summary>
internal interface ITaintEnvironment
{
    /// <summary>The URL parameters of the view named <paramref name="viewName"/> (function or class) defined in <paramref name="path"/>; empty when unrouted or no URL map was found.</summary>
    IReadOnlyDictionary<string, UrlParameter> UrlParameters(string path, string viewName);

    /// <summary>The function an imported dotted name refers to (<c>shop.utils.build_query</c>, <c>.utils.build_query</c>) seen from <paramref name="fromPath"/>, or null.</summary>
    CallTarget? ResolveFunction(string qualifiedName, string fromPath);
}
