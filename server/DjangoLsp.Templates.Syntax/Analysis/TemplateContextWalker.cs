namespace DjangoLsp.Templates.Syntax;

/// <summary>A top-level piece of a single-file walk: its token range, scanner states and outputs.</summary>
internal sealed record WalkUnit(int FirstToken, int LastToken, HtmlScanState Start, HtmlScanState End, int OutputStart, int OutputCount);

/// <summary>
/// Walks template nodes in document order (every branch of if/for, as one rendering that a browser could see),
/// feeding literal text to the HTML scanner and recording each output with its context and escaping.
/// Subclassed by the template graph to follow extends/include/block across files.
/// </summary>
internal class TemplateContextWalker
{
    private readonly List<IReadOnlyList<FilterCall>> _sections = new();

    public TemplateContextWalker(HtmlScanState initial, bool autoescape = true)
    {
        Scanner = HtmlContextScanner.FromState(initial);
        Autoescape = autoescape;
    }

    public HtmlContextScanner Scanner { get; }

    public bool Autoescape { get; set; }

    public List<TemplateOutput> Outputs { get; } = new();

    /// <summary>Path of the template whose nodes are being walked (attributed to outputs).</summary>
    public string? CurrentPath { get; set; }

    /// <summary>Walks one template alone. A child template ({% extends %}) only renders its blocks, and without
    /// the parent each top-level block starts in HTML text. With <paramref name="previous"/> (the analysis of the
    /// tree this one was incrementally derived from), top-level units whose tokens were reused and whose start
    /// state is unchanged take their outputs from the previous analysis instead of being re-scanned.</summary>
    public static (IReadOnlyList<TemplateOutput> Outputs, IReadOnlyList<WalkUnit> Units) WalkSingle(TemplateSyntaxTree tree, TemplateAnalysis? previous = null)
    {
        var walker = new TemplateContextWalker(HtmlScanState.Initial) { CurrentPath = tree.FilePath };
        bool child = FindExtends(tree) != null;
        IEnumerable<TemplateNode> nodes = child ? TopLevelBlocks(tree.Root) : tree.Root.Children;
        Dictionary<int, WalkUnit>? oldUnits = null;
        if (previous != null && tree.Reuse?.Old == previous.Tree)
        {
            oldUnits = new Dictionary<int, WalkUnit>(previous.Units.Count);
            foreach (var unit in previous.Units)
            {
                oldUnits[unit.FirstToken] = unit;
            }
        }

        var units = new List<WalkUnit>();
        var state = HtmlScanState.Initial;
        bool scannerAtState = true;
        foreach (var node in nodes)
        {
            if (child)
            {
                state = HtmlScanState.Initial;
                scannerAtState = false;
            }

            var (first, last) = TokenRange(node);
            if (oldUnits != null && TryReuse(tree, previous!, oldUnits, first, last, state, walker.Outputs, out var reused))
            {
                units.Add(reused);
                state = reused.End;
                scannerAtState = false;
                continue;
            }

            if (!scannerAtState)
            {
                walker.Scanner.Restore(state);
            }

            walker.Autoescape = true;
            int outputStart = walker.Outputs.Count;
            walker.WalkNode(node);
            var end = walker.Scanner.Save();
            units.Add(new WalkUnit(first, last, state, end, outputStart, walker.Outputs.Count - outputStart));
            state = end;
            scannerAtState = true;
        }

        return (walker.Outputs, units);
    }

    private static bool TryReuse(TemplateSyntaxTree tree, TemplateAnalysis previous, Dictionary<int, WalkUnit> oldUnits, int first, int last,
        HtmlScanState state, List<TemplateOutput> outputs, out WalkUnit unit)
    {
        unit = null!;
        // Only units entirely before or entirely after the relexed tokens are unchanged.
        var reuse = tree.Reuse!;
        if (!(last < reuse.Prefix || first >= reuse.NewSuffixStart))
        {
            return false;
        }

        int oldFirst = tree.MapToOld(first), oldLast = tree.MapToOld(last);
        if (oldFirst < 0 || oldLast - oldFirst != last - first || !oldUnits.TryGetValue(oldFirst, out var old) || old.LastToken != oldLast || old.Start != state)
        {
            return false;
        }

        int outputStart = outputs.Count;
        for (int k = old.OutputStart; k < old.OutputStart + old.OutputCount; k++)
        {
            var output = previous.Outputs[k];
            var node = tree.NodeOfToken(first + (output.Node.TokenIndex - oldFirst));
            if (node == null)
            {
                outputs.RemoveRange(outputStart, outputs.Count - outputStart);
                return false;
            }

            outputs.Add(output.WithNode(node));
        }

        unit = new WalkUnit(first, last, state, old.End, outputStart, old.OutputCount);
        return true;
    }

