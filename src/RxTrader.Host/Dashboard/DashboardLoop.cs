using System.Threading.Channels;
using RxTrader.Engine.Dashboard;
using RxTrader.Host.Configuration;
using Spectre.Console;

namespace RxTrader.Host.Dashboard;

/// <summary>
/// Shows a stream of <see cref="EngineSnapshot"/>s: a live Spectre.Console frame, a plain line per snapshot, or
/// nothing. Conflated: only the latest snapshot waits to be shown, so a slow console never queues frames and never
/// slows the engine that produces them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>OnNext: the snapshot replaces any one not shown yet (the producer only stores it; it never
/// waits for rendering); the loop renders the latest as soon as the previous frame is written.</description></item>
/// <item><description>OnCompleted: the snapshot still waiting is rendered, then the returned task completes.</description></item>
/// <item><description>OnError: the snapshot still waiting is rendered, then the returned task fails with the error.</description></item>
/// <item><description>Cancellation: nothing more is rendered, the subscription is disposed and the returned task
/// completes (it does not throw); a live frame stays on screen.</description></item>
/// </list>
/// </remarks>
public static class DashboardLoop
{
    /// <summary>Shows <paramref name="snapshots"/> on <paramref name="output"/> until they complete or
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="snapshots">The engine's snapshots.</param>
    /// <param name="mode">How to show them; <see cref="DashboardMode.Auto"/> is live when <paramref name="output"/> is
    /// the console's standard output and that is a terminal, plain otherwise.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>Completes when the snapshots complete or the loop is cancelled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task RunAsync(IObservable<EngineSnapshot> snapshots, DashboardMode mode, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(output);
        if (mode == DashboardMode.Auto)
        {
            mode = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? DashboardMode.Live : DashboardMode.Plain;
        }

        if (mode == DashboardMode.Live)
        {
            return RunAsync(snapshots, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }), cancellationToken);
        }

        return mode == DashboardMode.Plain
            ? RunCoreAsync(snapshots, (s, _) => WritePlainAsync(output, s), cancellationToken)
            : RunCoreAsync(snapshots, static (_, _) => ValueTask.CompletedTask, cancellationToken);
    }

    /// <summary>Shows <paramref name="snapshots"/> on <paramref name="console"/> until they complete or
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="snapshots">The engine's snapshots.</param>
    /// <param name="mode">How to show them; <see cref="DashboardMode.Auto"/> is live when the console's output is a
    /// terminal, plain otherwise. Plain lines go to the console's output writer.</param>
    /// <param name="console">The console.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>Completes when the snapshots complete or the loop is cancelled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task RunAsync(IObservable<EngineSnapshot> snapshots, DashboardMode mode, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(console);
        if (mode == DashboardMode.Auto)
        {
            mode = console.Profile.Out.IsTerminal ? DashboardMode.Live : DashboardMode.Plain;
        }

        return mode switch
        {
            DashboardMode.Live => RunAsync(snapshots, console, cancellationToken),
            DashboardMode.Plain => RunAsync(snapshots, DashboardMode.Plain, console.Profile.Out.Writer, cancellationToken),
            _ => RunAsync(snapshots, DashboardMode.Off, TextWriter.Null, cancellationToken),
        };
    }

    /// <summary>Shows <paramref name="snapshots"/> as a live frame on <paramref name="console"/>, redrawn in place.</summary>
    /// <param name="snapshots">The engine's snapshots.</param>
    /// <param name="console">The console.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>Completes when the snapshots complete or the loop is cancelled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task RunAsync(IObservable<EngineSnapshot> snapshots, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(console);
        return RunLiveAsync(snapshots, console, cancellationToken);
    }

    private static async Task RunLiveAsync(IObservable<EngineSnapshot> snapshots, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var live = new LiveDisplay(console, new Text("rxtrader: waiting for the engine's first snapshot…"))
        {
            AutoClear = false,
            Overflow = VerticalOverflow.Ellipsis,
            Cropping = VerticalOverflowCropping.Bottom,
        };
        await live.StartAsync(context => RunCoreAsync(
            snapshots,
            (snapshot, _) =>
            {
                context.UpdateTarget(DashboardRenderer.Render(snapshot));
                context.Refresh();
                return ValueTask.CompletedTask;
            },
            cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The conflating loop: <paramref name="render"/> sees the latest snapshot, one call at a time.</summary>
    internal static async Task RunCoreAsync(IObservable<EngineSnapshot> snapshots, Func<EngineSnapshot, CancellationToken, ValueTask> render, CancellationToken cancellationToken)
    {
        // One slot, newest wins: the producer's OnNext is a non-blocking write whatever the renderer does.
        var latest = Channel.CreateBounded<EngineSnapshot>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        using var subscription = snapshots.Subscribe(
            snapshot => latest.Writer.TryWrite(snapshot),
            error => latest.Writer.TryComplete(error),
            () => latest.Writer.TryComplete());
        try
        {
            while (await latest.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (latest.Reader.TryRead(out var snapshot))
                {
                    await render(snapshot, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is the normal way to stop the dashboard.
        }
    }

    private static async ValueTask WritePlainAsync(TextWriter output, EngineSnapshot snapshot)
    {
        await output.WriteLineAsync(DashboardRenderer.RenderPlainLine(snapshot)).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
