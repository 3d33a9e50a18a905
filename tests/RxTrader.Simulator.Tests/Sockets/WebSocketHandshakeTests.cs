using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.Sockets;

public sealed class WebSocketHandshakeTests
{
    [Theory]
    [InlineData("GET", "websocket", true, true)]
    [InlineData("GET", "WebSocket", true, true)]
    [InlineData("GET", "h2c, websocket", true, true)]
    [InlineData("POST", "websocket", true, false)]
    [InlineData("GET", null, true, false)]
    [InlineData("GET", "websocket", false, false)]
    public void IsWebSocketRequest_MethodUpgradeHeaderAndUpgradability_Decide(string method, string? upgrade, bool upgradable, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (upgrade is not null)
        {
            context.Request.Headers.Upgrade = upgrade;
        }

        context.Features.Set<IHttpUpgradeFeature>(new FakeUpgrade(upgradable));

        SimulatorWebSocket.IsWebSocketRequest(context).ShouldBe(expected);
    }

    [Fact]
    public void IsWebSocketRequest_Null_Throws()
        => Should.Throw<ArgumentNullException>(() => SimulatorWebSocket.IsWebSocketRequest(null!));

    [Fact]
    public void Options_Defaults_AreValidAndBinancePresetHasProductionLimits()
    {
        new WebSocketSessionOptions().Validate();
        WebSocketSessionOptions.Binance.Validate();
        WebSocketSessionOptions.Binance.MaxLifetime.ShouldBe(TimeSpan.FromHours(24));
        WebSocketSessionOptions.Binance.MaxInboundMessagesPerSecond.ShouldBe(5);
        WebSocketSessionOptions.Binance.PingInterval.ShouldBe(TimeSpan.FromSeconds(20));
        WebSocketSessionOptions.Binance.PongTimeout.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { PingInterval = TimeSpan.FromTicks(-1) }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { PongTimeout = TimeSpan.Zero }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { MaxLifetime = TimeSpan.Zero }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { MaxInboundMessagesPerSecond = 0 }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { MaxMessageBytes = 0 }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { WriteBufferBytes = 100 }.Validate());
    }

    private sealed class FakeUpgrade(bool upgradable) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => upgradable;

        public Task<Stream> UpgradeAsync() => throw new NotSupportedException();
    }
}
