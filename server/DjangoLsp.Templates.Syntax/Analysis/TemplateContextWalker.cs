namespace DjangoLsp.Templates.Syntax;

/// <summary>A top-level piece of a single-file walk: its token range, the index of its starting scanner state in
/// <see cref="WalkUnitTable"/> and its outputs.</summary>
internal readonly record struct WalkUnit(int FirstToken, int LastToken, bool Reset, int StartState, int OutputStart, int OutputCount);

/// <summary>The units of a single-file walk. Consecutive units very often start in the same scanner state (a tag
/// between two texts does not move the scanner), so states are stored once per run instead of once per unit.</summary>
internal sealed class WalkUnitTable
{
    public static readonly WalkUnitTable Empty = new(0);

    private readonly List<WalkUnit> _units;
    private readonly List<HtmlScanState> _states = new();

    public WalkUnitTable(int capacity) => _units = new List<WalkUnit>(capacity);

    public int Count => _units.Count;

    public WalkUnit this[int index] => _units[index];

    public HtmlScanState StartOf(int index) => _units[index].StartState is var state and >= 0 ? _states[state] : HtmlScanState.Initial;

    public void Add(int first, int last, bool reset, in HtmlScanState start, int outputStart, int outputCount)
    {
        // -1 stands for the initial state (every state in element content is saved as that).
        int state = -1;
        if (!start.Equals(HtmlScanState.Initial))
        {
            state = _states.Count - 1;
            if (state < 0 || !_states[state].Equals(start))
            {
                _states.Add(start);
                state++;
            }
        }

        _units.Add(new WalkUnit(first, last, reset, state, outputStart, outputCount));
    }
}

/// <summary>
/// Walks template nodes in document order (every branch of if/for, as one rendering that a browser could see),
/// feeding literal text to the HTML scanner and recording each output with its context and escaping.
/// Subclassed by the template graph to follow extends/include/block across files.
/// </summary>
internal class TemplateContextWalker
{
    private readonly List<IReadOnlyList<FilterCall>> _sections = new();

    public TemplateContextWalker(HtmlScanState initial, bool autoescape = true, int outputCapacity = 0)
    {
        Scanner = HtmlContextScanner.FromState(initial);
        Autoescape = autoescape;
        Outputs = new List<TemplateOutput>(outputCapacity);
    }

    public HtmlContextScanner Scanner { get; }

    public bool Autoescape { get; set; }

    public List<TemplateOutput> Outputs { get; }

    /// <summary>Path of the template whose nodes are being walked (attributed to outputs).</summary>
    public string? CurrentPath { get; set; }

    /// <summary>Walks one template alone. A child template ({% extends %}) only renders its blocks, and without
    /// the parent each top-level block starts in HTML text. With <paramref name="previous"/> (the analysis of the
    /// tree this one was incrementally derived from), the units before the re-lexed tokens are copied, and once a
    /// unit after them starts in the same scanner state as before, the rest is copied too: the same tokens walked
    /// from the same state give the same outputs.</summary>
    /// <remarks>A full walk records its units (start states for a later incremental walk) only when
    /// <paramref name="recordUnits"/>; otherwise the returned table is null and <see cref="TemplateAnalysis"/> makes it
    /// when an edit first needs it (most analyses, e.g. a whole-project check, are never edited).</remarks>
    public static (IReadOnlyList<TemplateOutput> Outputs, WalkUnitTable? Units) WalkSingle(TemplateSyntaxTree tree, TemplateAnalysis? previous = null, bool recordUnits = true)
    {
        var walker = new TemplateContextWalker(HtmlScanState.Initial, outputCapacity: tree.OutputHint) { CurrentPath = tree.FilePath };
        var reuse = previous != null && tree.Reuse is { } r && r.Old == previous.Tree ? r : null;
        if (reuse == null)
        {
            // Full analysis: walk each unit as the flattening finds it (no plan to build).
            if (!recordUnits)
            {
                var walk = new DirectWalk(walker);
                PlanUnits(tree, ref walk);
                return (walker.Outputs, null);
            }

            var direct = new RecordingWalk(walker, tree.Tokens.Count);
            PlanUnits(tree, ref direct);
            return (walker.Outputs, direct.Units);
        }

        // Every unit holds at least one token, so the token count bounds the number of units: no list growth.
        var plan = new UnitPlan(tree.Tokens.Count);
        PlanUnits(tree, ref plan);
        var nodes = plan.Units;
        int nodeCount = plan.Count;
        var oldUnits = previous!.Units;
        var units = new WalkUnitTable(nodeCount);
        var state = HtmlScanState.Initial;
        bool scannerAtState = true;
        int index = 0;

        // Prefix: units wholly before the re-lexed tokens are the old ones.
        while (index < nodeCount && index < oldUnits.Count && nodes[index].Last < reuse.Prefix && SameUnit(oldUnits[index], nodes[index], 0))
        {
            index++;
        }

        if (index > 0)
        {
            CopyUnits(tree, previous, 0, index, 0, walker.Outputs, units);
            // A unit ends in the state the next one starts in (a reset unit ignores it).
            state = index < oldUnits.Count ? oldUnits.StartOf(index) : HtmlScanState.Initial;
            scannerAtState = false;
        }

        bool trySuffix = true;
        for (; index < nodeCount; index++)
        {
            var unit = nodes[index];
            if (unit.Reset)
            {
                state = HtmlScanState.Initial;
                scannerAtState = false;
            }

            if (trySuffix && unit.First >= reuse.NewSuffixStart && TryCopySuffix(tree, previous, reuse, nodes, nodeCount, index, state, walker.Outputs, units, ref trySuffix))
            {
                break;
            }

            if (!scannerAtState)
            {
                walker.Scanner.Restore(state);
            }

            walker.Autoescape = true;
            int outputStart = walker.Outputs.Count;
            walker.WalkNode(unit.Node);
            units.Add(unit.First, unit.Last, unit.Reset, state, outputStart, walker.Outputs.Count - outputStart);
            state = walker.Scanner.Save();
            scannerAtState = true;
        }

        return (walker.Outputs, units);
    }

