using System.Buffers;
using System.Reactive.Concurrency;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.UserData;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of the user data stream: encoding one <c>executionReport</c>, and an engine operation (a LIMIT IOC that
/// trades: NEW, TRADE, EXPIRED/FILLED reports and a position) with the account's events fanned out to 0, 1 or 4
/// sinks that only count bytes (the socket copy is measured by the socket benchmarks).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UserDataStreamBenchmarks : IDisposable
{
    private const string Account = "bench";
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter _writer = null!;
    private ExecutionReport _report = null!;
    private MatchingEngine _engine = null!;
    private UserDataHub _hub = null!;
    private OrderRequest _ioc = null!;

    /// <summary>How many sinks receive the account's events.</summary>
    [Params(0, 1, 4)]
    public int Sinks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _report = new ExecutionReport(now)
        {
            AccountId = Account, Symbol = BtcUsdt, ClientOrderId = "x-TKT5PX2F0123456789abcdef", Side = Side.Buy,
            Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Quantity = 0.01m, Price = 60000.12m, QuoteOrderQty = 0m,
            ExecutionType = ExecutionType.Trade, Status = OrderStatus.PartiallyFilled, OrderId = 123456, LastExecutedQty = 0.004m,
            LastExecutedPrice = 60000.12m, CumulativeQty = 0.004m, CumulativeQuoteQty = 240.00048m, Commission = 0.000004m,
            CommissionAsset = "BTC", TransactionTime = now, TradeId = 987654, ExecutionId = 5555, IsWorking = true, IsMaker = false,
            CreationTime = now, WorkingTime = now, ExpiryReason = ExpiryReason.None,
        };

        _engine = new MatchingEngine(new HistoricalScheduler(now));
        _engine.AddSymbol(DefaultMarket.AllRules[0]);
        _engine.CreateAccount(Account, [new("USDT", 1_000_000_000m, 0m)], null);
        _engine.PlaceLiquidity(BtcUsdt, Side.Sell, 100.00m, 1_000_000_000m);
        _hub = new UserDataHub(_engine, new HistoricalScheduler(now), new UserDataOptions());
        for (var i = 0; i < Sinks; i++)
        {
            _hub.Attach(new CountingSink(), null, default);
        }

        _ioc = new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Price = 100.00m, Quantity = 0.1m,
        };
    }

    /// <summary>One executionReport (TRADE) into a reused writer.</summary>
    [Benchmark]
    public long EncodeExecutionReport()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        UserEventWriter.WriteExecutionReport(_writer, _report);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>A LIMIT IOC that fills at the best ask, with its events fanned out to <see cref="Sinks"/> sinks.</summary>
    [Benchmark]
    public long IocWithUserStream() => _engine.PlaceOrder(Account, _ioc).Value!.Order.OrderId;

    public void Dispose()
    {
        _writer?.Dispose();
        _hub?.Dispose();
        _engine?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class CountingSink : IUserEventSink
    {
        public long Bytes { get; private set; }

        public string AccountId => Account;

        public void Deliver(ReadOnlySpan<byte> payload) => Bytes += payload.Length;
    }
}
