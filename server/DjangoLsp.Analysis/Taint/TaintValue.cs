using System.Collections.Immutable;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Taint;

/// <summary>Where a value may come from, in increasing order of concern.</summary>
public enum TaintOrigin
{
    /// <summary>Constants, sanitized values, trusted configuration.</summary>
    None = 0,
    /// <summary>Non-constant data whose origin is not known (parameters of non-views, database values, unknown calls).</summary>
    Unknown = 1,
    /// <summary>Data from the HTTP request (query string, body, cookies, headers, path, uploads).</summary>
    Request = 2,
}

/// <summary>The kinds of sink a sanitizer can make a value safe for.</summary>
public enum SinkKind
{
    Sql = 0,
    Html = 1,
    Command = 2,
    Path = 3,
    Redirect = 4,
    Ssrf = 5,
    Code = 6,
    Deserialization = 7,
}

/// <summary>
/// The taint of a value: an origin per <see cref="SinkKind"/> (2 bits each, so a value escaped for HTML is
/// still request data for SQL), plus the trace of how request data got here (source first).
/// </summary>
public readonly record struct TaintValue(uint Bits, ImmutableList<RelatedLocation> Trace)
{
    private const int Kinds = 8;
    private static readonly uint AllUnknown = Repeat(TaintOrigin.Unknown);
    private static readonly uint AllRequest = Repeat(TaintOrigin.Request);

    public static TaintValue Clean => new(0, ImmutableList<RelatedLocation>.Empty);
    public static TaintValue Unknown => new(AllUnknown, ImmutableList<RelatedLocation>.Empty);

    public static TaintValue FromRequest(RelatedLocation source) => new(AllRequest, ImmutableList.Create(source));

    private static uint Repeat(TaintOrigin origin)
    {
        uint bits = 0;
        for (var i = 0; i < Kinds; i++) bits |= (uint)origin << (2 * i);
        return bits;
    }

    public TaintOrigin OriginFor(SinkKind kind) => (TaintOrigin)((Bits >> (2 * (int)kind)) & 3);

    /// <summary>The highest origin over all sink kinds.</summary>
    public TaintOrigin MaxOrigin
    {
        get
        {
            var max = TaintOrigin.None;
            for (var i = 0; i < Kinds; i++)
            {
                var o = (TaintOrigin)((Bits >> (2 * i)) & 3);
                if (o > max) max = o;
            }
            return max;
        }
    }

    public bool IsClean => Bits == 0;

    /// <summary>The value after a sanitizer for <paramref name="kinds"/>.</summary>
    public TaintValue Sanitize(params SinkKind[] kinds)
    {
        var bits = Bits;
        foreach (var kind in kinds) bits &= ~(3u << (2 * (int)kind));
        return this with { Bits = bits };
    }

    /// <summary>Per-kind maximum; keeps the trace of the more dangerous side.</summary>
    public static TaintValue Join(TaintValue a, TaintValue b)
    {
        if (a.Bits == 0 && a.Trace.IsEmpty) return b;
        if (b.Bits == 0 && b.Trace.IsEmpty) return a;
        uint bits = 0;
        for (var i = 0; i < Kinds; i++)
        {
            var x = (a.Bits >> (2 * i)) & 3;
            var y = (b.Bits >> (2 * i)) & 3;
            bits |= Math.Max(x, y) << (2 * i);
        }
        var trace = a.MaxOrigin >= b.MaxOrigin ? (a.Trace.IsEmpty ? b.Trace : a.Trace) : (b.Trace.IsEmpty ? a.Trace : b.Trace);
        return new TaintValue(bits, trace);
    }

    /// <summary>Adds a step to the trace (only for values that carry request data).</summary>
    public TaintValue WithStep(RelatedLocation step) => TakesStep ? this with { Trace = Trace.Add(step) } : this;

    /// <summary>
    /// Whether <see cref="WithStep"/> would add a step: callers whose step message costs something to build (a helper's
    /// file and line) build it only then; most values passing through helpers are not request data.
    /// </summary>
    public bool TakesStep => MaxOrigin == TaintOrigin.Request && !Trace.IsEmpty && Trace.Count < 16;

    /// <summary>
    /// This (argument) value after a helper whose parameter-to-return <paramref name="transfer"/> was computed with the
    /// parameter as request data: per sink kind the argument's origin survives where the transfer is request data. The
    /// trace is the argument's, then <paramref name="step"/> (the call), then the helper's own steps after its marker.
    /// </summary>
    public TaintValue Through(TaintValue transfer, RelatedLocation step)
    {
        uint bits = 0;
        for (var i = 0; i < Kinds; i++)
            if (((transfer.Bits >> (2 * i)) & 3) == (uint)TaintOrigin.Request) bits |= ((Bits >> (2 * i)) & 3) << (2 * i);
        var result = new TaintValue(bits, Trace);
        if (result.MaxOrigin != TaintOrigin.Request || Trace.IsEmpty) return result with { Trace = result.MaxOrigin == TaintOrigin.Request ? Trace : ImmutableList<RelatedLocation>.Empty };
        var trace = Trace.Add(step).AddRange(transfer.Trace.Skip(1));
        return result with { Trace = trace.Count <= MaxTrace ? trace : trace.RemoveRange(1, trace.Count - MaxTrace) };
    }

    private const int MaxTrace = 24;

    /// <summary>Equality for the data-flow fixpoint: bits only (traces do not change convergence).</summary>
    public bool SameTaint(TaintValue other) => Bits == other.Bits;
}