    /// <summary>Feeds the walk units of <paramref name="tree"/> in order to <paramref name="sink"/>.</summary>
    private static void PlanUnits<TSink>(TemplateSyntaxTree tree, ref TSink sink) where TSink : struct, IUnitSink
    {
        if (FindExtends(tree) != null)
        {
            var blocks = new List<TemplateBlockNode>();
            CollectTopLevelBlocks(tree.Root, blocks);
            foreach (var block in blocks)
            {
                sink.ResetNext = true;
                Flatten(block, ref sink);
                sink.ResetNext = false;
            }
        }
        else
        {
            var children = tree.Root.Children;
            for (int i = 0; i < children.Count; i++)
            {
                Flatten(children[i], ref sink);
            }
        }
    }

    private interface IUnitSink
    {
        /// <summary>The next unit starts from the initial state (first unit of a child template's top-level block).</summary>
        bool ResetNext { get; set; }

        void Add(TemplateNode node, int first, int last);
    }

    /// <summary>Walks each unit immediately.</summary>
    private readonly struct DirectWalk(TemplateContextWalker walker) : IUnitSink
    {
        public bool ResetNext
        {
            get => false;
            set
            {
                if (value)
                {
                    walker.Scanner.Restore(HtmlScanState.Initial);
                }
            }
        }

        public void Add(TemplateNode node, int first, int last)
        {
            walker.Autoescape = true;
            walker.WalkNode(node);
        }
    }

    /// <summary>Walks each unit immediately, saving the scanner state it starts in.</summary>
    private struct RecordingWalk : IUnitSink
    {
        private readonly TemplateContextWalker _walker;
        private HtmlScanState _state;

        public RecordingWalk(TemplateContextWalker walker, int capacity)
        {
            _walker = walker;
            _state = HtmlScanState.Initial;
            Units = new WalkUnitTable(capacity);
        }

        public WalkUnitTable Units { get; }

        public bool ResetNext { get; set; }

        public void Add(TemplateNode node, int first, int last)
        {
            bool reset = ResetNext;
            ResetNext = false;
            if (reset)
            {
                _state = HtmlScanState.Initial;
                _walker.Scanner.Restore(_state);
            }

            _walker.Autoescape = true;
            int outputStart = _walker.Outputs.Count;
            _walker.WalkNode(node);
            Units.Add(first, last, reset, _state, outputStart, _walker.Outputs.Count - outputStart);
            _state = _walker.Scanner.Save();
        }
    }

    /// <summary>A top-level piece to walk: the node, its token range and whether it starts from the initial state.</summary>
    private struct PlannedUnit
    {
        public TemplateNode Node;
        public int First;
        public int Last;
        public bool Reset;
    }

    private struct UnitPlan : IUnitSink
    {
        public readonly PlannedUnit[] Units;
        public int Count;

        public UnitPlan(int capacity) => Units = new PlannedUnit[capacity];

        public bool ResetNext { get; set; }

