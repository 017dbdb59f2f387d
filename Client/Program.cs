using Spectre.Console;
using AslSweep.Client;
using Spectre.Console.Cli;

// With no terminal (pipes, CI logs) Spectre assumes 80 columns and wraps; logs read better unwrapped.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

var app = new CommandApp();
app.Configure(AslSweepCli.Configure);
return app.Run(args);
