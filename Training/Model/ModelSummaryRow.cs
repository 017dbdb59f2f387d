namespace AslSweep.Training.Model;

/// <summary>One row of the Keras-like summary table.</summary>
/// <param name="Name">Keras-style layer name.</param>
/// <param name="Kind">Layer type, Keras wording.</param>
/// <param name="OutputShape">Output shape in Keras (NHWC) notation, e.g. (None, 28, 28, 75).</param>
/// <param name="Parameters">All parameters of the layer, as Keras counts them (BatchNorm moving statistics included).</param>
/// <param name="NonTrainable">Parameters not updated by the optimiser (BatchNorm moving mean and variance).</param>
public sealed record ModelSummaryRow(string Name, string Kind, string OutputShape, long Parameters, long NonTrainable);
