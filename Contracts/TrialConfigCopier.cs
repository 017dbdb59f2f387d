using Orleans.Serialization.Cloning;

namespace AslSweep.Contracts;

/// <summary>A <see cref="TrialConfig"/> is immutable: a call within a silo shares it instead of copying.</summary>
[RegisterCopier]
public sealed class TrialConfigCopier : IDeepCopier<TrialConfig>
{
    /// <inheritdoc />
    public TrialConfig? DeepCopy(TrialConfig? input, CopyContext context) => input;
}
