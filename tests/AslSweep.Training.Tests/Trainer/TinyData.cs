using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Trainer;

/// <summary>A tiny synthetic data set on the CPU, shared by the training tests of a class.</summary>
public sealed class TinyData : IDisposable
{
    public TinyData()
    {
        var (train, valid) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = 4, ValidPerClass = 2, Seed = 11 });
        Train = DeviceDataset.Create(train, CPU);
        Valid = DeviceDataset.Create(valid, CPU);
    }

    public DeviceDataset Train { get; }

    public DeviceDataset Valid { get; }

    /// <summary>The seed architecture trained for a few epochs with a small batch.</summary>
    public static TrainingConfig Config(int epochs = 3) => new() { Epochs = epochs, BatchSize = 16, Seed = 5 };

    public void Dispose()
    {
        Train.Dispose();
        Valid.Dispose();
    }
}
