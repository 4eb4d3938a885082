using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// The per-file result rules consume: the syntax tree plus every output with its context and escaping.
/// For Jinja2 templates <see cref="Outputs"/> is empty and <see cref="IsJinja2"/> is true.
/// </summary>
public sealed class TemplateAnalysis
{
    private WalkUnitTable? _units;

    private TemplateAnalysis(TemplateSyntaxTree tree, IReadOnlyList<TemplateOutput> outputs, WalkUnitTable? units)
    {
        Tree = tree;
        Outputs = outputs;
        _units = units;
    }

    /// <summary>The walk units with their start states, which an incremental re-analysis reuses. A full analysis does
    /// not record them (saving a scanner state per top-level node costs a fifth of the walk); the first edit makes them
    /// with one more walk of this tree, which gives the same outputs.</summary>
    internal WalkUnitTable Units => _units ?? MakeUnits();

    private WalkUnitTable MakeUnits()
    {
        // Racing threads compute equal tables; either may win.
        var (_, units) = TemplateContextWalker.WalkSingle(Tree, null, recordUnits: true);
        return _units = units!;
    }

    public TemplateSyntaxTree Tree { get; }

    public IReadOnlyList<TemplateOutput> Outputs { get; }

    public bool IsJinja2 => Tree.Dialect.IsJinja2;

    public IReadOnlyList<TemplateDiagnostic> Diagnostics => Tree.Diagnostics;

    public static TemplateAnalysis Analyze(TemplateSyntaxTree tree) => Analyze(tree, null);

    private static TemplateAnalysis Analyze(TemplateSyntaxTree tree, TemplateAnalysis? previous)
    {
        if (tree.Dialect.IsJinja2)
        {
            return new TemplateAnalysis(tree, Array.Empty<TemplateOutput>(), WalkUnitTable.Empty);
        }

        var (outputs, units) = TemplateContextWalker.WalkSingle(tree, previous, recordUnits: false);
        return new TemplateAnalysis(tree, outputs, units);
    }

    public static TemplateAnalysis Analyze(string text, string? path = null) => Analyze(TemplateSyntaxTree.Parse(text, path));

    /// <summary>Incremental: reparses with <see cref="TemplateSyntaxTree.WithChanges"/> and reclassifies only the
    /// top-level parts whose tokens changed or whose starting context changed; the result equals a full analysis.</summary>
    public TemplateAnalysis WithChanges(SourceText newText, IReadOnlyList<TextChange> changes) => Analyze(Tree.WithChanges(newText, changes), this);
}
