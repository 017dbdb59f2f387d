namespace AslSweep.Client;

/// <summary>A command-line value that cannot be used; the message names the option.</summary>
public sealed class UsageException(string message) : Exception(message);
