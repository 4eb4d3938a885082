global using NUnit.Framework;
global using DjangoLsp.Templates.Syntax;
global using Microsoft.CodeAnalysis.Text;
