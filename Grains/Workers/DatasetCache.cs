using System.Collections.Concurrent;
using AslSweep.Contracts;
using AslSweep.Sweeps.Specs;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace AslSweep.Grains.Workers;

/// <summary>
/// Loads each data set once per silo and copies it to each device once, keyed by the data spec and then by the
/// data's fingerprint; every trial of every sweep on that data shares the copies. A failed load is not cached.
/// </summary>
public sealed class DatasetCache(IOptions<SweepLimitsOptions> limits, ILogger<DatasetCache> logger) : IDisposable
{
    private readonly ConcurrentDictionary<DataSpec, Lazy<TrainingData>> _host = new();
    private readonly ConcurrentDictionary<(string Fingerprint, string Device), Lazy<DeviceDataset>> _device = new();

    /// <summary>The data of <paramref name="spec"/>, read or generated on first use.</summary>
    public TrainingData Load(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Get(_host, spec, () =>
        {
            var labels = spec.Labels;
            var synthetic = new SyntheticSignMnistOptions { TrainPerClass = spec.SyntheticTrainPerClass, ValidPerClass = spec.SyntheticValidPerClass, Seed = spec.SyntheticSeed };
            var data = spec.Synthetic
                ? TrainingData.Load(null, null, labels, synthetic)
                : TrainingData.Load(Confine(spec.Train, "data.train"), Confine(spec.Valid, "data.valid"), labels, synthetic, new SignMnistCsvReader { MaxBytes = limits.Value.MaxCsvBytes, MaxRows = limits.Value.MaxCsvRows });
            logger.LogInformation("Loaded {Source}: {Train} training, {Valid} validation images", data.Train.Source, data.Train.Count, data.Valid.Count);
            return data;
        });
    }

    // Checked again at load time: the file may have changed since the spec was admitted.
    private string? Confine(string? path, string field) =>
        path is null ? null : DataPaths.Confine(path, limits.Value.DataRoot, field) switch
        {
            (string real, null) => real,
            (_, var problem) => throw new DataFormatException([new DataError(path, 0, 0, problem!)], truncated: false),
        };

    /// <summary>The device copies of <paramref name="data"/>'s two sets.</summary>
    public (DeviceDataset Train, DeviceDataset Valid) OnDevice(TrainingData data, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(device);
        return (Copy(data.Train, device), Copy(data.Valid, device));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var entry in _device.Values.Where(l => l.IsValueCreated))
        {
            entry.Value.Dispose();
        }

        _device.Clear();
    }

    private DeviceDataset Copy(SignMnistImages images, Device device) =>
        Get(_device, (images.Fingerprint, device.ToString()), () => DeviceDataset.Create(images, device));

    private static TValue Get<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<TValue>> map, TKey key, Func<TValue> create)
        where TKey : notnull
    {
        var lazy = map.GetOrAdd(key, _ => new Lazy<TValue>(create, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            map.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            throw;
        }
    }
}
