using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>Adds imports for fixes: once, after the module's last top-level import (or its docstring).</summary>
internal static class ImportEdits
{
    /// <summary>An edit adding <c>from module import name</c>, or null when the name is already imported at module level.</summary>
    public static TextChange? EnsureFromImport(RuleContext context, string module, string name)
    {
        var model = context.Semantics;
        if (model.ModuleScope.GetBindings(name).Any(b => b.Kind == BindingKind.Import && b.ImportedName == module + "." + name)) return null;
        var statements = model.Tree.Root.Statements;
        var text = context.Document.Text;
        StatementSyntax? anchor = statements.LastOrDefault(s => s is ImportStatementSyntax or FromImportStatementSyntax);
        if (anchor == null && statements.FirstOrDefault() is ExpressionStatementSyntax { Expression: StringLiteralExpressionSyntax } docstring) anchor = docstring;
        var position = anchor == null ? 0 : text.Lines.GetLineFromPosition(anchor.Span.End).EndIncludingLineBreak;
        var prefix = position > 0 && text[position - 1] != '\n' ? "\n" : "";
        return new TextChange(new TextSpan(position, 0), $"{prefix}from {module} import {name}\n");
    }
}
