using System.ComponentModel;
using AslSweep.Client.Cluster;
using AslSweep.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep submit &lt;spec&gt;</c>: starts a sweep on a running cluster and prints its id.</summary>
public sealed class SubmitCommand : AsyncCommand<SubmitCommand.Settings>
{
    /// <summary>Options of <c>submit</c>.</summary>
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("A sweep spec file (YAML or JSON), or the name of an embedded one: default, full, baseline, random-lr.")]
        public string Spec { get; init; } = "";

        [CommandOption("--id <ID>")]
        [Description("The sweep id (default: name-time-random).")]
        public string? Id { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SweepSpec spec = EmbeddedSpecs.Resolve(settings.Spec);
        string id = settings.Id ?? SweepIds.New(spec.Name, DateTimeOffset.UtcNow);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var status = await cluster.Client.GetGrain<ISweepCoordinatorGrain>(id).Start(spec);
        AnsiConsole.MarkupLineInterpolated($"Submitted sweep {status.Name} with {status.Trials.Length} trials. Watch it with: aslsweep watch {id}");
        Console.WriteLine(id);
        return ExitCodes.Ok;
    }
}
