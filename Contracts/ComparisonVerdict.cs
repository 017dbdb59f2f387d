namespace AslSweep.Contracts;

/// <summary>What the paired comparison of two configurations over their seeds says.</summary>
[GenerateSerializer]
[Alias("aslsweep.ComparisonVerdict")]
public enum ComparisonVerdict
{
    /// <summary>Not told apart: the interval of the difference includes 0, the test's p is at least 0.05 with seeds enough to go below it, or the difference is within the validation set's noise floor.</summary>
    NotToldApart = 0,

    /// <summary>Told apart: the interval excludes 0, p &lt; 0.05, and the difference is beyond the noise floor.</summary>
    ToldApart = 1,

    /// <summary>
    /// The interval of the difference excludes 0 and the difference is beyond the noise floor, but there are too few
    /// seeds for the sign-flip test to go below 0.05 whatever the differences (fewer than 6): more replicates decide.
    /// </summary>
    TooFewSeeds = 2,
}