        public void Add(TemplateNode node, int first, int last)
        {
            if (Count == Units.Length)
            {
                throw new InvalidOperationException("more walk units than tokens");
            }

            Units[Count++] = new PlannedUnit { Node = node, First = first, Last = last, Reset = ResetNext };
            ResetNext = false;
        }
    }

    private static bool SameUnit(WalkUnit old, in PlannedUnit unit, int shift) =>
        old.FirstToken + shift == unit.First && old.LastToken + shift == unit.Last && old.Reset == unit.Reset;

    /// <summary>Copies old units [from, to) (token indices shifted) with their outputs moved to the new tree's nodes.</summary>
    private static void CopyUnits(TemplateSyntaxTree tree, TemplateAnalysis previous, int from, int to, int shift, List<TemplateOutput> outputs, WalkUnitTable units)
    {
        var oldUnits = previous.Units;
        var oldOutputs = previous.Outputs;
        for (int u = from; u < to; u++)
        {
            var old = oldUnits[u];
            int outputStart = outputs.Count;
            for (int k = old.OutputStart; k < old.OutputStart + old.OutputCount; k++)
            {
                var output = oldOutputs[k];
                outputs.Add(output.WithNode(tree.NodeOfToken(output.Node.TokenIndex + shift)!));
            }

            units.Add(old.FirstToken + shift, old.LastToken + shift, old.Reset, oldUnits.StartOf(u), outputStart, old.OutputCount);
        }
    }

    /// <summary>If unit <paramref name="index"/> starts where an old unit started, in the same state, and all the
    /// remaining units are the old ones shifted, copies them and returns true.</summary>
    private static bool TryCopySuffix(TemplateSyntaxTree tree, TemplateAnalysis previous, TokenReuse reuse, PlannedUnit[] nodes, int nodeCount,
        int index, HtmlScanState state, List<TemplateOutput> outputs, WalkUnitTable units, ref bool keepTrying)
    {
        var oldUnits = previous.Units;
        int shift = reuse.NewSuffixStart - reuse.OldSuffixStart;
        int oldFirst = nodes[index].First - shift;
        int lo = 0, hi = oldUnits.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int value = oldUnits[mid].FirstToken;
            if (value == oldFirst) { found = mid; break; }
            if (value < oldFirst) lo = mid + 1; else hi = mid - 1;
        }

        if (found < 0 || oldUnits.Count - found != nodeCount - index)
        {
            return false;
        }

        var startState = nodes[index].Reset ? HtmlScanState.Initial : state;
        if (oldUnits.StartOf(found) != startState)
        {
            return false;
        }

        for (int k = 0; k < nodeCount - index; k++)
        {
            if (!SameUnit(oldUnits[found + k], nodes[index + k], shift))
            {
                keepTrying = false; // The structure after the edit differs: walk the rest (keeps this linear).
                return false;
            }
        }

