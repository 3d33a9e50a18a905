using System.Buffers;
using System.Text;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Publishing;
using RxTrader.Testing;

namespace RxTrader.Simulator.Tests.Publishing;

/// <summary>An engine on virtual time (BTCUSDT) with a hub, and helpers to record streams and REST answers.</summary>
internal sealed class HubFixture : IDisposable
{
    public const long T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z, the engine fixture's start.

    public HubFixture(MarketStreamHubOptions? options = null)
    {
        Hub = new MarketStreamHub(Engine.Engine, Engine.Scheduler, options);
    }

    public EngineFixture Engine { get; } = new();

    public MarketStreamHub Hub { get; }

    public List<string> Violations { get; } = [];

    public long NowMs => Engine.Scheduler.Now.ToUnixTimeMilliseconds();

    public Recording Record(string name)
    {
        Hub.TryParse(name, out var stream).ShouldBeTrue();
        var recording = new Recording();
        recording.Subscription = Hub.Subscribe(stream).ValidateGrammar(Violations).Subscribe(
            m => recording.Frames.Add(Encoding.UTF8.GetString(m.Span)),
            _ => recording.Failed = true,
            () => recording.Completed = true);
        return recording;
    }

    /// <summary>Advances virtual time to <paramref name="ms"/> after <see cref="T0"/>.</summary>
    public void At(long ms) => Engine.Scheduler.AdvanceTo(DateTimeOffset.FromUnixTimeMilliseconds(T0 + ms).UtcTicks);

    /// <summary>A resting sell then a crossing buy: one trade the buyer took (m:false).</summary>
    public void Trade(decimal price, decimal quantity, Side aggressor = Side.Buy)
    {
        var maker = aggressor == Side.Buy ? Side.Sell : Side.Buy;
        Engine.Liquidity(maker, price, quantity);
        Engine.Liquidity(aggressor, price, quantity);
    }

    public static string Json(Func<Utf8JsonWriter, bool> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer).ShouldBeTrue();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Dispose()
    {
        Hub.Dispose();
        Engine.Dispose();
    }

    internal sealed class Recording
    {
        public List<string> Frames { get; } = [];

        public bool Completed { get; set; }

        public bool Failed { get; set; }

        public IDisposable Subscription { get; set; } = null!;
    }
}
