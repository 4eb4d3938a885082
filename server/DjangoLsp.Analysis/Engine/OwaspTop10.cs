namespace DjangoLsp.Analysis.Engine;

/// <summary>OWASP Top 10 items (2021 and 2025) with their titles and links, for hovers, docs and SARIF tags.</summary>
public static class OwaspTop10
{
    private static readonly Dictionary<string, (string Title, string Url)> Items = new(StringComparer.Ordinal)
    {
        ["A01:2021"] = ("Broken Access Control", "https://owasp.org/Top10/A01_2021-Broken_Access_Control/"),
        ["A02:2021"] = ("Cryptographic Failures", "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/"),
        ["A03:2021"] = ("Injection", "https://owasp.org/Top10/A03_2021-Injection/"),
        ["A04:2021"] = ("Insecure Design", "https://owasp.org/Top10/A04_2021-Insecure_Design/"),
        ["A05:2021"] = ("Security Misconfiguration", "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/"),
        ["A06:2021"] = ("Vulnerable and Outdated Components", "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/"),
        ["A07:2021"] = ("Identification and Authentication Failures", "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/"),
        ["A08:2021"] = ("Software and Data Integrity Failures", "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/"),
        ["A09:2021"] = ("Security Logging and Monitoring Failures", "https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/"),
        ["A10:2021"] = ("Server-Side Request Forgery (SSRF)", "https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/"),
        ["A01:2025"] = ("Broken Access Control", "https://owasp.org/Top10/2025/A01_2025-Broken_Access_Control/"),
        ["A02:2025"] = ("Security Misconfiguration", "https://owasp.org/Top10/2025/A02_2025-Security_Misconfiguration/"),
        ["A03:2025"] = ("Software Supply Chain Failures", "https://owasp.org/Top10/2025/A03_2025-Software_Supply_Chain_Failures/"),
        ["A04:2025"] = ("Cryptographic Failures", "https://owasp.org/Top10/2025/A04_2025-Cryptographic_Failures/"),
        ["A05:2025"] = ("Injection", "https://owasp.org/Top10/2025/A05_2025-Injection/"),
        ["A06:2025"] = ("Insecure Design", "https://owasp.org/Top10/2025/A06_2025-Insecure_Design/"),
        ["A07:2025"] = ("Authentication Failures", "https://owasp.org/Top10/2025/A07_2025-Authentication_Failures/"),
        ["A08:2025"] = ("Software or Data Integrity Failures", "https://owasp.org/Top10/2025/A08_2025-Software_or_Data_Integrity_Failures/"),
        ["A09:2025"] = ("Security Logging and Alerting Failures", "https://owasp.org/Top10/2025/A09_2025-Security_Logging_and_Alerting_Failures/"),
        ["A10:2025"] = ("Mishandling of Exceptional Conditions", "https://owasp.org/Top10/2025/A10_2025-Mishandling_of_Exceptional_Conditions/"),
    };

    public static bool IsKnown(string id) => Items.ContainsKey(id);

    public static string Title(string id) => Items.TryGetValue(id, out var item) ? item.Title : id;

    public static string Url(string id) => Items.TryGetValue(id, out var item) ? item.Url : "https://owasp.org/Top10/";

    /// <summary>SARIF/GitHub tag form: <c>owasp-2021:A03</c>.</summary>
    public static string Tag(string id)
    {
        var parts = id.Split(':');
        return parts.Length == 2 ? $"owasp-{parts[1]}:{parts[0]}" : "owasp:" + id;
    }

    public static string CweUrl(int cwe) => $"https://cwe.mitre.org/data/definitions/{cwe}.html";
}
