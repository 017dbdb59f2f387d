using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using TorchSharp;

namespace AslSweep.Training.Model;

/// <summary>Classifies images with a trained model on the CPU, in batches.</summary>
public static class SignPredictor
{
    /// <summary>For each image, the most probable class index and its probability.</summary>
    public static (int Class, float Probability)[] Predict(SignCnn model, SignMnistImages images, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        model.eval();
        using var data = DeviceDataset.Create(images, torch.CPU);
        var results = new (int, float)[images.Count];
        for (int start = 0; start < images.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            int length = Math.Min(batchSize, images.Count - start);
            var probabilities = model.Probabilities(data.Images.narrow(0, start, length));
            var (values, indices) = probabilities.max(1);
            float[] p = values.data<float>().ToArray();
            long[] c = indices.data<long>().ToArray();
            for (int i = 0; i < length; i++)
            {
                results[start + i] = ((int)c[i], p[i]);
            }
        }

        return results;
    }
}