    internal static (int First, int Last) TokenRange(TemplateNode node)
    {
        if (node is TemplateTokenNode token)
        {
            return (token.TokenIndex, token.TokenIndex);
        }

        int first = int.MaxValue, last = -1;
        foreach (var child in node.Children)
        {
            var (f, l) = TokenRange(child);
            first = Math.Min(first, f);
            last = Math.Max(last, l);
        }

        return (first, last);
    }

    internal static TemplateTagNode? FindExtends(TemplateSyntaxTree tree)
    {
        foreach (var node in tree.Root.Children)
        {
            if (node is TemplateTagNode { Name: "extends" } tag)
            {
                return tag;
            }

            if (node is TemplateVariableNode or TemplateBlockNode || node is TemplateTagNode { Name: not "load" })
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>{% block %} nodes not nested inside another {% block %}.</summary>
    internal static IEnumerable<TemplateBlockNode> TopLevelBlocks(TemplateNode node)
    {
        foreach (var child in node.Children)
        {
            if (child is TemplateBlockNode { Name: "block" } block)
            {
                yield return block;
            }
            else
            {
                foreach (var nested in TopLevelBlocks(child))
                {
                    yield return nested;
                }
            }
        }
    }

    public void WalkNodes(IReadOnlyList<TemplateNode> nodes)
    {
        foreach (var node in nodes)
        {
            WalkNode(node);
        }
    }

    public virtual void WalkNode(TemplateNode node)
    {
        switch (node)
        {
            case TemplateTextNode text:
                Scanner.Feed(text.Text);
                break;
            case TemplateVariableNode variable:
                WalkVariable(variable);
                break;
            case TemplateTagNode tag:
                WalkTag(tag);
                break;
            case TemplateBlockNode block:
                WalkBlock(block);
                break;
        }
    }

    protected virtual void WalkVariable(TemplateVariableNode variable)
    {
        var expression = variable.Expression;
        AddOutput(TemplateOutputKind.Variable, variable, expression);
    }

    protected virtual void WalkTag(TemplateTagNode tag)
    {
        var syntax = tag.Syntax;
        bool printsNothing = syntax.AsVariable != null;
        switch (tag.Name)
        {
            case "url" when !printsNothing:
                AddTagOutput(tag, OutputValueKind.UrlPath, syntax.Bits.Count > 1 ? syntax.ParseExpression(1) : null);
                break;
            case "static" when !printsNothing && syntax.Bits.Count > 1:
            {
                var path = syntax.ParseExpression(1);
                AddTagOutput(tag, path.Value is { IsLiteral: true } && path.Filters.Count == 0 ? OutputValueKind.Literal : OutputValueKind.UrlPath, path);
                break;
            }

            case "firstof" when !printsNothing:
            case "cycle" when !syntax.HasBit("silent"):
                WalkChoiceTag(tag);
                break;
            case "trans" or "translate" when !printsNothing && syntax.Bits.Count > 1:
            {
                var message = syntax.ParseExpression(1);
                if (message.Value is { IsLiteral: true } && message.Filters.Count == 0)
                {
                    AddTagOutput(tag, OutputValueKind.Literal, message);
                }
                else
                {
                    AddOutput(TemplateOutputKind.Tag, tag, message);
                }

                break;
            }

            case "now" or "widthratio" or "get_static_prefix" or "get_media_prefix" when !printsNothing:
            case "csrf_token" or "templatetag" or "lorem" or "debug":
                AddTagOutput(tag, OutputValueKind.Inert, null);
                break;
        }
    }

    private void WalkChoiceTag(TemplateTagNode tag)
    {
        var syntax = tag.Syntax;
        int end = syntax.Bits.Count;
        int asIndex = -1;
        for (int i = 1; i < syntax.Bits.Count; i++)
        {
            if (syntax.Bits[i].Text == "as")
            {
                asIndex = i;
                break;
            }
        }

        if (asIndex > 0)
        {
            end = asIndex;
        }

        if (tag.Name == "cycle" && end == 2 && !syntax.Bits[1].IsQuoted)
        {
            // {% cycle name %}: advances a named cycle, whose values are almost always literals.
            AddTagOutput(tag, OutputValueKind.Literal, null);
            return;
        }

        for (int i = 1; i < end; i++)
        {
            var expression = syntax.ParseExpression(i);
            if (expression.Value is not { IsLiteral: true } || expression.Filters.Count > 0)
            {
                AddOutput(TemplateOutputKind.Tag, tag, expression);
                return;
            }
        }

        AddTagOutput(tag, OutputValueKind.Literal, end > 1 ? syntax.ParseExpression(1) : null);
    }

    protected virtual void WalkBlock(TemplateBlockNode block)
    {
        switch (block.Name)
        {
            case "comment":
                return;
            case "verbatim":
                foreach (var branch in block.Branches)
                {
                    foreach (var node in branch.Body)
                    {
                        if (node is TemplateTokenNode token)
                        {
                            Scanner.Feed(token.Token.Text);
                        }
                    }
                }

                return;
            case "autoescape":
            {
                bool saved = Autoescape;
                if (block.OpenTag.Syntax.Bits.Count > 1)
                {
                    Autoescape = block.OpenTag.Syntax.Bits[1].Text != "off";
                }

                WalkBranches(block);
                Autoescape = saved;
                return;
            }

            case "filter":
            {
                var bits = block.OpenTag.Syntax.Bits;
                if (bits.Count < 2)
                {
                    WalkBranches(block);
                    return;
                }

                var chain = FilterExpression.Parse("var|" + bits[1].Text, bits[1].Span.Start - 4);
                _sections.Insert(0, chain.Filters);
                WalkBranches(block);
                _sections.RemoveAt(0);
                return;
            }

            case "blocktrans" or "blocktranslate":
                WalkBlockTranslate(block);
                return;
            default:
                WalkBranches(block);
                return;
        }
    }

    protected void WalkBranches(TemplateBlockNode block)
    {
        foreach (var branch in block.Branches)
        {
            WalkNodes(branch.Body);
        }
    }

    private void WalkBlockTranslate(TemplateBlockNode block)
    {
        var bits = block.OpenTag.Syntax.Bits;
        if (bits.Any(b => b.Text == "asvar"))
        {
            return; // Stored in a variable, nothing printed here.
        }

        // {% blocktrans with a=expr count n=expr %}: the body's {{ a }} print the bound expressions.
        var bindings = new Dictionary<string, FilterExpression>(StringComparer.Ordinal);
        for (int i = 1; i < bits.Count; i++)
        {
            int eq = bits[i].Text.IndexOf('=');
            if (eq > 0)
            {
                string name = bits[i].Text.Substring(0, eq);
                bindings[name] = FilterExpression.Parse(bits[i].Text.Substring(eq + 1), bits[i].Span.Start + eq + 1);
            }
            else if (bits[i].Text is "with" or "count" && i + 3 < bits.Count && bits[i + 2].Text == "as")
            {
                // Legacy form: {% blocktrans with expr as name %}
                bindings[bits[i + 3].Text] = FilterExpression.Parse(bits[i + 1].Text, bits[i + 1].Span.Start);
            }
        }

        foreach (var branch in block.Branches)
        {
            foreach (var node in branch.Body)
            {
                if (node is TemplateVariableNode variable)
                {
                    var own = variable.Expression;
                    var bound = own.Value != null && own.Filters.Count == 0 && bindings.TryGetValue(own.Value.Text, out var b) ? b : own;
                    AddOutput(TemplateOutputKind.BlockTranslateVariable, variable, bound);
                }
                else
                {
                    WalkNode(node);
                }
            }
        }
    }

    protected void AddOutput(TemplateOutputKind kind, TemplateTokenNode node, FilterExpression? expression)
    {
        var value = expression?.Value;
        var initial = value == null ? OutputValueKind.Unknown : value.IsLiteral ? OutputValueKind.Literal : OutputValueKind.Unknown;
        // Django marks string literals safe; numbers and True/False/None are not strings but cannot carry markup.
        bool safe = value is { Kind: TemplateValueKind.StringLiteral or TemplateValueKind.TranslatedString };
        var escaping = OutputEscaping.Compute(initial, safe, expression?.Filters ?? (IReadOnlyList<FilterCall>)Array.Empty<FilterCall>(), Autoescape, _sections);
        Record(kind, node, expression, escaping);
    }

    private void AddTagOutput(TemplateTagNode tag, OutputValueKind value, FilterExpression? expression)
    {
        // Printing tags pass their result through conditional_escape when autoescape is on.
        var escaping = OutputEscaping.Compute(value, value != OutputValueKind.UrlPath, Array.Empty<FilterCall>(), Autoescape, _sections);
        Record(TemplateOutputKind.Tag, tag, expression, escaping);
    }

    private void Record(TemplateOutputKind kind, TemplateTokenNode node, FilterExpression? expression, OutputEscaping escaping)
    {
        var context = Scanner.CurrentContext();
        Outputs.Add(new TemplateOutput(kind, node, CurrentPath, context, escaping, expression));
        Scanner.AfterOutput();
    }
}
