if (DjangoLsp.Benchmarks.PythonConsoleModes.TryRun(args)) return;
if (DjangoLsp.Benchmarks.TemplateConsoleModes.TryRun(args)) return;
if (DjangoLsp.Benchmarks.WorkspaceConsoleModes.TryRun(args)) return;
if (DjangoLsp.Benchmarks.SemanticsConsoleModes.TryRun(args)) return;
if (DjangoLsp.Benchmarks.RuleConsoleModes.TryRun(args)) return;
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
