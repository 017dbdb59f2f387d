using System.ComponentModel;
using System.Globalization;
using AslSweep.Client.Output;
using AslSweep.Training.Data;
using AslSweep.Training.Model;
using AslSweep.Training.Trainer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep train</c>: one training run like the notebook, with progress and metrics files.</summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>train</c>.</summary>
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--train <CSV>")]
        [Description("Training CSV (label,pixel1..pixel784). Omit with --valid to use the embedded synthetic data.")]
        public string? Train { get; init; }

        [CommandOption("--valid <CSV>")]
        [Description("Validation CSV.")]
        public string? Valid { get; init; }

        [CommandOption("--labels <MODE>")]
        [Description("Label convention: auto (the default: a 24 means Kaggle, a 9 contiguous), kaggle or contiguous.")]
        public string? Labels { get; init; }

        [CommandOption("--epochs <N>")]
        [DefaultValue(HyperparameterDefaults.Epochs)]
        public int Epochs { get; init; } = HyperparameterDefaults.Epochs;

        [CommandOption("--batch-size <N>")]
        [DefaultValue(HyperparameterDefaults.BatchSize)]
        public int BatchSize { get; init; } = HyperparameterDefaults.BatchSize;

        [CommandOption("--seed <N>")]
        [Description("Seed of initialisation, shuffling, dropout and augmentation.")]
        [DefaultValue(HyperparameterDefaults.Seed)]
        public int Seed { get; init; } = HyperparameterDefaults.Seed;

        [CommandOption("--optimizer <NAME>")]
        [Description("rmsprop (the default, with Keras's settings), adam or sgd.")]
        public string? Optimizer { get; init; }

        [CommandOption("--learning-rate <LR>")]
        [DefaultValue(HyperparameterDefaults.LearningRate)]
        public double LearningRate { get; init; } = HyperparameterDefaults.LearningRate;

        [CommandOption("--momentum <M>")]
        [Description("SGD momentum.")]
        [DefaultValue(0.9)]
        public double Momentum { get; init; } = 0.9;

        [CommandOption("--weight-decay <WD>")]
        [DefaultValue(HyperparameterDefaults.WeightDecay)]
        public double WeightDecay { get; init; } = HyperparameterDefaults.WeightDecay;

        [CommandOption("--label-smoothing <S>")]
        [DefaultValue(HyperparameterDefaults.LabelSmoothing)]
        public double LabelSmoothing { get; init; } = HyperparameterDefaults.LabelSmoothing;

        [CommandOption("--augment")]
        [Description("Random rotation (10 deg), zoom (0.1) and shift (0.1) of every training batch.")]
        public bool Augment { get; init; }

        [CommandOption("--augment-strength <S>")]
        [Description("Scales the augmentation ranges (with --augment); a sweep's augment parameter.")]
        [DefaultValue(1.0)]
        public double AugmentStrength { get; init; } = 1.0;

        [CommandOption("--hflip")]
        [Description("Also mirror images left-right (off by default: a mirrored hand is another signer's hand).")]
        public bool HorizontalFlip { get; init; }

        [CommandOption("--lr-schedule <NAME>")]
        [Description("none (the default), reduce_on_plateau or cosine.")]
        public string? LrSchedule { get; init; }

        [CommandOption("--bn-stats <NAME>")]
        [Description("BatchNorm statistics the run acts on (learning-rate plateau, early stopping, the saved model): moving (Keras's moving averages, the notebook's numbers), recomputed (recomputed for the current weights over a shuffled training pass, like torch's update_bn; the training curve is unchanged) or auto (the default: recomputed when an epoch has fewer than 1,375 batches, too few for Keras's momentum 0.99 to forget the moving variance's start value 1 down to 1% of a 1e-4 channel variance by the first validation, as on the notebook's 858-batch epochs; else moving). Both views are validated and recorded every epoch whatever this says.")]
        public string? BnStats { get; init; }

        [CommandOption("--early-stopping <PATIENCE>")]
        [Description("Stop after this many epochs without a validation-loss improvement (0 = off).")]
        [DefaultValue(0)]
        public int EarlyStopping { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu or cuda:N.")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--cpu-backend <NAME>")]
        [Description(CpuBackendOption.Description)]
        public string? CpuBackend { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Torch threads (0 = torch's default).")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--out <FOLDER>")]
        [Description("Output folder for metrics, checkpoint and weights (default runs/<time>).")]
        public string? Out { get; init; }

        [CommandOption("--resume")]
        [Description("Continue from the checkpoint in --out.")]
        public bool Resume { get; init; }

        [CommandOption("--synthetic-train-per-class <N>")]
        [DefaultValue(100)]
        public int SyntheticTrainPerClass { get; init; } = 100;

        [CommandOption("--synthetic-valid-per-class <N>")]
        [DefaultValue(30)]
        public int SyntheticValidPerClass { get; init; } = 30;

        /// <summary>The run's hyperparameters; throws <see cref="UsageException"/> naming every bad option.</summary>
        public TrainingConfig ToTrainingConfig()
        {
            var parsing = new List<string>();
            var trial = ApplyModel(TrialConfig.Notebook, parsing) with
            {
                Epochs = Epochs,
                BatchSize = BatchSize,
                LearningRate = LearningRate,
                WeightDecay = WeightDecay,
                LabelSmoothing = LabelSmoothing,
                Augment = Augment ? AugmentStrength : 0,
                Seed = Seed,
            };
            trial = Parse(trial, Hyperparameters.Optimizer, Optimizer, parsing);
            trial = Parse(trial, Hyperparameters.LrSchedule, LrSchedule, parsing);
            trial = Parse(trial, Hyperparameters.BnStats, BnStats, parsing);
            OptionNames.ThrowIfAny(parsing);

            // Options a sweep does not vary sit on top of the trial's configuration.
            var config = TrainingConfig.For(trial) with
            {
                Momentum = Momentum,
                Augmentation = new AugmentationOptions { Enabled = Augment, Strength = AugmentStrength, HorizontalFlip = HorizontalFlip },
                EarlyStoppingPatience = EarlyStopping,
            };
            var problems = config.Validate().ToList();
            if (Threads < 0)
            {
                problems.Add($"threads: {Threads} is negative");
            }

            if (SyntheticTrainPerClass < 1 || SyntheticValidPerClass < 1)
            {
                problems.Add("synthetic_train_per_class: both synthetic sizes must be at least 1");
            }

            if (Resume && Out is null)
            {
                problems.Add("resume: needs --out, the folder of the run to continue");
            }

            OptionNames.ThrowIfAny(problems);
            return config;
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TrainingConfig config = settings.ToTrainingConfig();
        var numerics = CpuBackendOption.Choose(settings.CpuBackend);
        var device = ResolveDevice(settings.Device);
        var synthetic = new SyntheticSignMnistOptions { TrainPerClass = settings.SyntheticTrainPerClass, ValidPerClass = settings.SyntheticValidPerClass };
        TrainingData data = TrainingData.Load(settings.Train, settings.Valid, SpelledOption.Labels(settings.Labels), synthetic);
        DescribeData(data);
        AnsiConsole.MarkupLineInterpolated($"BatchNorm statistics the run acts on: {BatchNormStatisticsChoice.Explain(config, data.Train.Count)}; every epoch is validated with both the moving and the recomputed statistics");

        string outDir = settings.Out ?? Path.Combine("runs", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        string checkpoints = Path.Combine(outDir, "checkpoint");
        if (!settings.Resume && TrainingCheckpoint.Exists(checkpoints))
        {
            throw new UsageException($"--out: {outDir} already holds a run; pass --resume to continue it or choose another folder");
        }

        TorchDevices.SetThreads(settings.Threads);
        using var interrupt = new ConsoleInterrupt(cancellationToken);
        using var trainSet = DeviceDataset.Create(data.Train, device);
        using var validSet = DeviceDataset.Create(data.Valid, device);
        using var session = new TrainingSession(config, device);
        var writer = new RunOutputWriter(outDir, config, data, numerics);
        TrainingResult result = ConsoleTrainingProgress.Run(config.Epochs, observer =>
            session.Run(trainSet, validSet, new TrainingRunOptions { CheckpointDirectory = checkpoints, Resume = settings.Resume, Observer = new TeeObserver(observer, writer), Numerics = numerics }, interrupt.Token));
        writer.Finish(result);
        bool trained = result.Outcome is TrainingOutcome.Completed or TrainingOutcome.EarlyStopped;
        if (trained)
        {
            session.SaveWeights(Path.Combine(outDir, ModelBundle.WeightsFile));
            new ModelBundle { Config = config.Model, Source = Path.GetFullPath(outDir), Synthetic = data.IsSynthetic, BatchNormStatistics = ModelBundle.Describe(session.WeightsStatistics, config.Model.BatchNorm) }.WriteDescription(outDir);
        }

        string colour = result.Outcome switch { TrainingOutcome.Diverged or TrainingOutcome.NumericsFault => "red", TrainingOutcome.Cancelled => "yellow", _ => "green" };
        AnsiConsole.MarkupLineInterpolated($"[{colour}]{result.Outcome}[/]: {result.Message}");
        AnsiConsole.MarkupLineInterpolated($"Wrote {Path.GetFullPath(outDir)} (metrics.csv, metrics.json{(trained ? ", model.bin, model.json" : "")}, checkpoint/)");
        return result.Outcome switch
        {
            TrainingOutcome.Diverged or TrainingOutcome.NumericsFault => ExitCodes.Failed,
            TrainingOutcome.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Ok,
        };
    }

    private static TorchSharp.torch.Device ResolveDevice(string name)
    {
        try
        {
            return TorchDevices.Resolve(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--device: {e.Message}");
        }
    }

    private static void DescribeData(TrainingData data)
    {
        foreach (string warning in data.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        if (data.IsSynthetic)
        {
            AnsiConsole.MarkupLineInterpolated($"Data: [bold]SYNTHETIC[/] embedded data set ({data.Train.Count} training, {data.Valid.Count} validation images from different signers) - not real Sign-MNIST");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Data: {data.Train.Source} ({data.Train.Count} rows), {data.Valid.Source} ({data.Valid.Count} rows)");
            AnsiConsole.MarkupLineInterpolated($"Labels: {data.Convention} convention ({SignMnistClasses.Describe(data.Convention!.Value)})");
        }

        AnsiConsole.MarkupLineInterpolated($"Fingerprints: train {data.Train.Fingerprint[..16]}, valid {data.Valid.Fingerprint[..16]}");
    }
}
