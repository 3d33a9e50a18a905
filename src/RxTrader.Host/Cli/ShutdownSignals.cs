using System.Runtime.InteropServices;

namespace RxTrader.Host.Cli;

/// <summary>Turns Ctrl+C (SIGINT) and SIGTERM into one cancellation: the first asks for a clean stop, a second
/// Ctrl+C forces the process out with exit code 1.</summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TextWriter _error;
    private readonly Action<int> _forceExit;
    private PosixSignalRegistration? _sigterm;
    private int _requests;

    internal ShutdownSignals(TextWriter error, Action<int> forceExit)
    {
        _error = error;
        _forceExit = forceExit;
    }

    /// <summary>Cancelled by the first stop request.</summary>
    public CancellationToken Token => _stopping.Token;

    /// <summary>Listens to Ctrl+C and SIGTERM for the life of the returned object.</summary>
    public static ShutdownSignals Register(TextWriter error, Action<int> forceExit)
    {
        var signals = new ShutdownSignals(error, forceExit);
        Console.CancelKeyPress += signals.OnCancelKeyPress;
        signals._sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            // Handled here: the runtime would otherwise start shutting the process down under our feet.
            context.Cancel = true;
            signals.Request("SIGTERM");
        });
        return signals;
    }

    /// <summary>One stop request: the first cancels <see cref="Token"/>, any later one forces exit code 1.</summary>
    /// <param name="source">What asked (for the message).</param>
    internal void Request(string source)
    {
        if (Interlocked.Increment(ref _requests) == 1)
        {
            _error.WriteLine($"rxtrader: {source}: stopping (press Ctrl+C again to force)");
            // Off the signal thread: the stop callbacks may take a while.
            _ = _stopping.CancelAsync();
            return;
        }

        _error.WriteLine($"rxtrader: {source} again: forced exit");
        _forceExit(ExitCodes.Failure);
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
        _stopping.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Keep the process alive: the host stops cleanly and exits 0.
        e.Cancel = true;
        Request("Ctrl+C");
    }
}
