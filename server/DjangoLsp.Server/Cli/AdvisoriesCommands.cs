using System.CommandLine;
using DjangoLsp.Analysis.Dependencies.Advisories;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// <c>djangolsp advisories show|update --from DIR</c>: which vulnerability data the dependency rules use, and
/// loading a newer OSV export (JSON or the PyPA YAML layout) without rebuilding the product.
/// </summary>
public static class AdvisoriesCommands
{
    public static Command Create(CliApp app)
    {
        var from = new Option<string>("--from") { Description = "Folder holding an OSV export (osv.dev JSON files or the PyPA advisory-database layout).", Required = true };
        var update = new Command("update", "Install a newer advisory database from an OSV export folder.") { from };
        update.SetAction(parseResult =>
        {
            var dir = parseResult.GetValue(from)!;
            if (!Directory.Exists(dir)) throw new CliUsageException($"advisory folder not found: {dir}");
            var rc = AdvisoryStore.UpdateFrom(dir, app.Output);
            return rc == 0 ? CliApp.ExitClean : CliApp.ExitUsage;
        });
        var show = new Command("show", "Print which advisory snapshot is in use.");
        show.SetAction(_ =>
        {
            app.Output.WriteLine(AdvisoryStore.Describe());
            return CliApp.ExitClean;
        });
        return new Command("advisories", "The offline vulnerability database used by the dependency rules.") { show, update };
    }
}
