namespace DjangoLsp.Templates.Syntax;

/// <summary>Something the graph could not follow (reported, never thrown).</summary>
public sealed record TemplateGraphProblem(string? Path, string TemplateName, string Message);

/// <summary>The outputs of one rendering across files, with the files visited and what could not be followed.</summary>
public sealed class TemplateGraphResult
{
    internal TemplateGraphResult(IReadOnlyList<TemplateOutput> outputs, IReadOnlyList<string> templates, IReadOnlyList<TemplateGraphProblem> problems)
    {
        Outputs = outputs;
        Templates = templates;
        Problems = problems;
    }

    /// <summary>Every output in rendering order; <see cref="TemplateOutput.FilePath"/> says which file it is in.</summary>
    public IReadOnlyList<TemplateOutput> Outputs { get; }

    /// <summary>Paths of the templates that took part (entry, parents, includes).</summary>
    public IReadOnlyList<string> Templates { get; }

    public IReadOnlyList<TemplateGraphProblem> Problems { get; }

    public IEnumerable<TemplateOutput> OutputsIn(string path) => Outputs.Where(o => o.FilePath == path);
}

/// <summary>
/// Follows {% extends %}, {% block %} and {% include %} across files so each output gets the context it has in the
/// final page: a child's block override starts where the parent's block is (inside &lt;script&gt; it is JavaScript);
/// an included template starts in the context of the include tag. Parsed trees are cached by path.
/// </summary>
public sealed class TemplateGraph
{
    private const int MaxDepth = 16;
    private readonly ITemplateResolver _resolver;
    private readonly Dictionary<string, TemplateSyntaxTree> _trees = new(StringComparer.Ordinal);

    public TemplateGraph(ITemplateResolver resolver) => _resolver = resolver;

    /// <summary>Replaces the cached tree for a path (e.g. after an incremental edit of an open document).</summary>
    public void Update(TemplateSyntaxTree tree)
    {
        if (tree.FilePath != null)
        {
            _trees[tree.FilePath] = tree;
        }
    }

    public void Invalidate(string path) => _trees.Remove(path);

    /// <summary>Renders template <paramref name="name"/> (resolved by the resolver).</summary>
    public TemplateGraphResult Analyze(string name)
    {
        var walker = new GraphWalker(this);
        var tree = walker.Load(name, null, null);
        if (tree != null)
        {
            walker.Render(tree);
        }

        return walker.Result();
    }

    /// <summary>Renders an entry template given as a tree (an open document).</summary>
    public TemplateGraphResult Analyze(TemplateSyntaxTree entry)
    {
        Update(entry);
        var walker = new GraphWalker(this);
        walker.Render(entry);
        return walker.Result();
    }

    /// <summary>The outputs of <paramref name="path"/> in every context it is rendered in from the given entry templates
    /// (for a template that is only ever included, e.g. inside a &lt;script&gt;).</summary>
    public IReadOnlyList<TemplateOutput> OutputsOf(string path, IEnumerable<string> entryNames) =>
        entryNames.SelectMany(name => Analyze(name).OutputsIn(path)).ToList();

    private TemplateSyntaxTree? LoadTree(string name, string? skipPath, out string? path)
    {
        var source = _resolver.Resolve(name, skipPath);
        path = source?.Path;
        if (source == null)
        {
            return null;
        }

        if (_trees.TryGetValue(source.Path, out var cached) && (ReferenceEquals(cached.Text, source.Text) || cached.Text.ContentEquals(source.Text)))
        {
            return cached;
        }

        var tree = source.SharedTree?.Invoke() is { } shared && shared.FilePath == source.Path && ReferenceEquals(shared.Text, source.Text)
            ? shared
            : TemplateSyntaxTree.Parse(source.Text, source.Path);
        _trees[source.Path] = tree;
        return tree;
    }

    private sealed class GraphWalker : TemplateContextWalker
    {
        private readonly TemplateGraph _graph;
        private readonly List<TemplateGraphProblem> _problems = new();
        private readonly List<string> _templates = new();
        private readonly Stack<string> _renderStack = new();
        private readonly Stack<RenderFrame> _frames = new();

        public GraphWalker(TemplateGraph graph) : base(HtmlScanState.Initial) => _graph = graph;

        public TemplateGraphResult Result() => new(Outputs, _templates, _problems);

        public TemplateSyntaxTree? Load(string name, string? from, string? skipPath)
        {
            var tree = _graph.LoadTree(name, skipPath, out var path);
            if (tree == null)
            {
                _problems.Add(new TemplateGraphProblem(from, name, $"template '{name}' not found"));
                return null;
            }

            if (!_templates.Contains(path!))
            {
                _templates.Add(path!);
            }

            return tree;
        }

