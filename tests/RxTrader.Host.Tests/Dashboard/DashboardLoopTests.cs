using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Engine.Dashboard;
using RxTrader.Host.Configuration;
using RxTrader.Host.Dashboard;
using Spectre.Console;

namespace RxTrader.Host.Tests.Dashboard;

public sealed class DashboardLoopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunCore_SlowRenderer_SeesFirstThenLatestOnly()
    {
        using var source = new Subject<EngineSnapshot>();
        var rendered = new List<long>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = DashboardLoop.RunCoreAsync(source, async (s, _) =>
        {
            rendered.Add(s.Feed.Messages);
            if (rendered.Count == 1)
            {
                firstStarted.SetResult();
                await release.Task;
            }
        }, CancellationToken.None);

        source.OnNext(Snapshots.Fixed(0));
        await firstStarted.Task.WaitAsync(Timeout, CancellationToken.None);

        // The renderer is stuck: 10,000 snapshots still go through OnNext without waiting.
        for (var i = 1; i <= 10_000; i++)
        {
            source.OnNext(Snapshots.Fixed(i));
        }

        release.SetResult();
        source.OnCompleted();
        await loop.WaitAsync(Timeout, CancellationToken.None);

        rendered.ShouldBe([0, 10_000]);
    }

    [Fact]
    public async Task RunCore_Error_RendersPendingThenFails()
    {
        var rendered = new List<long>();
        var failure = new InvalidOperationException("boom");
        var source = Observable.Return(Snapshots.Fixed(1)).Concat(Observable.Throw<EngineSnapshot>(failure));

        var thrown = await Should.ThrowAsync<InvalidOperationException>(DashboardLoop.RunCoreAsync(source, (s, _) =>
        {
            rendered.Add(s.Feed.Messages);
            return ValueTask.CompletedTask;
        }, CancellationToken.None));

        thrown.ShouldBeSameAs(failure);
        rendered.ShouldBe([1]);
    }

    [Fact]
    public async Task RunCore_Cancelled_CompletesAndUnsubscribes()
    {
        using var cancel = new CancellationTokenSource();
        var subscribed = 0;
        var source = Observable.Create<EngineSnapshot>(_ =>
        {
            Interlocked.Increment(ref subscribed);
            return () => Interlocked.Decrement(ref subscribed);
        });

        var loop = DashboardLoop.RunCoreAsync(source, static (_, _) => ValueTask.CompletedTask, cancel.Token);
        subscribed.ShouldBe(1);
        await cancel.CancelAsync();
        await loop.WaitAsync(Timeout, CancellationToken.None);

        subscribed.ShouldBe(0);
    }

    [Fact]
    public async Task Run_Plain_OneLinePerSnapshot()
    {
        using var output = new StringWriter();

        await DashboardLoop.RunAsync(Observable.Return(Snapshots.Fixed()), DashboardMode.Plain, output, CancellationToken.None).WaitAsync(Timeout, CancellationToken.None);

        output.ToString().ShouldBe(DashboardRenderer.RenderPlainLine(Snapshots.Fixed()) + Environment.NewLine);
    }

    [Fact]
    public async Task Run_AutoOnWriter_Plain()
    {
        using var output = new StringWriter();

        await DashboardLoop.RunAsync(Observable.Return(Snapshots.Fixed()), DashboardMode.Auto, output, CancellationToken.None).WaitAsync(Timeout, CancellationToken.None);

        output.ToString().ShouldStartWith("ts=");
    }

    [Fact]
    public async Task Run_Off_WritesNothing()
    {
        using var output = new StringWriter();

        await DashboardLoop.RunAsync(Observable.Return(Snapshots.Fixed()), DashboardMode.Off, output, CancellationToken.None).WaitAsync(Timeout, CancellationToken.None);

        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_Live_DrawsTheFrame()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 160;
        console.Profile.Height = 60;

        await DashboardLoop.RunAsync(Observable.Return(Snapshots.Fixed()), console, CancellationToken.None).WaitAsync(Timeout, CancellationToken.None);

        output.ToString().ShouldContain("BTCUSDT");
        output.ToString().ShouldContain("Net PnL");
    }

    [Theory]
    [InlineData(DashboardMode.Auto, "ts=")]
    [InlineData(DashboardMode.Plain, "ts=")]
    [InlineData(DashboardMode.Live, "Net PnL")]
    [InlineData(DashboardMode.Off, "")]
    public async Task Run_OnConsole_ByMode(DashboardMode mode, string expected)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 160;
        console.Profile.Height = 60;

        await DashboardLoop.RunAsync(Observable.Return(Snapshots.Fixed()), mode, console, CancellationToken.None).WaitAsync(Timeout, CancellationToken.None);

        if (expected.Length == 0)
        {
            output.ToString().ShouldBeEmpty();
        }
        else
        {
            output.ToString().ShouldContain(expected);
        }
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => DashboardLoop.RunAsync(null!, DashboardMode.Plain, TextWriter.Null, CancellationToken.None));
        Should.Throw<ArgumentNullException>(() => DashboardLoop.RunAsync(Observable.Never<EngineSnapshot>(), DashboardMode.Plain, (TextWriter)null!, CancellationToken.None));
        Should.Throw<ArgumentNullException>(() => DashboardLoop.RunAsync(Observable.Never<EngineSnapshot>(), DashboardMode.Plain, (IAnsiConsole)null!, CancellationToken.None));
        Should.Throw<ArgumentNullException>(() => DashboardLoop.RunAsync(null!, AnsiConsole.Create(new AnsiConsoleSettings()), CancellationToken.None));
    }
}
