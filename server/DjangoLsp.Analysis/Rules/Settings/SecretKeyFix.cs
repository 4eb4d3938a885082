using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>Replaces the SECRET_KEY value with <c>os.environ["DJANGO_SECRET_KEY"]</c>, adding <c>import os</c> once.</summary>
internal static class SecretKeyFix
{
    public static IReadOnlyList<CodeFix> FromEnvironment(SettingsCheckContext context)
    {
        var binding = context.Binding("SECRET_KEY");
        if (binding == null || !binding.IsPlainAssignment) return Array.Empty<CodeFix>();
        var document = context.Document(binding.Path);
        if (document == null) return Array.Empty<CodeFix>();
        var tree = document.GetPythonSyntax();
        var edits = new List<DocumentEdit>();
        var importsOs = tree.Root.Statements.OfType<ImportStatementSyntax>()
            .Any(i => i.Names.Any(n => n.Name.Name == "os" && n.AliasToken == null));
        if (!importsOs)
        {
            // After the module docstring and any __future__ import; before everything else.
            var insertAt = 0;
            foreach (var statement in tree.Root.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: StringLiteralExpressionSyntax } && insertAt == 0 ||
                    statement is FromImportStatementSyntax { Module.Name: "__future__" })
                {
                    insertAt = document.Text.Lines.GetLineFromPosition(Math.Max(statement.Span.Start, statement.Span.End - 1)).EndIncludingLineBreak;
                    continue;
                }
                break;
            }
            var needsBreakBefore = insertAt > 0 && insertAt == document.Text.Length && !document.Text.ToString().EndsWith('\n');
            edits.Add(new DocumentEdit(binding.Path, new TextChange(new TextSpan(insertAt, 0), (needsBreakBefore ? "\n" : "") + "import os\n")));
        }
        edits.Add(new DocumentEdit(binding.Path, new TextChange(binding.ValueSpan, "os.environ[\"DJANGO_SECRET_KEY\"]")));
        return new[] { new CodeFix("Read SECRET_KEY from the DJANGO_SECRET_KEY environment variable", edits, SafeForFixAll: false) };
    }
}
