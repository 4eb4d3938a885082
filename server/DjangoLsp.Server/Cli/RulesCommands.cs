using System.CommandLine;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Docs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Cli;

/// <summary><c>rules</c>, <c>explain RULE</c> and <c>docs generate</c>: everything about the rule catalog.</summary>
public static class RulesCommands
{
    public static Command CreateRules(CliApp app)
    {
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List every rule.") { format };
        command.SetAction(parseResult =>
        {
            var rules = app.CreateEngine().Catalog.All;
            if (parseResult.GetValue(format) == "json") WriteJson(rules, app.Output);
            else
            {
                WriteTable(rules, app.Output);
                app.Output.WriteLine();
                app.Output.WriteLine(DjangoLsp.Analysis.Dependencies.Advisories.AdvisoryStore.Describe());
            }
            return CliApp.ExitClean;
        });
        return command;
    }

    public static Command CreateExplain(CliApp app)
    {
        var rule = new Argument<string>("rule") { Description = "Rule id (DJ101) or name." };
        var command = new Command("explain", "Print a rule's documentation (markdown).") { rule };
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(rule) ?? "";
            var found = app.CreateEngine().Catalog.Find(id) ?? throw new CliUsageException($"unknown rule '{id}' (see djangolsp rules)");
            app.Output.Write(RuleDocsGenerator.Page(found));
            return CliApp.ExitClean;
        });
        return command;
    }

    public static Command CreateDocs(CliApp app)
    {
        var output = new Option<string>("--out") { Description = "Folder for the generated pages.", DefaultValueFactory = _ => Path.Combine("docs", "rules") };
        var generate = new Command("generate", "Write one markdown page per rule plus an index.") { output };
        generate.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(output)!;
            var catalog = app.CreateEngine().Catalog;
            RuleDocsGenerator.Write(catalog, folder);
            app.Error.WriteLine($"Wrote {catalog.All.Count} rule pages and the index to {folder}.");
            return CliApp.ExitClean;
        });
        return new Command("docs", "Rule documentation.") { generate };
    }

    private static void WriteTable(IReadOnlyList<RuleDescriptor> rules, TextWriter writer)
    {
        var rows = new List<string[]> { new[] { "ID", "SEVERITY", "CATEGORY", "OWASP 2021", "OWASP 2025", "CWE", "NAME" } };
        rows.AddRange(rules.Select(r => new[]
        {
            r.Id, r.DefaultSeverity.ToName(), r.Category, string.Join(",", r.Owasp2021), string.Join(",", r.Owasp2025),
            string.Join(",", r.Cwe.Select(c => "CWE-" + c)), r.Name,
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
            writer.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        writer.WriteLine(rules.Count == 1 ? "1 rule." : $"{rules.Count} rules.");
    }

    private static void WriteJson(IReadOnlyList<RuleDescriptor> rules, TextWriter writer)
    {
        var array = new JArray(rules.Select(r => new JObject
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["severity"] = r.DefaultSeverity.ToName(),
            ["category"] = r.Category,
            ["owasp2021"] = new JArray(r.Owasp2021),
            ["owasp2025"] = new JArray(r.Owasp2025),
            ["cwe"] = new JArray(r.Cwe),
            ["summary"] = r.Summary,
        }));
        writer.WriteLine(array.ToString(Formatting.Indented));
    }
}
