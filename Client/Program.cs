using AslSweep.Client;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(AslSweepCli.Configure);
return app.Run(args);
