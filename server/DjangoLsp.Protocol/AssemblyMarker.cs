namespace DjangoLsp.Protocol;
internal static class AssemblyMarker { }
