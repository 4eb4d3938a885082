namespace DjangoLsp.Analysis.Engine;

/// <summary>How loud a finding is. Numeric values match LSP's DiagnosticSeverity so the protocol layer maps 1:1.</summary>
public enum Severity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public static class SeverityNames
{
    public static string ToName(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information => "information",
        _ => "hint",
    };

    /// <summary>Parses "error", "warning", "info"/"information", "hint" (case-insensitive).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "info": case "information": severity = Severity.Information; return true;
            case "hint": severity = Severity.Hint; return true;
            default: severity = Severity.Hint; return false;
        }
    }
}
