namespace DjangoLsp.Python.Syntax;
internal static class AssemblyMarker { }
