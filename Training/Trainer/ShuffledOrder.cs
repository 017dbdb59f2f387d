using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>The order in which a pass reads a dataset: a permutation drawn from a seed, so a resumed run reads the same.</summary>
public static class ShuffledOrder
{
    /// <summary>A permutation of 0..<paramref name="count"/>-1 drawn from <paramref name="seed"/> (Fisher-Yates, .NET's Random), on <paramref name="device"/>.</summary>
    public static Tensor Of(int count, long seed, Device device)
    {
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var order = new long[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return tensor(order, device: device);
    }
}
