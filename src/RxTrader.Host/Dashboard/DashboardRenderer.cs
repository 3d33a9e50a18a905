using System.Globalization;
using System.Text;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Engine.Dashboard;
using RxTrader.Trading.Risk;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RxTrader.Host.Dashboard;

/// <summary>
/// Turns an <see cref="EngineSnapshot"/> into what the user sees: a Spectre.Console frame for a terminal
/// (<see cref="Render"/>), the same frame as plain text (<see cref="RenderToString"/>), or one structured
/// <c>key=value</c> line for logs (<see cref="RenderPlainLine"/>).
/// </summary>
/// <remarks>Numbers are written in the invariant culture; a value not known yet (no trade, a warming indicator) is
/// shown as <c>—</c> in the frame and <c>-</c> in the plain line. Pure functions of the snapshot: no clock is read
/// (ages are measured against <see cref="EngineSnapshot.Time"/>).</remarks>
public static class DashboardRenderer
{
    /// <summary>The most symbol rows the frame shows; the rest are summarised in one line.</summary>
    public const int MaxSymbolRows = 25;

    private static readonly OrderStatus[] Statuses = Enum.GetValues<OrderStatus>();

    /// <summary>The live frame: a header (mode, active tasks, uptime), a row per symbol, the feed and orders panels.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The renderable frame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static IRenderable Render(EngineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Rows(Header(snapshot), Symbols(snapshot), new Columns(Feed(snapshot.Feed), Orders(snapshot.Orders)) { Expand = false });
    }

    /// <summary>The frame as plain text (no colours, no control codes), <paramref name="width"/> columns wide.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="width">The console width to lay out for.</param>
    /// <returns>The frame's text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is below 40.</exception>
    public static string RenderToString(EngineSnapshot snapshot, int width = 120)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(Render(snapshot));
        return writer.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>One log line: <c>ts=… uptime_s=… mode=… tasks=… state=… msgs=… mps=… p50_ms=… p99_ms=… drops=…
    /// reconnects=… gaps=… malformed=… signals=… submitted=… rejections=… orders_new=… (every status) rt_p50_ms=…
    /// rt_p99_ms=… pnl=…</c> then per symbol <c>SYM.last SYM.open SYM.high SYM.low SYM.close SYM.pos SYM.rpnl SYM.upnl
    /// SYM.signal SYM.&lt;indicator&gt;</c>. Keys are stable, values invariant; values with spaces are quoted.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The line, without a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static string RenderPlainLine(EngineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var line = new StringBuilder(256 + (snapshot.Symbols.Count * 160));
        var feed = snapshot.Feed;
        var orders = snapshot.Orders;
        Pair(line, "ts", snapshot.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Pair(line, "uptime_s", snapshot.Uptime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        Pair(line, "mode", snapshot.Mode.ToString());
        Pair(line, "tasks", Plain(snapshot.ActiveTasks));
        Pair(line, "state", feed.State);
        Pair(line, "msgs", Plain(feed.Messages));
        Pair(line, "mps", DashboardFormat.PlainDouble(feed.MessagesPerSecond));
        Pair(line, "p50_ms", DashboardFormat.PlainMs(feed.LatencyP50));
        Pair(line, "p99_ms", DashboardFormat.PlainMs(feed.LatencyP99));
        Pair(line, "drops", Plain(feed.Drops));
        Pair(line, "reconnects", Plain(feed.Reconnects));
        Pair(line, "gaps", Plain(feed.Gaps));
        Pair(line, "malformed", Plain(feed.Malformed));
        Pair(line, "signals", Plain(orders.Signals));
        Pair(line, "submitted", Plain(orders.Submitted));
        Pair(line, "rejections", Plain(orders.RiskRejections));
        foreach (var status in Statuses)
        {
            Pair(line, "orders_" + SnakeCase(status.ToString()), Plain(orders.ByStatus.TryGetValue(status, out var n) ? n : 0));
        }

        Pair(line, "rt_p50_ms", DashboardFormat.PlainMs(orders.RoundTripP50));
        Pair(line, "rt_p99_ms", DashboardFormat.PlainMs(orders.RoundTripP99));
        Pair(line, "pnl", DashboardFormat.PlainDecimal(orders.NetPnl));
        foreach (var symbol in snapshot.Symbols)
        {
            var prefix = symbol.Symbol.Value + ".";
            var bar = symbol.CurrentBar;
            Pair(line, prefix + "last", DashboardFormat.PlainDecimal(symbol.LastPrice));
            Pair(line, prefix + "open", DashboardFormat.PlainDecimal(bar?.Open));
            Pair(line, prefix + "high", DashboardFormat.PlainDecimal(bar?.High));
            Pair(line, prefix + "low", DashboardFormat.PlainDecimal(bar?.Low));
            Pair(line, prefix + "close", DashboardFormat.PlainDecimal(bar?.Close));
            Pair(line, prefix + "pos", DashboardFormat.PlainDecimal(symbol.Position));
            Pair(line, prefix + "rpnl", DashboardFormat.PlainDecimal(symbol.RealizedPnl));
            Pair(line, prefix + "upnl", DashboardFormat.PlainDecimal(symbol.UnrealizedPnl));
            Pair(line, prefix + "signal", symbol.LastSignal is { } signal ? SideText(signal.Side) : DashboardFormat.PlainMissing);
            foreach (var indicator in symbol.Indicators)
            {
                Pair(line, prefix + KeyOf(indicator.Name), DashboardFormat.PlainDouble(indicator.Value));
            }
        }

        return line.ToString();
    }

    private static Markup Header(EngineSnapshot snapshot)
    {
        var mode = snapshot.Mode switch
        {
            TradingMode.Active => "green",
            TradingMode.Reducing => "yellow",
            _ => "red",
        };
        var time = snapshot.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold]rxtrader[/]  mode [{mode}]{snapshot.Mode}[/]  tasks {snapshot.ActiveTasks}  uptime {DashboardFormat.Uptime(snapshot.Uptime)}  {time}"));
    }

    private static Table Symbols(EngineSnapshot snapshot)
    {
        var table = new Table { Border = TableBorder.Rounded };

        // Figures never wrap: multi-part cells (bar, indicators, signal) go on lines of their own instead.
        table.AddColumn(new TableColumn("Symbol").NoWrap());
        table.AddColumn(new TableColumn("Last").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Bar O H / L C").NoWrap());
        table.AddColumn(new TableColumn("Indicators").NoWrap());
        table.AddColumn(new TableColumn("Last signal").NoWrap());
        table.AddColumn(new TableColumn("Position").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Realized").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Unrealized").RightAligned().NoWrap());
        foreach (var symbol in snapshot.Symbols.Take(MaxSymbolRows))
        {
            var bar = symbol.CurrentBar is { } b
                ? $"{DashboardFormat.Amount(b.Open)} {DashboardFormat.Amount(b.High)}\n{DashboardFormat.Amount(b.Low)} {DashboardFormat.Amount(b.Close)}"
                : DashboardFormat.Missing;
            var indicators = symbol.Indicators.Count == 0
                ? DashboardFormat.Missing
                : string.Join('\n', symbol.Indicators.Select(static i => $"{i.Name} {DashboardFormat.Indicator(i.Value)}"));
            var signal = symbol.LastSignal is { } s
                ? $"{SideText(s.Side)} @ {DashboardFormat.Amount(s.Price)}\n{DashboardFormat.Age(snapshot.Time - s.Time)} ago"
                : DashboardFormat.Missing;
            table.AddRow(
                new Text(symbol.Symbol.Value, new Style(decoration: Decoration.Bold)),
                new Text(DashboardFormat.Amount(symbol.LastPrice)),
                new Text(bar),
                new Text(indicators),
                new Text(signal, symbol.LastSignal is { Side: Side.Buy } ? new Style(Color.Green) : symbol.LastSignal is null ? Style.Plain : new Style(Color.Red)),
                new Text(DashboardFormat.Amount(symbol.Position)),
                PnlText(symbol.RealizedPnl),
                PnlText(symbol.UnrealizedPnl));
        }

        if (snapshot.Symbols.Count > MaxSymbolRows)
        {
            table.Caption($"… and {snapshot.Symbols.Count - MaxSymbolRows} more symbols (see the plain line or /metrics)");
        }

        return table;
    }

    private static Panel Feed(FeedSnapshot feed)
    {
        var state = feed.State.Equals("Connected", StringComparison.OrdinalIgnoreCase) ? Color.Green : Color.Yellow;
        var grid = KeyValues();
        grid.AddRow(new Text("State"), new Text(feed.State, new Style(state)));
        grid.AddRow(new Text("Messages"), new Text($"{DashboardFormat.Count(feed.Messages)} ({DashboardFormat.Rate(feed.MessagesPerSecond)})"));
        grid.AddRow(new Text("Latency P50 / P99"), new Text($"{DashboardFormat.Latency(feed.LatencyP50)} / {DashboardFormat.Latency(feed.LatencyP99)}"));
        grid.AddRow(new Text("Drops"), Counter(feed.Drops));
        grid.AddRow(new Text("Reconnects"), Counter(feed.Reconnects));
        grid.AddRow(new Text("Gaps"), Counter(feed.Gaps));
        grid.AddRow(new Text("Malformed"), Counter(feed.Malformed));
        return new Panel(grid) { Header = new PanelHeader("Feed"), Border = BoxBorder.Rounded };
    }

    private static Panel Orders(OrdersSnapshot orders)
    {
        var grid = KeyValues();
        grid.AddRow(new Text("Signals"), new Text(DashboardFormat.Count(orders.Signals)));
        grid.AddRow(new Text("Submitted"), new Text(DashboardFormat.Count(orders.Submitted)));
        grid.AddRow(new Text("Risk rejections"), Counter(orders.RiskRejections));
        var byStatus = orders.ByStatus.Where(static s => s.Value != 0).OrderBy(static s => s.Key).Select(static s => $"{s.Key} {DashboardFormat.Count(s.Value)}").ToList();
        grid.AddRow(new Text("Orders"), new Text(byStatus.Count == 0 ? DashboardFormat.Missing : string.Join("  ", byStatus)));
        grid.AddRow(new Text("Round trip P50 / P99"), new Text($"{DashboardFormat.Latency(orders.RoundTripP50)} / {DashboardFormat.Latency(orders.RoundTripP99)}"));
        grid.AddRow(new Text("Net PnL"), PnlText(orders.NetPnl));
        return new Panel(grid) { Header = new PanelHeader("Orders"), Border = BoxBorder.Rounded };
    }

    private static Grid KeyValues()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn());
        return grid;
    }

    private static Text Counter(long value) => new(DashboardFormat.Count(value), value == 0 ? Style.Plain : new Style(Color.Yellow));

    private static Text PnlText(decimal value) => new(DashboardFormat.Pnl(value), value > 0m ? new Style(Color.Green) : value < 0m ? new Style(Color.Red) : Style.Plain);

    private static string SideText(Side side) => side == Side.Buy ? "BUY" : "SELL";

    private static string Plain(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Pair(StringBuilder line, string key, string value)
    {
        if (line.Length != 0)
        {
            line.Append(' ');
        }

        line.Append(key).Append('=');
        if (value.Length != 0 && !value.AsSpan().ContainsAny(" \"=\t"))
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
    }

    // "ema(9)" → "ema_9": keys stay in [a-z0-9_].
    private static string KeyOf(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (key.Length != 0 && key[^1] != '_')
            {
                key.Append('_');
            }
        }

        return key.ToString().TrimEnd('_');
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length != 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
