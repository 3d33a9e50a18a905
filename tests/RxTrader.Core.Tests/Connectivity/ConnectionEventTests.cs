using RxTrader.Core.Connectivity;

namespace RxTrader.Core.Tests.Connectivity;

public sealed class ConnectionEventTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public void Gap_Duration_IsLostInterval() =>
        new Gap(T0, "btcusdt@trade", T0.AddSeconds(-5), T0).Duration.ShouldBe(TimeSpan.FromSeconds(5));

    [Fact]
    public void Events_AreValuesThatMatchByKind()
    {
        ConnectionEvent[] events =
        [
            new Connected(T0, "c1"),
            new Disconnected(T0, "c1", DisconnectReason.SilenceTimeout, "no frame for 10 s"),
            new Reconnecting(T0, "c1", 3, TimeSpan.FromSeconds(4)),
            new Stale(T0, "btcusdt@trade", null),
            new Fresh(T0, "btcusdt@trade", TimeSpan.FromSeconds(12)),
        ];

        events.Select(Describe).ShouldBe(["up c1", "down c1 SilenceTimeout", "retry 3 in 00:00:04", "stale never", "fresh after 00:00:12"]);
        new Reconnecting(T0, "c1", 3, TimeSpan.FromSeconds(4)).ShouldBe(events[2]);
    }

    private static string Describe(ConnectionEvent e) => e switch
    {
        Connected c => $"up {c.Source}",
        Disconnected d => $"down {d.Source} {d.Reason}",
        Reconnecting r => $"retry {r.Attempt} in {r.Delay}",
        Stale s => $"stale {(s.LastDataTime is null ? "never" : "since")}",
        Fresh f => $"fresh after {f.StaleFor}",
        _ => "other",
    };
}
