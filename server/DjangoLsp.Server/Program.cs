using DjangoLsp.Server.Cli;

return CliApp.Run(args);
