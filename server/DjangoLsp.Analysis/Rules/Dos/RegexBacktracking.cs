namespace DjangoLsp.Analysis.Rules.Dos;

/// <summary>
/// A small, conservative detector of catastrophic backtracking in Python regular expressions. It parses the
/// pattern into sequences, alternations, groups and quantified atoms and reports only two shapes that are
/// exponential in Python's backtracking engine:
/// <list type="bullet">
/// <item>a repeated group (<c>*</c>, <c>+</c>, <c>{n,}</c> or <c>{n,m}</c> with m ≥ 10) whose body contains an
/// unbounded repetition and can split one string in several ways: the rest of the body can match the empty
/// string (<c>(a+)+</c>, <c>([\w-]+,?)+</c>, <c>(\s*\w+\s*)*</c>) or consists only of characters the inner
/// repetition also matches (<c>(.*a){20}</c>);</item>
/// <item>a repeated alternation whose branches overlap: identical branches or single characters/classes that
/// share a character (<c>(a|a)*</c>, <c>(\w|\d)+</c>).</item>
/// </list>
/// Anything it does not understand (verbose mode, conditionals, unknown escapes) yields no report.
/// </summary>
public static class RegexBacktracking
{
    /// <summary>The offending sub-pattern (e.g. <c>([\w-]+,?)+</c>), or null when the pattern looks linear.</summary>
    public static string? FindCatastrophicBacktracking(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var root = parser.ParseAlternation();
            if (!parser.AtEnd || parser.Verbose) return null;
            return Find(root, pattern);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Find(Node node, string pattern)
    {
        switch (node)
        {
            case Quantified q:
                if (q.IsLargeRepeat && q.Inner is Group { Atomic: false } g)
                {
                    if (IsAmbiguousBody(g.Body)) return pattern[q.Start..q.End];
                    if (g.Body is Alternation alt && HasOverlappingBranches(alt)) return pattern[q.Start..q.End];
                }
                return Find(q.Inner, pattern);
            case Group group:
                return group.Atomic ? null : Find(group.Body, pattern);
            case Sequence seq:
                foreach (var item in seq.Items)
                    if (Find(item, pattern) is { } found) return found;
                return null;
            case Alternation alternation:
                foreach (var branch in alternation.Branches)
                    if (Find(branch, pattern) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Body with an unbounded repetition X where everything else is optional or swallowed by X.</summary>
    private static bool IsAmbiguousBody(Node body)
    {
        var items = body is Sequence s ? s.Items : new List<Node> { body };
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not Quantified { IsUnbounded: true, Possessive: false } repeated) continue;
            var repeatedSet = CharSetOf(repeated.Inner);
            var rest = items.Where((_, j) => j != i).ToList();
            if (rest.All(IsNullable)) return true;
            if (repeatedSet != null && rest.All(r => IsNullable(r) || (CharSetOf(r) is { } set && IsSubset(set, repeatedSet)))) return true;
            // (a+)+ nested inside a group: ((a+))+
            if (repeated.Inner is Group inner && IsAmbiguousBody(inner.Body) && rest.All(IsNullable)) return true;
        }
        return items.Count == 1 && items[0] is Group nested && !nested.Atomic && IsAmbiguousBody(nested.Body);
    }

    private static bool HasOverlappingBranches(Alternation alternation)
    {
        var branches = alternation.Branches;
        for (var i = 0; i < branches.Count; i++)
        for (var j = i + 1; j < branches.Count; j++)
        {
            if (branches[i].Text != "" && branches[i].Text == branches[j].Text) return true;
            if (CharSetOf(branches[i]) is { } a && CharSetOf(branches[j]) is { } b && Overlaps(a, b)) return true;
        }
        return false;
    }

    private static bool IsNullable(Node node) => node switch
    {
        Quantified q => q.Min == 0 || IsNullable(q.Inner),
        Group g => IsNullable(g.Body),
        Sequence s => s.Items.All(IsNullable),
        Alternation a => a.Branches.Any(IsNullable),
        ZeroWidth => true,
        _ => false,
    };

    /// <summary>The characters a single-character node matches; null for anything wider.</summary>
    private static Func<char, bool>? CharSetOf(Node node) => node switch
    {
        CharSet c => c.Matches,
        Group g => CharSetOf(g.Body),
        Sequence { Items.Count: 1 } s => CharSetOf(s.Items[0]),
        _ => null,
    };

    private static IEnumerable<char> Probe()
    {
        for (var c = 0; c < 256; c++) yield return (char)c;
        yield return 'é';
        yield return 'Ж';
        yield return '中';
    }

    private static bool IsSubset(Func<char, bool> inner, Func<char, bool> outer) => Probe().All(c => !inner(c) || outer(c));

    private static bool Overlaps(Func<char, bool> a, Func<char, bool> b) => Probe().Any(c => a(c) && b(c));

    private abstract class Node
    {
        public string Text { get; set; } = "";
    }

    private sealed class Sequence : Node
    {
        public List<Node> Items { get; } = new();
    }

    private sealed class Alternation : Node
    {
        public List<Node> Branches { get; } = new();
    }

    private sealed class Group : Node
    {
        public required Node Body { get; init; }
        public bool Atomic { get; init; }
    }

    private sealed class Quantified : Node
    {
        public required Node Inner { get; init; }
        public int Min { get; init; }
        public int? Max { get; init; }
        public bool Possessive { get; init; }
        public int Start { get; init; }
        public int End { get; init; }
        public bool IsUnbounded => Max == null;
        public bool IsLargeRepeat => !Possessive && (Max == null || Max >= 10);
    }

    private sealed class CharSet : Node
    {
        public required Func<char, bool> Matches { get; init; }
    }

    private sealed class ZeroWidth : Node
    {
    }

    /// <summary>Other atoms (back-references): match something, but not a known single character.</summary>
    private sealed class Opaque : Node
    {
    }

    private sealed class Parser
    {
        private readonly string _p;
        private int _i;
        private bool _ignoreCase;

        public Parser(string pattern) => _p = pattern;

        public bool AtEnd => _i >= _p.Length;
        public bool Verbose { get; private set; }

        public Node ParseAlternation()
        {
            var start = _i;
            var branches = new List<Node> { ParseSequence() };
            while (!AtEnd && _p[_i] == '|')
            {
                _i++;
                branches.Add(ParseSequence());
            }
            if (branches.Count == 1) return branches[0];
            var alternation = new Alternation { Text = _p[start.._i] };
            alternation.Branches.AddRange(branches);
            return alternation;
        }

        private Node ParseSequence()
        {
            var start = _i;
            var seq = new Sequence();
            while (!AtEnd && _p[_i] != '|' && _p[_i] != ')')
            {
                var atomStart = _i;
                var atom = ParseAtom();
                seq.Items.Add(ParseQuantifier(atom, atomStart));
            }
            seq.Text = _p[start.._i];
            return seq;
        }

        private Node ParseQuantifier(Node atom, int atomStart)
        {
            while (!AtEnd)
            {
                int min;
                int? max;
                var c = _p[_i];
                if (c == '*') { min = 0; max = null; _i++; }
                else if (c == '+') { min = 1; max = null; _i++; }
                else if (c == '?') { min = 0; max = 1; _i++; }
                else if (c == '{' && TryParseBraces(out min, out max)) { }
                else return atom;
                var possessive = false;
                if (!AtEnd && _p[_i] == '?') _i++;
                else if (!AtEnd && _p[_i] == '+') { possessive = true; _i++; }
                atom = new Quantified { Inner = atom, Min = min, Max = max, Possessive = possessive, Start = atomStart, End = _i, Text = _p[atomStart.._i] };
            }
            return atom;
        }

        private bool TryParseBraces(out int min, out int? max)
        {
            min = 0;
            max = null;
            var close = _p.IndexOf('}', _i);
            if (close < 0) return false;
            var body = _p[(_i + 1)..close];
            var parts = body.Split(',');
            if (parts.Length > 2 || (parts[0].Length > 0 && !parts[0].All(char.IsAsciiDigit))) return false;
            if (parts.Length == 2 && parts[1].Length > 0 && !parts[1].All(char.IsAsciiDigit)) return false;
            if (parts.Length == 1 && parts[0].Length == 0) return false;
            min = parts[0].Length == 0 ? 0 : int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            max = parts.Length == 1 ? min : parts[1].Length == 0 ? null : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            _i = close + 1;
            return true;
        }

        private Node ParseAtom()
        {
            var start = _i;
            var c = _p[_i];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return WithText(ParseClass(), start);
                case '.':
                    _i++;
                    return WithText(new CharSet { Matches = ch => ch != '\n' }, start);
                case '^':
                case '$':
                    _i++;
                    return new ZeroWidth { Text = c.ToString() };
                case '\\':
                    return WithText(ParseEscape(), start);
                case '*' or '+' or '?':
                    throw new FormatException("nothing to repeat");
                default:
                    _i++;
                    return WithText(Literal(c), start);
            }
        }

        private Node WithText(Node node, int start)
        {
            node.Text = _p[start.._i];
            return node;
        }

        private CharSet Literal(char c)
        {
            if (!_ignoreCase) return new CharSet { Matches = ch => ch == c };
            var lower = char.ToLowerInvariant(c);
            return new CharSet { Matches = ch => char.ToLowerInvariant(ch) == lower };
        }

        private Node ParseGroup()
        {
            var start = _i;
            _i++; // (
            var atomic = false;
            var zeroWidth = false;
            if (!AtEnd && _p[_i] == '?')
            {
                _i++;
                if (AtEnd) throw new FormatException("bad group");
                var k = _p[_i];
                if (k == ':') _i++;
                else if (k == '>') { atomic = true; _i++; }
                else if (k is '=' or '!') { zeroWidth = true; _i++; }
                else if (k == '<' && _i + 1 < _p.Length && _p[_i + 1] is '=' or '!') { zeroWidth = true; _i += 2; }
                else if (k == 'P' && _i + 1 < _p.Length && _p[_i + 1] == '<')
                {
                    var close = _p.IndexOf('>', _i);
                    if (close < 0) throw new FormatException("bad group name");
                    _i = close + 1;
                }
                else if (k == 'P' && _i + 1 < _p.Length && _p[_i + 1] == '=')
                {
                    var close = _p.IndexOf(')', _i);
                    if (close < 0) throw new FormatException("bad backreference");
                    _i = close + 1;
                    return new Opaque { Text = _p[start.._i] };
                }
                else if (k == '#')
                {
                    var close = _p.IndexOf(')', _i);
                    if (close < 0) throw new FormatException("bad comment");
                    _i = close + 1;
                    return new ZeroWidth { Text = _p[start.._i] };
                }
                else if (char.IsAsciiLetter(k) || k == '-')
                {
                    // Inline flags (?aiLmsux) or scoped (?i:...).
                    var flagsStart = _i;
                    while (!AtEnd && (char.IsAsciiLetter(_p[_i]) || _p[_i] == '-')) _i++;
                    var flags = _p[flagsStart.._i];
                    if (flags.Contains('x', StringComparison.Ordinal)) Verbose = true;
                    if (flags.Contains('i', StringComparison.Ordinal) && !flags.Contains("-i", StringComparison.Ordinal)) _ignoreCase = true;
                    if (AtEnd) throw new FormatException("bad flags");
                    if (_p[_i] == ')')
                    {
                        _i++;
                        return new ZeroWidth { Text = _p[start.._i] };
                    }
                    if (_p[_i] != ':') throw new FormatException("bad flags");
                    _i++;
                }
                else throw new FormatException("unsupported group");
            }
            var body = ParseAlternation();
            if (AtEnd || _p[_i] != ')') throw new FormatException("missing )");
            _i++;
            if (zeroWidth) return new ZeroWidth { Text = _p[start.._i] };
            return new Group { Body = body, Atomic = atomic, Text = _p[start.._i] };
        }

        private CharSet ParseClass()
        {
            _i++; // [
            var negate = false;
            if (!AtEnd && _p[_i] == '^') { negate = true; _i++; }
            var parts = new List<Func<char, bool>>();
            var first = true;
            while (true)
            {
                if (AtEnd) throw new FormatException("missing ]");
                var c = _p[_i];
                if (c == ']' && !first) { _i++; break; }
                first = false;
                Func<char, bool> part;
                char? single = null;
                if (c == '\\')
                {
                    var escape = ParseEscapeCore(inClass: true);
                    part = escape.Matches;
                    single = escape.Single;
                }
                else
                {
                    _i++;
                    single = c;
                    var lit = c;
                    part = ch => ch == lit;
                }
                if (single is { } low && _i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
                {
                    _i++;
                    char high;
                    if (_p[_i] == '\\')
                    {
                        var escape = ParseEscapeCore(inClass: true);
                        high = escape.Single ?? throw new FormatException("bad range");
                    }
                    else high = _p[_i++];
                    var (lo, hi) = (low, high);
                    part = ch => ch >= lo && ch <= hi;
                }
                parts.Add(part);
            }
            var ignoreCase = _ignoreCase;
            bool Inside(char ch) => parts.Any(p => p(ch)) || (ignoreCase && parts.Any(p => p(char.ToLowerInvariant(ch)) || p(char.ToUpperInvariant(ch))));
            return new CharSet { Matches = negate ? ch => !Inside(ch) : Inside };
        }

        private sealed class EscapeResult : Node
        {
            public required Func<char, bool> Matches { get; init; }
            public char? Single { get; init; }
        }

        private Node ParseEscape()
        {
            var result = ParseEscapeCore(inClass: false);
            if (result.Single == null && result.Matches == Never) return new ZeroWidth();
            if (result.Single is { } single) return Literal(single);
            return new CharSet { Matches = result.Matches };
        }

        private static readonly Func<char, bool> Never = _ => false;

        private EscapeResult ParseEscapeCore(bool inClass)
        {
            _i++; // backslash
            if (AtEnd) throw new FormatException("trailing backslash");
            var c = _p[_i++];
            static bool Word(char ch) => char.IsLetterOrDigit(ch) || ch == '_';
            switch (c)
            {
                case 'd': return new EscapeResult { Matches = char.IsDigit };
                case 'D': return new EscapeResult { Matches = ch => !char.IsDigit(ch) };
                case 'w': return new EscapeResult { Matches = Word };
                case 'W': return new EscapeResult { Matches = ch => !Word(ch) };
                case 's': return new EscapeResult { Matches = char.IsWhiteSpace };
                case 'S': return new EscapeResult { Matches = ch => !char.IsWhiteSpace(ch) };
                case 'b' when inClass: return Single('\b');
                case 'b' or 'B' or 'A' or 'Z': return new EscapeResult { Matches = Never };
                case 'n': return Single('\n');
                case 't': return Single('\t');
                case 'r': return Single('\r');
                case 'f': return Single('\f');
                case 'v': return Single('\v');
                case 'a': return Single('\a');
                case '0': return Single('\0');
                case 'x': return Single(Hex(2));
                case 'u': return Single(Hex(4));
                case >= '1' and <= '9' when !inClass:
                    while (!AtEnd && char.IsAsciiDigit(_p[_i])) _i++;
                    throw new FormatException("back-reference"); // too clever for this detector: no report
                default:
                    if (char.IsAsciiLetterOrDigit(c)) throw new FormatException("unknown escape");
                    return Single(c);
            }
        }

        private EscapeResult Single(char c) => new() { Matches = ch => ch == c, Single = c };

        private char Hex(int digits)
        {
            if (_i + digits > _p.Length) throw new FormatException("bad hex escape");
            var value = Convert.ToInt32(_p.Substring(_i, digits), 16);
            _i += digits;
            return (char)value;
        }
    }
}
