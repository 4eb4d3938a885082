namespace DjangoLsp.Templates.Syntax;
internal static class AssemblyMarker { }
