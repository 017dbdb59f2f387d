using System.Collections.Immutable;
using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Grains.Sweeps;

/// <summary>Every parameter a sweep may vary, by name.</summary>
public static class ParameterCatalog
{
    private static readonly ImmutableArray<string> None = [];

    /// <summary>The definitions by snake_case name.</summary>
    public static ImmutableDictionary<string, ParameterDefinition> All { get; } = new[]
    {
        new ParameterDefinition("conv_dropout", ParameterKind.Float, 0, 1, true, None, (c, v) => c with { ConvDropout = D(v) }),
        new ParameterDefinition("dense_dropout", ParameterKind.Float, 0, 1, true, None, (c, v) => c with { DenseDropout = D(v) }),
        new ParameterDefinition("filters", ParameterKind.IntList, 1, 1024, false, None, (c, v) => c with { Filters = [.. v.Split(',').Select(I)] }),
        new ParameterDefinition("dense_units", ParameterKind.Int, 1, 65536, false, None, (c, v) => c with { DenseUnits = I(v) }),
        new ParameterDefinition("kernel_size", ParameterKind.Int, 1, 27, false, None, (c, v) => c with { KernelSize = I(v) }),
        new ParameterDefinition("epochs", ParameterKind.Int, 1, 1000, false, None, (c, v) => c with { Epochs = I(v) }),
        new ParameterDefinition("batch_size", ParameterKind.Int, 1, 4096, false, None, (c, v) => c with { BatchSize = I(v) }),
        new ParameterDefinition("optimizer", ParameterKind.Choice, 0, 0, false, ["rmsprop", "adam", "sgd"], (c, v) => c with { Optimizer = v }),
        new ParameterDefinition("learning_rate", ParameterKind.Float, 1e-7, 10, false, None, (c, v) => c with { LearningRate = D(v) }),
        new ParameterDefinition("augment", ParameterKind.Strength, 0, 5, false, None, (c, v) => c with { Augment = v switch { "true" => 1, "false" => 0, _ => D(v) } }),
        new ParameterDefinition("lr_schedule", ParameterKind.Choice, 0, 0, false, ["none", "reduce_on_plateau", "cosine"], (c, v) => c with { LrSchedule = v }),
        new ParameterDefinition("batch_norm", ParameterKind.Bool, 0, 0, false, None, (c, v) => c with { BatchNorm = v == "true" }),
        new ParameterDefinition("seed", ParameterKind.Int, 0, int.MaxValue, false, None, (c, v) => c with { Seed = I(v) }),
        new ParameterDefinition("weight_decay", ParameterKind.Float, 0, 1, true, None, (c, v) => c with { WeightDecay = D(v) }),
        new ParameterDefinition("bn_stats", ParameterKind.Choice, 0, 0, false, ["auto", "moving", "recomputed"], (c, v) => c with { BnStats = v }),
        new ParameterDefinition("label_smoothing", ParameterKind.Float, 0, 1, true, None, (c, v) => c with { LabelSmoothing = D(v) }),
    }.ToImmutableDictionary(p => p.Name);

    /// <summary>Applies name=value to a configuration (the value must have passed <see cref="ParameterDefinition.Check"/>).</summary>
    public static TrialConfig Apply(TrialConfig config, string name, string value) => All[name].Apply(config, value);

    private static double D(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int I(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