        /// <summary>Renders a template: follows its extends chain, then walks the root-most parent with the blocks
        /// of the whole chain (most derived first).</summary>
        public void Render(TemplateSyntaxTree tree)
        {
            string key = tree.FilePath ?? "<entry>";
            if (_renderStack.Contains(key) || _renderStack.Count >= MaxDepth)
            {
                _problems.Add(new TemplateGraphProblem(CurrentPath, key, "recursive include or extends; not followed"));
                return;
            }

            if (tree.Dialect.IsJinja2)
            {
                _problems.Add(new TemplateGraphProblem(CurrentPath, key, "Jinja2 template; not analysed"));
                return;
            }

            _renderStack.Push(key);
            var chain = new List<TemplateSyntaxTree> { tree };
            var current = tree;
            while (FindExtends(current) is { } extends && chain.Count < MaxDepth)
            {
                var bits = extends.Syntax.Bits;
                if (bits.Count < 2 || !bits[1].IsQuoted)
                {
                    _problems.Add(new TemplateGraphProblem(current.FilePath, bits.Count > 1 ? bits[1].Text : "", "dynamic {% extends %}; parent not followed"));
                    break;
                }

                string parentName = bits[1].Unquoted;
                // Django's recursive extends ("admin/base.html" extending "admin/base.html") continues after this file.
                bool sameName = current.FilePath != null && current.FilePath.EndsWith(parentName, StringComparison.Ordinal);
                var parent = Load(parentName, current.FilePath, sameName ? current.FilePath : null);
                if (parent == null || chain.Contains(parent))
                {
                    break;
                }

                chain.Add(parent);
                current = parent;
            }

            var frame = new RenderFrame();
            foreach (var t in chain)
            {
                foreach (var block in t.Root.DescendantNodes().OfType<TemplateBlockNode>())
                {
                    if (block.BlockName is { } name)
                    {
                        if (!frame.Blocks.TryGetValue(name, out var list))
                        {
                            frame.Blocks[name] = list = new List<(TemplateSyntaxTree, TemplateBlockNode)>();
                        }

                        list.Add((t, block));
                    }
                }
            }

            var root = chain[^1];
            string? savedPath = CurrentPath;
            _frames.Push(frame);
            if (FindExtends(root) != null)
            {
                // The parent could not be followed: render the blocks alone, like a single-file analysis.
                CurrentPath = root.FilePath;
                foreach (var block in TopLevelBlocks(root.Root))
                {
                    WalkNode(block);
                }
            }
            else
            {
                CurrentPath = root.FilePath;
                WalkNodes(root.Root.Children);
            }

            _frames.Pop();
            CurrentPath = savedPath;
            _renderStack.Pop();
        }

        protected override void WalkBlock(TemplateBlockNode block)
        {
            if (block.BlockName is not { } name || _frames.Count == 0 || !_frames.Peek().Blocks.TryGetValue(name, out var overrides))
            {
                base.WalkBlock(block);
                return;
            }

            var frame = _frames.Peek();
            // Inside a block body, {{ block.super }} renders the next definition up the chain.
            int index = frame.SuperIndex.TryGetValue(name, out var i) ? i + 1 : 0;
            if (index >= overrides.Count)
            {
                return;
            }

            var (tree, definition) = overrides[index];
            string? savedPath = CurrentPath;
            frame.SuperIndex[name] = index;
            frame.Active.Push(name);
            CurrentPath = tree.FilePath;
            WalkBranches(definition);
            CurrentPath = savedPath;
            frame.Active.Pop();
            if (index == 0)
            {
                frame.SuperIndex.Remove(name);
            }
            else
            {
                frame.SuperIndex[name] = index - 1;
            }
        }

        protected override void WalkVariable(TemplateVariableNode variable)
        {
            var expression = variable.Expression;
            if (expression.Value?.Text == "block.super" && expression.Filters.Count == 0 && _frames.Count > 0 && _frames.Peek().Active.Count > 0)
            {
                var frame = _frames.Peek();
                string name = frame.Active.Peek();
                var overrides = frame.Blocks[name];
                int index = frame.SuperIndex[name];
                if (index + 1 < overrides.Count)
                {
                    WalkBlock(overrides[index + 1].Block);
                }

                return;
            }

            base.WalkVariable(variable);
        }

        protected override void WalkTag(TemplateTagNode tag)
        {
            if (tag.Name != "include")
            {
                base.WalkTag(tag);
                return;
            }

            var bits = tag.Syntax.Bits;
            if (bits.Count < 2)
            {
                return;
            }

            if (!bits[1].IsQuoted)
            {
                _problems.Add(new TemplateGraphProblem(CurrentPath, bits[1].Text, "dynamic {% include %}; not followed"));
                return;
            }

            var included = Load(bits[1].Unquoted, CurrentPath, null);
            if (included != null)
            {
                Render(included);
            }
        }

        private sealed class RenderFrame
        {
            public Dictionary<string, List<(TemplateSyntaxTree Tree, TemplateBlockNode Block)>> Blocks { get; } = new(StringComparer.Ordinal);

            public Dictionary<string, int> SuperIndex { get; } = new(StringComparer.Ordinal);

            public Stack<string> Active { get; } = new();
        }
    }
}
