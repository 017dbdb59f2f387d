using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Model;

/// <summary>A Keras-like model summary computed from a real forward pass of the model.</summary>
/// <param name="Rows">One row per layer shown by Keras (activations folded into their layer).</param>
public sealed record ModelSummary(IReadOnlyList<ModelSummaryRow> Rows)
{
    /// <summary>Total parameters.</summary>
    public long Total => Rows.Sum(r => r.Parameters);

    /// <summary>Non-trainable parameters.</summary>
    public long NonTrainable => Rows.Sum(r => r.NonTrainable);

    /// <summary>Trainable parameters.</summary>
    public long Trainable => Total - NonTrainable;

    /// <summary>Runs one image through <paramref name="model"/> layer by layer to record shapes and counts.</summary>
    public static ModelSummary Of(SignCnn model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        var rows = new List<ModelSummaryRow>();
        Tensor x = zeros(1, 1, 28, 28);
        foreach (var (name, layer) in model.Layers)
        {
            x = layer.forward(x);
            if (layer is ReLU)
            {
                continue; // Keras folds the activation into Conv2D/Dense.
            }

            long parameters = layer.parameters().Sum(p => p.numel());
            long nonTrainable = 0;
            if (layer is KerasBatchNorm2d norm)
            {
                nonTrainable = norm.RunningMean.numel() + norm.RunningVar.numel();
                parameters += nonTrainable;
            }

            rows.Add(new ModelSummaryRow(name, KindOf(layer), KerasShape(x.shape), parameters, nonTrainable));
        }

        if (wasTraining)
        {
            model.train();
        }

        return new ModelSummary(rows);
    }

    private static string KindOf(object layer) => layer switch
    {
        Conv2d => "Conv2D",
        KerasBatchNorm2d => "BatchNormalization",
        MaxPool2d => "MaxPooling2D",
        SeededDropout => "Dropout",
        Flatten => "Flatten",
        Linear => "Dense",
        _ => layer.GetType().Name,
    };

    private static string KerasShape(long[] shape) => shape.Length == 4
        ? $"(None, {shape[2]}, {shape[3]}, {shape[1]})"
        : $"(None, {string.Join(", ", shape.Skip(1))})";
}
