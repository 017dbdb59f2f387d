using System.Globalization;
using AslSweep.Training.Trainer;
using Spectre.Console;

namespace AslSweep.Client.Output;

/// <summary>A progress bar per epoch and a Keras-like line when each epoch ends.</summary>
public static class ConsoleTrainingProgress
{
    /// <summary>Runs <paramref name="train"/> (synchronously, on this thread) inside a live progress display.</summary>
    public static TrainingResult Run(int epochs, Func<ITrainingObserver, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => train(new Observer(context, epochs)));
    }

    /// <summary>The Keras-like epoch line, e.g. "Epoch 3/20 - 12.1s - loss: 0.1234 - accuracy: 0.9650 - val_loss: ...".</summary>
    public static string EpochLine(EpochMetrics m, int epochs)
    {
        ArgumentNullException.ThrowIfNull(m);
        return string.Create(CultureInfo.InvariantCulture, $"Epoch {m.Epoch}/{epochs} - {m.Seconds:F1}s - {m.SamplesPerSecond:F0} img/s - loss: {m.TrainLoss:F4} - accuracy: {m.TrainAccuracy:F4} - val_loss: {m.ValLoss:F4} - val_accuracy: {m.ValAccuracy:F4} - recomputed_val_loss: {m.RecomputedValLoss:F4} - recomputed_val_accuracy: {m.RecomputedValAccuracy:F4} - lr: {m.LearningRate:G3}");
    }

    private sealed class Observer(ProgressContext context, int epochs) : ITrainingObserver
    {
        private ProgressTask? _task;
        private int _epoch;

        public void OnBatch(BatchProgress progress)
        {
            if (_task is null || _epoch != progress.Epoch)
            {
                _epoch = progress.Epoch;
                _task = context.AddTask($"Epoch {progress.Epoch}/{epochs}", maxValue: progress.Batches);
            }

            _task.Value = progress.Batch;
            _task.Description = string.Create(CultureInfo.InvariantCulture, $"Epoch {progress.Epoch}/{epochs} loss {progress.Loss:F3} acc {progress.Accuracy:F3}");
        }

        public void OnEpoch(EpochMetrics metrics)
        {
            if (_task is not null)
            {
                _task.Description = $"Epoch {metrics.Epoch}/{epochs}";
                _task.StopTask();
            }

            // Plain Console: Spectre would wrap the long line at the terminal width.
            Console.WriteLine(EpochLine(metrics, epochs));
        }
    }
}
