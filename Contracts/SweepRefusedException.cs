namespace AslSweep.Contracts;

/// <summary>
/// A sweep the coordinator will not start: an invalid spec, an id already taken by another spec, or the cluster's
/// limit of running sweeps. The typed error of the grain boundary: clients tell a refusal (bad input) from a
/// failure by its type, not by its message.
/// </summary>
[GenerateSerializer]
[Alias("aslsweep.SweepRefusedException")]
public sealed class SweepRefusedException : Exception
{
    /// <summary>A refusal without a reason (for the serializer).</summary>
    public SweepRefusedException()
    {
    }

    /// <summary>A refusal saying why.</summary>
    public SweepRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal saying why, with its cause.</summary>
    public SweepRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
