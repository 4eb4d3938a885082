namespace DjangoLsp.Templates.Syntax;

/// <summary>The lexer's output as three parallel arrays (token, absolute start, lexer state before it), grown in
/// place and trimmed once, instead of three lists copied into arrays.</summary>
internal sealed class TokenListBuilder
{
    private TemplateToken[] _tokens;
    private int[] _starts;
    /// <summary>Allocated on the first non-null state (only templates with {% verbatim %} have one).</summary>
    private string?[]? _states;

    public TokenListBuilder(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        _tokens = new TemplateToken[capacity];
        _starts = new int[capacity];
    }

    public int Count { get; private set; }

    [ThreadStatic]
    private static TokenListBuilder? t_scratch;

    /// <summary>This thread's reusable builder, emptied: a full parse then allocates only the exactly sized result
    /// arrays (<see cref="ToExactArrays"/>) instead of a guessed capacity plus a trimmed copy. Not reentrant: the
    /// caller must finish with it (lexing does not parse templates) before the next <see cref="RentScratch"/>.</summary>
    public static TokenListBuilder RentScratch(int capacity)
    {
        var scratch = t_scratch ??= new TokenListBuilder(capacity);
        t_scratch = null; // a nested use (none today) gets its own builder instead of corrupting this one
        scratch.Count = 0;
        if (scratch._tokens.Length < capacity)
        {
            scratch._tokens = new TemplateToken[capacity];
            scratch._starts = new int[capacity];
            scratch._states = null;
        }

        return scratch;
    }

    /// <summary>Copies the contents into new exactly sized arrays and returns a rented builder to its thread,
    /// dropping its token references so it keeps no tree alive.</summary>
    public (TemplateToken[] Tokens, int[] Starts, string?[]? States) ToExactArrays()
    {
        var tokens = Count == 0 ? Array.Empty<TemplateToken>() : _tokens.AsSpan(0, Count).ToArray();
        var starts = Count == 0 ? Array.Empty<int>() : _starts.AsSpan(0, Count).ToArray();
        string?[]? states = null;
        if (_states != null)
        {
            states = _states.AsSpan(0, Count).ToArray();
            _states = null; // the next template most likely has no {% verbatim %}
        }

        Array.Clear(_tokens, 0, Count);
        Count = 0;
        t_scratch = this;
        return (tokens, starts, states);
    }

    public void Add(TemplateToken token, int start, string? state)
    {
        if (Count == _tokens.Length)
        {
            int capacity = Count * 2;
            Array.Resize(ref _tokens, capacity);
            Array.Resize(ref _starts, capacity);
            if (_states != null) Array.Resize(ref _states, capacity);
        }

        _tokens[Count] = token;
        _starts[Count] = start;
        if (state != null)
        {
            (_states ??= new string?[_tokens.Length])[Count] = state;
        }

        Count++;
    }

    /// <summary>Appends <paramref name="tokens"/>[from..to) with their starts moved by <paramref name="shift"/>.</summary>
    public void AddRange(TemplateToken[] tokens, int[] starts, string?[]? states, int from, int to, int shift)
    {
        int count = to - from;
        if (count <= 0)
        {
            return;
        }

        if (Count + count > _tokens.Length)
        {
            int capacity = Math.Max(Count + count, Count * 2);
            Array.Resize(ref _tokens, capacity);
            Array.Resize(ref _starts, capacity);
            if (_states != null) Array.Resize(ref _states, capacity);
        }

        Array.Copy(tokens, from, _tokens, Count, count);
        if (states != null)
        {
            Array.Copy(states, from, _states ??= new string?[_tokens.Length], Count, count);
        }

        if (shift == 0)
        {
            Array.Copy(starts, from, _starts, Count, count);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                _starts[Count + i] = starts[from + i] + shift;
            }
        }

        Count += count;
    }

    public (TemplateToken[] Tokens, int[] Starts, string?[]? States) ToArrays()
    {
        if (Count != _tokens.Length)
        {
            Array.Resize(ref _tokens, Count);
            Array.Resize(ref _starts, Count);
            if (_states != null) Array.Resize(ref _states, Count);
        }

        return (_tokens, _starts, _states);
    }
}
