using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// A sweep the coordinator will not start, with its <see cref="Reason"/> and <see cref="Problems"/> as data:
/// the typed error of the grain boundary. The CLI maps the reason to its exit code in one place.
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

    /// <summary>A refusal for <paramref name="reason"/>, each problem one line of the message.</summary>
    public SweepRefusedException(SweepRefusal reason, string summary, IEnumerable<string> problems)
        : this(reason, summary, [.. problems])
    {
    }

    private SweepRefusedException(SweepRefusal reason, string summary, ImmutableArray<string> problems)
        : base(problems.IsEmpty ? summary : summary + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Reason = reason;
        Problems = problems;
    }

    /// <summary>Why the sweep was refused.</summary>
    [Id(0)]
    public SweepRefusal Reason { get; private set; }

    /// <summary>Each problem, naming its spec path or setting; empty when the summary says it all.</summary>
    [Id(1)]
    public ImmutableArray<string> Problems { get; private set; } = [];
}
