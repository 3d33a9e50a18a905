using System.Globalization;
using System.Reactive.Linq;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Engine;
using RxTrader.Engine.Sources;
using RxTrader.Host.Cli;
using RxTrader.Host.Configuration;
using RxTrader.Host.Dashboard;
using RxTrader.Host.Metrics;
using RxTrader.Streams.Time;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Paper;

namespace RxTrader.Host.Run;

/// <summary>
/// The <c>run</c> verb: connects to the exchange (starting the embedded simulator by default), composes the engine
/// (WebSocket feed → pipelines → strategy → risk gate → journal → REST venue), serves <c>/metrics</c>, shows the
/// dashboard, and on Ctrl+C, SIGTERM or the end of <c>--duration</c> stops gracefully.
/// </summary>
internal static class EngineRun
{
    /// <summary>Runs the engine until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="context">The process's output, clock and scheduler.</param>
    /// <param name="stopping">Cancelled on Ctrl+C, SIGTERM or when the duration is over.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 when the exchange cannot be used, 2 for a setting the exchange refuses.</returns>
    public static async Task<int> ExecuteAsync(RunSettings settings, HostContext context, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var schedulers = RuntimeSchedulers.Create(context.Scheduler, settings.Symbols.Count, Environment.ProcessorCount);
        ExchangeConnection exchange;
        try
        {
            exchange = await ExchangeConnection.OpenAsync(settings, schedulers.Timers, stopping).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            // Kestrel reports a port in use (or not allowed) as an IOException at start.
            await context.Error.WriteLineAsync(
                $"rxtrader: --sim-port: the embedded simulator cannot listen on 127.0.0.1:{settings.SimPort} ({error.Message}); pass --sim-port 0 for any free port.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        await using var exchangeLifetime = exchange.ConfigureAwait(false);
        using var rest = new BinanceRestClient(new BinanceRestOptions { BaseAddress = exchange.RestAddress }, new SchedulerTimeProvider(schedulers.Timers));
        var info = await rest.GetExchangeInfoAsync(cancellationToken: stopping).ConfigureAwait(false);
        if (info is not RestResult<ExchangeInfo>.Ok { Value: var exchangeInfo })
        {
            await context.Error.WriteLineAsync($"rxtrader: cannot read the exchange's symbols from {exchange.RestAddress}: {info}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var listed = exchangeInfo.Symbols.Select(static s => s.Symbol).ToHashSet();
        var unlisted = settings.Symbols.Where(s => !listed.Contains(s)).ToArray();
        if (unlisted.Length > 0)
        {
            await context.Error.WriteLineAsync(
                $"rxtrader: --symbols: {string.Join(", ", unlisted)} not listed by the exchange (it lists {listed.Count} symbols, e.g. {string.Join(", ", listed.Take(5))}).").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var source = new BinanceFeedSource(
            new BinanceFeedOptions
            {
                BaseUri = exchange.StreamAddress,
                Name = "market",
                Scheduler = schedulers.Timers,
                ConsumerScheduler = schedulers.Market,
            },
            settings.Symbols,
            bookTickers: exchange.IsPaper,
            orderBooksFrom: settings.Symbols.Count <= MaxOrderBooks ? rest : null);
        var journalPath = JournalLocation.For(settings, schedulers.Timers.Now);
        OrderJournal journal;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(journalPath))!);
            journal = OrderJournal.Open(journalPath, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate });
        }
        catch (Exception error) when (error is OrderJournalException or IOException or UnauthorizedAccessException)
        {
            // A journal that is not ours or is damaged is never touched: the user decides what to do with the file.
            source.Dispose();
            await context.Error.WriteLineAsync($"rxtrader: --journal: {error.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        using var journalLifetime = journal;
        var venue = await OpenVenueAsync(exchange, rest, source, exchangeInfo, settings, schedulers, stopping).ConfigureAwait(false);
        using var venueLifetime = (IDisposable)venue;
        var engine = new TradingEngine(
            source,
            venue,
            journal,
            exchangeInfo.Symbols,
            settings.Strategy.Create,
            new TradingEngineOptions
            {
                Symbols = settings.Symbols,
                BarInterval = settings.BarInterval,
                OrderQuoteAmount = settings.OrderQuoteAmount,
            },
            schedulers.Engine,
            settings.Risk,
            rateLimitWeight: () => rest.Weight.CurrentMinuteWeight);
        await using (engine.ConfigureAwait(false))
        {
            using var exporter = settings.MetricsEnabled ? new PrometheusExporter(new PrometheusExporterOptions()) : null;
            var metrics = exporter is null ? null : await StartMetricsAsync(exporter, settings, context, stopping).ConfigureAwait(false);
            if (exporter is not null && metrics is null)
            {
                return ExitCodes.BadArguments;
            }

            try
            {
                var report = await engine.StartAsync(stopping).ConfigureAwait(false);
                await output.WriteLineAsync(Banner(settings, exchange, journalPath, metrics, report)).ConfigureAwait(false);
                await output.FlushAsync(stopping).ConfigureAwait(false);
                using var events = settings.Dashboard == DashboardMode.Plain ? OrderEventLog.Attach(engine, output) : null;
                await DashboardLoop.RunAsync(engine.Snapshots(settings.RefreshInterval), settings.Dashboard, output, stopping).ConfigureAwait(false);

                var stop = await engine.StopAsync(settings.CancelOpenOrdersOnExit).ConfigureAwait(false);
                var final = engine.Snapshot();
                await output.WriteLineAsync(Summary(final, stop, journal, journalPath)).ConfigureAwait(false);
                foreach (var (symbol, error) in engine.StrategyErrors())
                {
                    await context.Error.WriteLineAsync($"rxtrader: the strategy of {symbol} failed and stopped signalling: {error.GetType().Name}: {error.Message}").ConfigureAwait(false);
                }

                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                if (metrics is not null)
                {
                    await metrics.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Paper: a paper venue on the feed's book tickers and trades, with <see cref="PaperQuoteBalance"/> of each
    /// traded quote asset. Otherwise the exchange's REST venue with its user data stream.</summary>
    private static async Task<IExecutionVenue> OpenVenueAsync(
        ExchangeConnection exchange,
        BinanceRestClient rest,
        BinanceFeedSource source,
        ExchangeInfo exchangeInfo,
        RunSettings settings,
        RuntimeSchedulers schedulers,
        CancellationToken stopping)
    {
        if (exchange.IsPaper)
        {
            var traded = exchangeInfo.Symbols.Where(s => settings.Symbols.Contains(s.Symbol)).ToArray();
            return new PaperVenue(
                new PaperVenueOptions
                {
                    Symbols = traded,
                    InitialBalances = traded.Select(static s => s.QuoteAsset).Distinct().ToDictionary(static a => a, static _ => PaperQuoteBalance),
                },
                source.Feed.BookTickers,
                source.Feed.Trades.Select(static t => (ITradeTick)t),
                schedulers.Timers);
        }

        var venue = new BinanceExecutionVenue(
            new BinanceVenueOptions
            {
                ApiKey = exchange.ApiKey,
                SecretKey = exchange.ApiSecret,
                Rest = new BinanceRestOptions { BaseAddress = exchange.RestAddress },
                UserData = new UserDataStreamOptions { StreamAddress = exchange.StreamAddress },
            },
            schedulers.Timers,
            rest);
        await venue.StartAsync(stopping).ConfigureAwait(false);
        return venue;
    }

    /// <summary>
    /// Local order books (and the risk gate's "book unsynced" check) up to this many symbols: each snapshot costs 250
    /// of Binance's 6,000 request weight per minute, so more books would starve the order path at start or on resyncs.
    /// </summary>
    private const int MaxOrderBooks = 10;

    /// <summary>The paper account's balance of each quote asset.</summary>
    private const decimal PaperQuoteBalance = 10_000m;

    private static async Task<MetricsServer?> StartMetricsAsync(PrometheusExporter exporter, RunSettings settings, HostContext context, CancellationToken stopping)
    {
        try
        {
            return await MetricsServer.StartAsync(exporter, new MetricsServerOptions { Port = settings.MetricsPort }, stopping).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await context.Error.WriteLineAsync(
                $"rxtrader: --metrics-port: cannot listen on 127.0.0.1:{settings.MetricsPort} ({error.Message}); pass --metrics-port 0 for any free port or --no-metrics.").ConfigureAwait(false);
            return null;
        }
    }

    private static string Banner(RunSettings settings, ExchangeConnection exchange, string journalPath, MetricsServer? metrics, Trading.Orders.ReconciliationReport report)
    {
        var i = CultureInfo.InvariantCulture;
        return string.Join(
            Environment.NewLine,
            string.Create(i, $"rxtrader run: {exchange.Description}"),
            string.Create(i, $"  symbols {string.Join(", ", settings.Symbols)} · strategy {settings.Strategy} · bars {DurationText.Format(settings.BarInterval)} · order size {settings.OrderQuoteAmount} quote"),
            string.Create(i, $"  journal {Path.GetFullPath(journalPath)} (reconciled {report.OrdersChecked} orders, {report.FillsRecovered} fills recovered, {report.ForeignOrders.Count} foreign)"),
            settings.Symbols.Count <= MaxOrderBooks
                ? "  order books: local, synchronised from depth diffs and snapshots (orders wait while a book resyncs)"
                : string.Create(i, $"  order books: off (more than {MaxOrderBooks} symbols: snapshots would use too much request weight)"),
            metrics is null ? "  metrics off" : string.Create(i, $"  metrics {metrics.MetricsAddress}"),
            settings.Duration is { } d
                ? string.Create(i, $"  stops after {DurationText.Format(d)} or on Ctrl+C{(settings.CancelOpenOrdersOnExit ? " (open orders are cancelled)" : string.Empty)}")
                : $"  Ctrl+C stops{(settings.CancelOpenOrdersOnExit ? " (open orders are cancelled)" : string.Empty)}");
    }

    private static string Summary(Engine.Dashboard.EngineSnapshot final, EngineStopReport stop, OrderJournal journal, string journalPath)
    {
        var i = CultureInfo.InvariantCulture;
        var byStatus = final.Orders.ByStatus.Count == 0
            ? string.Empty
            : " (" + string.Join(' ', final.Orders.ByStatus.OrderBy(static p => p.Key).Select(p => string.Create(i, $"{p.Key}={p.Value}"))) + ")";
        return string.Join(
            Environment.NewLine,
            string.Create(i, $"stopped: uptime {final.Uptime:hh\\:mm\\:ss} · messages {final.Feed.Messages} · signals {final.Orders.Signals} · orders submitted {final.Orders.Submitted}{byStatus} · risk rejections {final.Orders.RiskRejections} · net PnL {final.Orders.NetPnl:0.00}"),
            string.Create(i, $"  open orders: {stop.CancelRequested} cancel requested, {stop.Cancelled} cancelled, {stop.OpenOrdersLeft} left open; in-flight submissions {(stop.InFlightCompleted ? "completed" : "timed out")}"),
            string.Create(i, $"  journal {Path.GetFullPath(journalPath)}: {journal.OrderCount} orders"));
    }
}