        CopyUnits(tree, previous, found, oldUnits.Count, shift, outputs, units);
        return true;
    }

    /// <summary>
    /// Splits the walk into small units: blocks that do not change how their body is walked (if, for, with,
    /// block, ...) are replaced by their tags and bodies in document order, which walks identically. Blocks that
    /// change autoescape, add filter sections or bind blocktrans variables stay whole.
    /// </summary>
    private static void Flatten<TSink>(TemplateNode node, ref TSink units) where TSink : struct, IUnitSink
    {
        if (node is TemplateTokenNode token)
        {
            units.Add(node, token.TokenIndex, token.TokenIndex);
            return;
        }

        if (node is TemplateBlockNode block && (block.OpenTag.Syntax.Flags & TagFlags.WalkedWhole) == 0)
        {
            int branchCount = block.BranchCount;
            for (int b = 0; b < branchCount; b++)
            {
                var tag = block.BranchTag(b);
                units.Add(tag, tag.TokenIndex, tag.TokenIndex);
                var body = block.BranchBody(b);
                for (int i = 0; i < body.Count; i++)
                {
                    Flatten(body[i], ref units);
                }
            }

            if (block.EndTag != null)
            {
                units.Add(block.EndTag, block.EndTag.TokenIndex, block.EndTag.TokenIndex);
            }

            return;
        }

        var (first, last) = TokenRange(node);
        units.Add(node, first, last);
    }

    internal static (int First, int Last) TokenRange(TemplateNode node)
    {
        if (node is TemplateTokenNode token)
        {
            return (token.TokenIndex, token.TokenIndex);
        }

        if (node is TemplateBlockNode block)
        {
            // Tokens are in document order: a block runs from its opener to its end tag, or (unclosed) to the end
            // of its last branch (without building its Children array).
            int first = block.OpenTag.TokenIndex;
            if (block.EndTag != null)
            {
                return (first, block.EndTag.TokenIndex);
            }

            int lastBranch = block.BranchCount - 1;
            var body = block.BranchBody(lastBranch);
            return (first, body.Count > 0 ? TokenRange(body[^1]).Last : block.BranchTag(lastBranch).TokenIndex);
        }

        int min = int.MaxValue, max = -1;
        foreach (var child in node.Children)
        {
            var (f, l) = TokenRange(child);
            min = Math.Min(min, f);
            max = Math.Max(max, l);
        }

        return (min, max);
    }

    internal static TemplateTagNode? FindExtends(TemplateSyntaxTree tree)
    {
        var children = tree.Root.Children;
        for (int i = 0; i < children.Count; i++)
        {
            var node = children[i];
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
        var blocks = new List<TemplateBlockNode>();
        CollectTopLevelBlocks(node, blocks);
        return blocks;
    }

    private static void CollectTopLevelBlocks(TemplateNode node, List<TemplateBlockNode> blocks)
    {
        var children = node.Children;
        for (int i = 0; i < children.Count; i++)
        {
            if (children[i] is TemplateBlockNode { Name: "block" } block)
            {
                blocks.Add(block);
            }
            else
            {
                CollectTopLevelBlocks(children[i], blocks);
            }
        }
    }

    public void WalkNodes(IReadOnlyList<TemplateNode> nodes)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            WalkNode(nodes[i]);
        }
    }

    public virtual void WalkNode(TemplateNode node)
    {
        switch (node)
        {
            case TemplateTextNode text:
                Scanner.Feed(text.Token.Span);
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
        if ((syntax.Flags & TagFlags.Printing) == 0)
        {
            return; // Most tags (if, for, block, load, ...) print nothing: no need to look at their bits.
        }

        bool printsNothing = syntax.AsVariable != null;
        switch (tag.Name)
        {
            case "url" when !printsNothing:
                AddTagOutput(tag, OutputValueKind.UrlPath, syntax.BitCount > 1 ? syntax.ParseExpression(1) : null);
                break;
            case "static" when !printsNothing && syntax.BitCount > 1:
            {
                var path = syntax.ParseExpression(1);
                AddTagOutput(tag, path.Value is { IsLiteral: true } && path.Filters.Count == 0 ? OutputValueKind.Literal : OutputValueKind.UrlPath, path);
                break;
            }

            case "firstof" when !printsNothing:
            case "cycle" when !syntax.HasBit("silent"):
                WalkChoiceTag(tag);
                break;
            case "trans" or "translate" when !printsNothing && syntax.BitCount > 1:
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
                for (int b = 0; b < block.BranchCount; b++)
                {
                    foreach (var node in block.BranchBody(b))
                    {
                        if (node is TemplateTokenNode token)
                        {
                            Scanner.Feed(token.Token.Span);
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
        int branchCount = block.BranchCount;
        for (int i = 0; i < branchCount; i++)
        {
            WalkNodes(block.BranchBody(i));
        }
    }

    private void WalkBlockTranslate(TemplateBlockNode block)
    {
        var bits = block.OpenTag.Syntax.Bits;
        if (block.OpenTag.Syntax.HasBit("asvar"))
        {
            return; // Stored in a variable, nothing printed here.
        }

        // {% blocktrans with a=expr count n=expr %}: the body's {{ a }} print the bound expressions (no map without bindings).
        Dictionary<string, FilterExpression>? bindings = null;
        for (int i = 1; i < bits.Count; i++)
        {
            int eq = bits[i].Text.IndexOf('=');
            if (eq > 0)
            {
                string name = bits[i].Text.Substring(0, eq);
                (bindings ??= new(StringComparer.Ordinal))[name] = FilterExpression.Parse(bits[i].Text.Substring(eq + 1), bits[i].Span.Start + eq + 1);
            }
            else if (bits[i].Text is "with" or "count" && i + 3 < bits.Count && bits[i + 2].Text == "as")
            {
                // Legacy form: {% blocktrans with expr as name %}
                (bindings ??= new(StringComparer.Ordinal))[bits[i + 3].Text] = FilterExpression.Parse(bits[i + 1].Text, bits[i + 1].Span.Start);
            }
        }

        for (int k = 0; k < block.BranchCount; k++)
        {
            var body = block.BranchBody(k);
            for (int n = 0; n < body.Count; n++)
            {
                var node = body[n];
                if (node is TemplateVariableNode variable)
                {
                    var own = variable.Expression;
                    var bound = own.Value != null && own.Filters.Count == 0 && bindings != null && bindings.TryGetValue(own.Value.Text, out var b) ? b : own;
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
