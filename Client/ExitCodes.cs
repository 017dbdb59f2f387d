using AslSweep.Contracts;

namespace AslSweep.Client;

/// <summary>Process exit codes of <c>aslsweep</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work ran but failed (a training run diverged).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: command line, data file, spec or configuration.</summary>
    public const int BadInput = 2;

    /// <summary>The cluster cannot be reached, or was lost (a sweep runs on without the client).</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>Interrupted by the user (Ctrl+C); what was computed is kept.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code of a refused sweep: every refusal is bad input (the spec, the id or the moment).</summary>
    public static int For(SweepRefusal reason) => reason switch
    {
        SweepRefusal.InvalidSpec or SweepRefusal.IdTaken or SweepRefusal.ClusterBusy => BadInput,
        _ => Failed,
    };
}
