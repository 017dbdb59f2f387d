using AslSweep.Client.Commands;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
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
            case CommandAppException or UsageException or CheckpointException:
                Error(exception.Message);
                return ExitCodes.BadInput;
            case OperationCanceledException:
                Console.Error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            default:
                Error($"{exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Failed;
        }
    }
}
