using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// The per-file result rules consume: the syntax tree plus every output with its context and escaping.
/// For Jinja2 templates <see cref="Outputs"/> is empty and <see cref="IsJinja2"/> is true.
/// </summary>
public sealed class TemplateAnalysis
{
    private TemplateAnalysis(TemplateSyntaxTree tree, IReadOnlyList<TemplateOutput> outputs)
    {
        Tree = tree;
        Outputs = outputs;
    }

    public TemplateSyntaxTree Tree { get; }

    public IReadOnlyList<TemplateOutput> Outputs { get; }

    public bool IsJinja2 => Tree.Dialect.IsJinja2;

    public IReadOnlyList<TemplateDiagnostic> Diagnostics => Tree.Diagnostics;

    public static TemplateAnalysis Analyze(TemplateSyntaxTree tree) =>
        new(tree, tree.Dialect.IsJinja2 ? Array.Empty<TemplateOutput>() : TemplateContextWalker.WalkSingle(tree));

    public static TemplateAnalysis Analyze(string text, string? path = null) => Analyze(TemplateSyntaxTree.Parse(text, path));

    /// <summary>Incremental: reparses with <see cref="TemplateSyntaxTree.WithChanges"/> and reclassifies.</summary>
    public TemplateAnalysis WithChanges(SourceText newText, IReadOnlyList<TextChange> changes) => Analyze(Tree.WithChanges(newText, changes));
}
