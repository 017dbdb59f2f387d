using AslSweep.Client.Commands;
using AslSweep.Cluster;
using AslSweep.Contracts;
using AslSweep.Sweeps.Specs;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace AslSweep.Client;

/// <summary>Registers the verbs of <c>aslsweep</c> and turns failures into one readable line and an exit code.</summary>
public static class AslSweepCli
{
    /// <summary>Configures the command app.</summary>
    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("aslsweep");
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train one model like the course notebook (CSV files or the embedded synthetic data).")
            .WithExample("train")
            .WithExample("train", "--train", "sign_mnist_train.csv", "--valid", "sign_mnist_test.csv", "--epochs", "20")
            .WithExample("train", "--augment", "--epochs", "10", "--out", "runs/augmented");
        config.AddCommand<SummaryCommand>("summary")
            .WithDescription("Print the model's layers, output shapes and parameter counts (Keras-like).");
        config.AddCommand<PredictCommand>("predict").WithDescription("The letter and its probability for images or a Sign-MNIST CSV (with accuracy), from a trained model.");
        config.AddCommand<DoctorCommand>("doctor")
            .WithDescription("Check this machine: CPU, torch stack, CUDA, the numerics probe, SGEMM and a short training run; exit 1 when training here would be wrong.");
        config.AddCommand<DevCommand>("dev")
            .WithDescription("Start a single-node cluster in this process and run a sweep (default: the default sweep on the synthetic data).")
            .WithExample("dev")
            .WithExample("dev", "my-sweep.yaml");
        config.AddCommand<SubmitCommand>("submit").WithDescription("Submit a sweep spec to a running cluster; prints the sweep id.");
        config.AddCommand<WatchCommand>("watch").WithDescription("Follow a sweep live until it ends, then print its report (re-attach any time).");
        config.AddCommand<StatusCommand>("status").WithDescription("The cluster's workers, or one sweep's trials.");
        config.AddCommand<ListCommand>("list").WithDescription("The cluster's sweeps.");
        config.AddCommand<ResultsCommand>("results").WithDescription("A sweep's ranked report as a table, CSV or JSON.");
        config.AddCommand<ReportCommand>("report").WithDescription("Write a sweep's report: report.md with plots, report.json, report.csv, epochs.csv and the recommended model.");
        config.AddCommand<CancelCommand>("cancel").WithDescription("Cancel a sweep; completed epochs are kept.");
        config.SetExceptionHandler((exception, _) => Report(exception));
    }

    /// <summary>One error line on standard error, unwrapped so that a file:line:column stays on one line.</summary>
    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");

    /// <summary>Prints <paramref name="exception"/> for a person (no stack trace) and returns the exit code.</summary>
    public static int Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case DataFormatException data:
                foreach (var error in data.Errors)
                {
                    Error(error.ToString());
                }

                if (data.Truncated)
                {
                    Error($"stopped after the first {data.Errors.Count} errors");
                }

                return ExitCodes.BadInput;
            case SpecFormatException spec:
                foreach (string problem in spec.Problems)
                {
                    Error(problem);
                }

                return ExitCodes.BadInput;
            case CommandAppException or UsageException or CheckpointException or OptionsValidationException:
                Error(exception.Message);
                return ExitCodes.BadInput;
            case ClusterUnavailableException:
                Error(exception.Message);
                return ExitCodes.ClusterUnavailable;
            case OrleansException or TimeoutException:
                // A cluster call that failed (a silo lost mid-call): worth a retry, and said without type names.
                Error($"the cluster could not complete the call: {ClusterCalls.Readable(exception)}; try again");
                return ExitCodes.ClusterUnavailable;
            case SweepRefusedException refused:
                Error(refused.Message);
                return ExitCodes.For(refused.Reason);
            case OperationCanceledException:
                Console.Error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            default:
                // A person reads this: the message, never the exception's type; ASLSWEEP_DEBUG=1 prints the rest.
                Error($"{exception.Message} (set ASLSWEEP_DEBUG=1 for the details)");
                if (Environment.GetEnvironmentVariable("ASLSWEEP_DEBUG") == "1")
                {
                    Console.Error.WriteLine(exception);
                }

                return ExitCodes.Failed;
        }
    }
}
