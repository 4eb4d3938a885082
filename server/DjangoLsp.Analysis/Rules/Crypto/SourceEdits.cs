using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>Small text edits shared by the fixes: replacing a node, adding an import once.</summary>
public static class SourceEdits
{
    public static DocumentEdit Replace(PythonFile file, TextSpan span, string text) => new(file.Path, new TextChange(span, text));

    /// <summary>
    /// An edit that adds <paramref name="importLine"/> (e.g. <c>import secrets</c>) after the module's leading
    /// imports, or null when <paramref name="localName"/> is already bound to <paramref name="qualified"/>.
    /// </summary>
    public static DocumentEdit? AddImport(PythonFile file, string importLine, string localName, string qualified)
    {
        if (file.Imports.Binds(localName, qualified)) return null;
        var text = file.Text;
        StatementSyntax? anchor = null;
        var statements = file.Tree.Root.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (statement is ImportStatementSyntax or FromImportStatementSyntax) anchor = statement;
            else if (i == 0 && statement is ExpressionStatementSyntax { } doc && doc.ChildNodes().FirstOrDefault() is StringLiteralExpressionSyntax) anchor = statement;
            else break;
        }
        if (anchor == null) return new DocumentEdit(file.Path, new TextChange(new TextSpan(0, 0), importLine + "\n"));
        // A simple statement's span ends after its NEWLINE token: step back onto the statement's own last line.
        var end = anchor.Span.End;
        while (end > anchor.Span.Start && text[end - 1] is '\n' or '\r') end--;
        var line = text.Lines.GetLineFromPosition(end);
        if (line.EndIncludingLineBreak == line.End)
            return new DocumentEdit(file.Path, new TextChange(new TextSpan(line.End, 0), "\n" + importLine + "\n"));
        return new DocumentEdit(file.Path, new TextChange(new TextSpan(line.EndIncludingLineBreak, 0), importLine + "\n"));
    }

    public static CodeFix Fix(string title, bool safeForFixAll, params DocumentEdit?[] edits) =>
        new(title, edits.Where(e => e != null).Select(e => e!).ToList(), safeForFixAll);
}
