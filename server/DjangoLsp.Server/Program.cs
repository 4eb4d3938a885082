using DjangoLsp.Server.Cli;

CliApp.MainStarted = System.Diagnostics.Stopwatch.GetTimestamp();
return CliApp.Run(args);
