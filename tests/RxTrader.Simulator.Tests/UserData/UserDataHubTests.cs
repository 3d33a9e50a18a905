using System.Text;
using System.Text.Json;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class UserDataHubTests : IDisposable
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");
    private readonly TestScheduler _scheduler = new();
    private readonly MatchingEngine _engine;
    private readonly UserDataHub _hub;

    public UserDataHubTests()
    {
        _scheduler.AdvanceTo(DateTimeOffset.UnixEpoch.Ticks); // event times read as 0 ms
        _engine = new MatchingEngine(_scheduler);
        _engine.AddSymbol(DefaultMarket.AllRules[0]);
        _engine.CreateAccount("a", [new("USDT", 10_000m, 0m)]);
        _engine.CreateAccount("b", [new("USDT", 10_000m, 0m)]);
        _hub = new UserDataHub(_engine, _scheduler, new UserDataOptions { ListenKeyValidity = TimeSpan.FromMinutes(60) });
    }

    [Fact]
    public void Events_AreEncodedOncePerEvent_WhateverTheSinkCount()
    {
        var first = new RecordingSink("a");
        var second = new RecordingSink("a");
        var other = new RecordingSink("b");
        _hub.Attach(first, null, default);
        _hub.Attach(second, null, default);
        _hub.Attach(other, null, default);

        _engine.PlaceLiquidity(BtcUsdt, Side.Sell, 100m, 1m);
        _engine.PlaceOrder("a", new OrderRequest { Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Price = 100m, Quantity = 0.5m });

        first.Payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("e").GetString()).ShouldBe(
            ["executionReport", "executionReport", "outboundAccountPosition"]);
        second.Payloads.ShouldBe(first.Payloads);
        other.Payloads.ShouldBeEmpty();
        _hub.EventsEncoded.ShouldBe(3);
    }

    [Fact]
    public void Events_WithoutSinks_AreNotEncoded()
    {
        _engine.Deposit("a", "BTC", 1m);

        _hub.EventsEncoded.ShouldBe(0);
    }

    [Fact]
    public void Detach_WithTerminate_SendsEventStreamTerminatedLast_ThenNothing()
    {
        var sink = new RecordingSink("a");
        _hub.Attach(sink, null, default);
        _engine.Deposit("a", "BTC", 1m);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);

        _hub.Detach(sink, terminate: true);
        _engine.Deposit("a", "BTC", 1m);

        sink.Payloads.Count.ShouldBe(3);
        sink.Payloads[0].ShouldStartWith("""{"e":"balanceUpdate","E":0,"a":"BTC","d":"1.00000000","T":0}""");
        sink.Payloads[2].ShouldBe("""{"e":"eventStreamTerminated","E":1000}""");
        _hub.SinkCount.ShouldBe(0);
    }

    [Fact]
    public void ListenKey_ExpiresExactlyAfterTheValidity_CountedFromTheLastKeepAlive()
    {
        var key = _hub.CreateListenKey("a");
        _scheduler.AdvanceBy(TimeSpan.FromMinutes(30).Ticks);
        _hub.KeepAlive("a", key).ShouldBeTrue();
        _hub.KeepAlive("b", key).ShouldBeFalse();

        _scheduler.AdvanceBy(TimeSpan.FromMinutes(60).Ticks - 1);
        _hub.AccountOf(key).ShouldBe("a");
        _scheduler.AdvanceBy(1);
        _hub.AccountOf(key).ShouldBeNull();
        _hub.KeepAlive("a", key).ShouldBeFalse();
        _hub.CreateListenKey("a").ShouldNotBe(key);
    }

    public void Dispose()
    {
        _hub.Dispose();
        _engine.Dispose();
    }

    private sealed class RecordingSink(string accountId) : IUserEventSink
    {
        public List<string> Payloads { get; } = [];

        public string AccountId { get; } = accountId;

        public void Deliver(ReadOnlySpan<byte> payload) => Payloads.Add(Encoding.UTF8.GetString(payload));
    }
}
