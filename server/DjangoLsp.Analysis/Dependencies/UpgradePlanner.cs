using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Dependencies.Versions;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>
/// Chooses the version a vulnerable pin should move to: the lowest release in the pin's series (same epoch,
/// major and minor) that fixes every advisory; when the series has no fix for one of them, the lowest fix in a
/// later series that still receives security fixes (not safe for fix-all: it is a feature upgrade). Only versions the advisories name as fixes are
/// proposed, so the target is a real release.
/// </summary>
public static class UpgradePlanner
{
    public sealed record Plan(PythonVersion Target, bool StaysInSeries, IReadOnlyList<Advisory> Unfixable);

    public static Plan? For(PythonVersion pinned, IReadOnlyList<Advisory> packageAdvisories)
    {
        var unfixable = new List<Advisory>();
        var target = pinned;
        var staysInSeries = true;
        for (var round = 0; round < 64; round++)
        {
            var affecting = packageAdvisories.Where(a => !unfixable.Contains(a) && a.Affects(target)).ToList();
            if (affecting.Count == 0) break;
            PythonVersion? next = null;
            foreach (var advisory in affecting)
            {
                var fixes = advisory.FixedVersions.Where(f => f > target && !f.IsPrerelease).ToList();
                if (fixes.Count == 0) { unfixable.Add(advisory); continue; }
                var inSeries = fixes.Where(f => SameSeries(f, pinned)).ToList();
                PythonVersion choice;
                if (inSeries.Count > 0) choice = inSeries.Min()!;
                else
                {
                    staysInSeries = false;
                    choice = MaintainedFix(target, packageAdvisories) is { } maintained && maintained >= fixes.Min()! ? maintained : fixes.Min()!;
                }
                if (next == null || choice > next) next = choice;
            }
            if (next == null) break;
            target = next;
        }
        return target.Equals(pinned) ? null : new Plan(target, staysInSeries, unfixable);
    }

    /// <summary>
    /// Leaving a series, the next series may be out of support too (advisories stop naming end-of-life series, so they
    /// look clean). The newest advisory's fixes are the series that still get security releases: move to the lowest
    /// of those above <paramref name="target"/>.
    /// </summary>
    private static PythonVersion? MaintainedFix(PythonVersion target, IReadOnlyList<Advisory> packageAdvisories) =>
        packageAdvisories
            .Where(a => a.FixedVersions.Any(f => f > target && !f.IsPrerelease))
            .OrderByDescending(a => a.Published, StringComparer.Ordinal)
            .Select(a => a.FixedVersions.Where(f => f > target && !f.IsPrerelease).Min())
            .FirstOrDefault();

    /// <summary>Same epoch and first two release numbers (Django's feature release: 4.2.x).</summary>
    public static bool SameSeries(PythonVersion a, PythonVersion b) =>
        a.Epoch == b.Epoch && Segment(a, 0) == Segment(b, 0) && Segment(a, 1) == Segment(b, 1);

    private static long Segment(PythonVersion v, int i) => i < v.Release.Count ? v.Release[i] : 0;
}
