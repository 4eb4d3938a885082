namespace DjangoLsp.Analysis.Engine;

/// <summary>All rules known to a set of analyzers, by id. Ids are unique; a duplicate is a programming error.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleDescriptor> _byId = new(StringComparer.OrdinalIgnoreCase);

    public RuleCatalog(IEnumerable<IDocumentAnalyzer> analyzers)
    {
        foreach (var rule in analyzers.SelectMany(a => a.SupportedRules))
        {
            if (_byId.TryGetValue(rule.Id, out var existing))
            {
                if (!ReferenceEquals(existing, rule) && existing != rule)
                    throw new InvalidOperationException($"Rule id {rule.Id} is declared twice ({existing.Name}, {rule.Name}).");
                continue;
            }
            if (!RuleCategory.All.Contains(rule.Category))
                throw new InvalidOperationException($"Rule {rule.Id} has category '{rule.Category}', which is not in the fixed vocabulary.");
            _byId.Add(rule.Id, rule);
        }
    }

    /// <summary>Rules ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> All => _byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public RuleDescriptor? Find(string idOrName) =>
        _byId.TryGetValue(idOrName, out var rule)
            ? rule
            : _byId.Values.FirstOrDefault(r => r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
