using RxTrader.Core;
using RxTrader.Host.Dashboard;
using RxTrader.Strategies;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Tests.Dashboard;

public sealed class DashboardRendererTests
{
    [Fact]
    public void RenderToString_FixedSnapshot_EveryFigureFormatted()
    {
        var frame = DashboardRenderer.RenderToString(Snapshots.Fixed());

        // Header: mode, tasks, uptime, time.
        frame.ShouldContain("mode Active");
        frame.ShouldContain("tasks 6");
        frame.ShouldContain("uptime 01:02:05");
        frame.ShouldContain("2026-11-28 09:30:15Z");

        // Symbol row: last, bar OHLC, indicators (a warming one as a dash), signal with its age, position, PnL.
        var btc = Line(frame, "BTCUSDT");
        btc.ShouldContain("60,123.45");
        btc.ShouldContain("60,100.5 60,150");
        Line(frame, "60,090.25").ShouldContain("60,090.25 60,123.45");
        btc.ShouldContain("ema(9) 60,110.1235");
        Line(frame, "ema(21)").ShouldContain("ema(21) —");
        btc.ShouldContain("BUY @ 60,050");
        Line(frame, "ago").ShouldContain("2m 05s ago");
        btc.ShouldContain("0.00166");
        btc.ShouldContain("+12.35");
        btc.ShouldContain("-5.00");

        // A symbol with nothing yet: dashes, zero PnL.
        var eth = Line(frame, "ETHUSDT");
        eth.Split('—').Length.ShouldBe(5);
        eth.ShouldContain("0.00");

        // Feed panel.
        frame.ShouldContain("Connected");
        frame.ShouldContain("123,456 (456.8/s)");
        frame.ShouldContain("0.31 ms / 1.50 ms");
        Line(frame, "Drops").ShouldContain("2");
        Line(frame, "Reconnects").ShouldContain("1");
        Line(frame, "Gaps").ShouldContain("0");
        Line(frame, "Malformed").ShouldContain("3");

        // Orders panel.
        Line(frame, "Signals").ShouldContain("7");
        Line(frame, "Submitted").ShouldContain("5");
        Line(frame, "Risk rejections").ShouldContain("2");
        frame.ShouldContain("New 1  Filled 4");
        frame.ShouldContain("0.80 ms / 2.25 ms");
        Line(frame, "Net PnL").ShouldContain("+7.35");
    }

    [Fact]
    public void RenderToString_NoControlCodes()
    {
        var frame = DashboardRenderer.RenderToString(Snapshots.Fixed());

        frame.ShouldNotContain("\u001b");
        frame.Split('\n').ShouldAllBe(l => l.Length <= 120);
    }

    [Fact]
    public void RenderToString_ManySymbols_RowsCapped()
    {
        var template = Snapshots.Fixed().Symbols[1];
        var symbols = Enumerable.Range(0, 40).Select(i => template with { Symbol = new Symbol($"S{i}USDT") }).ToList();

        var frame = DashboardRenderer.RenderToString(Snapshots.Fixed() with { Symbols = symbols }, 160);

        frame.ShouldContain("S24USDT");
        frame.ShouldNotContain("S25USDT");
        frame.ShouldContain("and 15 more symbols");
    }

    [Fact]
    public void RenderToString_Halted_ShowsMode() =>
        DashboardRenderer.RenderToString(Snapshots.Fixed() with { Mode = TradingMode.Halted }).ShouldContain("mode Halted");

    [Fact]
    public void RenderPlainLine_FixedSnapshot_StableKeys()
    {
        var line = DashboardRenderer.RenderPlainLine(Snapshots.Fixed());

        line.ShouldBe(
            "ts=2026-11-28T09:30:15.250Z uptime_s=3725.5 mode=Active tasks=6 state=Connected msgs=123456 mps=456.78 p50_ms=0.312 p99_ms=1.5 "
            + "drops=2 reconnects=1 gaps=0 malformed=3 signals=7 submitted=5 rejections=2 "
            + "orders_new=1 orders_partially_filled=0 orders_filled=4 orders_canceled=0 orders_pending_cancel=0 orders_rejected=0 orders_expired=0 orders_expired_in_match=0 "
            + "rt_p50_ms=0.8 rt_p99_ms=2.25 pnl=7.345 "
            + "BTCUSDT.last=60123.45 BTCUSDT.open=60100.5 BTCUSDT.high=60150 BTCUSDT.low=60090.25 BTCUSDT.close=60123.45 BTCUSDT.pos=0.00166 BTCUSDT.rpnl=12.345 BTCUSDT.upnl=-5 BTCUSDT.signal=BUY BTCUSDT.ema_9=60110.123456 BTCUSDT.ema_21=- "
            + "ETHUSDT.last=- ETHUSDT.open=- ETHUSDT.high=- ETHUSDT.low=- ETHUSDT.close=- ETHUSDT.pos=0 ETHUSDT.rpnl=0 ETHUSDT.upnl=0 ETHUSDT.signal=-");
    }

    [Fact]
    public void RenderPlainLine_LongDecimals_RoundedToEightPlaces()
    {
        var snapshot = Snapshots.Fixed();
        snapshot = snapshot with { Orders = snapshot.Orders with { NetPnl = -0.690485389999999999999999994m } };

        var line = DashboardRenderer.RenderPlainLine(snapshot);

        line.ShouldContain(" pnl=-0.69048539 ");
    }

    [Fact]
    public void RenderPlainLine_ValueWithSpaces_Quoted()
    {
        var snapshot = Snapshots.Fixed() with { Feed = Snapshots.Fixed().Feed with { State = "Reconnecting \"2\"" } };

        DashboardRenderer.RenderPlainLine(snapshot).ShouldContain("state=\"Reconnecting \\\"2\\\"\" ");
    }

    [Fact]
    public void RenderPlainLine_OneLineEvenWithNaN()
    {
        var symbol = Snapshots.Fixed().Symbols[0] with { Indicators = [new IndicatorReading("rsi(14)", double.NaN)] };
        var snapshot = Snapshots.Fixed() with { Symbols = [symbol], Feed = Snapshots.Fixed().Feed with { MessagesPerSecond = double.NaN } };

        var line = DashboardRenderer.RenderPlainLine(snapshot);

        line.ShouldNotContain("\n");
        line.ShouldContain("mps=-");
        line.ShouldContain("BTCUSDT.rsi_14=-");
    }

    [Fact]
    public void Render_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => DashboardRenderer.Render(null!));
        Should.Throw<ArgumentNullException>(() => DashboardRenderer.RenderPlainLine(null!));
        Should.Throw<ArgumentNullException>(() => DashboardRenderer.RenderToString(null!));
        Should.Throw<ArgumentOutOfRangeException>(() => DashboardRenderer.RenderToString(Snapshots.Fixed(), 10));
    }

    private static string Line(string frame, string containing) =>
        frame.Split('\n').First(l => l.Contains(containing, StringComparison.Ordinal));
}
