using System.ComponentModel;
using AslSweep.Client.Cluster;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary>Options of the verbs that act on one sweep.</summary>
public class SweepIdSettings : ClusterSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The sweep id (printed by submit; see list).")]
    public string Id { get; init; } = "";
}
