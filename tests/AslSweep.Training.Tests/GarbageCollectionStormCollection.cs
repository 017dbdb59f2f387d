namespace AslSweep.Training.Tests;

/// <summary>
/// The tests that run a <see cref="GarbageCollectionStorm"/>: one at a time and apart from every other test,
/// since a storm slows the whole process down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GarbageCollectionStormCollection
{
    public const string Name = "garbage collection storm";
}
