namespace AslSweep.Client.Output;

/// <summary>Turns Ctrl+C into cancellation of a token (instead of killing the process) while it is alive.</summary>
public sealed class ConsoleInterrupt : IDisposable
{
    private readonly CancellationTokenSource _source;

    /// <summary>Starts listening; <see cref="Token"/> is also cancelled when <paramref name="outer"/> is.</summary>
    public ConsoleInterrupt(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancel;
    }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
