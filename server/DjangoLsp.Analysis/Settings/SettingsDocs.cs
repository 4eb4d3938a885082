namespace DjangoLsp.Analysis.Settings;

/// <summary>Builds the markdown documentation of settings rules in one shape (what, why, example, fix, references).</summary>
public static class SettingsDocs
{
    public const string ChecklistUrl = "https://docs.djangoproject.com/en/stable/howto/deployment/checklist/";
    public const string ChecksUrl = "https://docs.djangoproject.com/en/stable/ref/checks/#security";
    public const string SettingsUrl = "https://docs.djangoproject.com/en/stable/ref/settings/";
    internal const string BeyondDjangoMarker = "Django's `check --deploy` does not report this";
    public const string BeyondDjangoMarkerText = BeyondDjangoMarker;
    /// <summary>Marks checks Django added after 3.2, the Django the parity tests run (<c>check --deploy</c> of Debian's python3-django).</summary>
    internal const string NewerDjangoMarker = "beyond the installed Django 3.2";

    /// <param name="djangoIds">The <c>check --deploy</c> ids this rule mirrors; empty when it goes beyond Django.</param>
    /// <param name="newerThanDjango32">The Django check appeared in Django 4.0 (see <paramref name="addedInDjango"/> for later versions).</param>
    /// <param name="addedInDjango">The Django version that added the check, when later than 3.2 (e.g. "4.1").</param>
    public static string Build(string what, string why, string vulnerable, string fixedExample, IReadOnlyList<string> djangoIds,
        string settingAnchor, string? extraReference = null, bool newerThanDjango32 = false, string? note = null, string? addedInDjango = null)
    {
        addedInDjango ??= newerThanDjango32 ? "4.0" : null;
        var ids = djangoIds.Count > 0
            ? $"Django's deployment check: {string.Join(", ", djangoIds.Select(i => $"`{i}`"))} (`python manage.py check --deploy`)." +
              (addedInDjango != null ? $" This check was added in Django {addedInDjango}, {NewerDjangoMarker} that DjangoLsp's parity tests compare with." : "")
            : $"{BeyondDjangoMarker}; DjangoLsp goes beyond Django's checks here.";
        if (note != null) ids += " " + note;
        var refs = $"- [Deployment checklist]({ChecklistUrl})\n- [System check framework: security]({ChecksUrl})\n- [Settings reference]({SettingsUrl}#{settingAnchor})";
        if (extraReference != null) refs += "\n- " + extraReference;
        return $"""
            ## What it does
            {what}

            {ids}

            ## Why it matters
            {why}

            ## Example
            ```python
            {vulnerable}
            ```

            ## Fix
            ```python
            {fixedExample}
            ```

            Only deployed settings are checked: development modules (`local.py`, `dev.py`, `test.py`, ...) are skipped,
            and a shared `base.py` is reported only for what the production module inherits from it.

            ## References
            {refs}
            """;
    }
}
