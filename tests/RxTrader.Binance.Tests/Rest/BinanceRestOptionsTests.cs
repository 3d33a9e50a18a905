using Microsoft.Reactive.Testing;
using RxTrader.Binance.Rest;
using RxTrader.Streams.Time;

namespace RxTrader.Binance.Tests.Rest;

public sealed class BinanceRestOptionsTests
{
    private static readonly TimeProvider Time = new SchedulerTimeProvider(new TestScheduler());

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new BinanceRestOptions();
        options.BaseAddress.ShouldBe(new Uri("https://api.binance.com/"));
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.MaxConnectionsPerServer.ShouldBe(30);
        options.PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
        options.WeightBudgetPerMinute.ShouldBe(5000);
        options.DefaultRetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        options.MaxRateLimitRetries.ShouldBe(0);
        options.RateLimitBackoff.InitialDelay.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void BaseAddress_WithoutTrailingSlash_GetsOne() =>
        new BinanceRestOptions { BaseAddress = new Uri("http://127.0.0.1:5000/sim") }.BaseAddress
            .ShouldBe(new Uri("http://127.0.0.1:5000/sim/"));

    public static TheoryData<BinanceRestOptions> InvalidOptions => new()
    {
        new BinanceRestOptions { RequestTimeout = TimeSpan.Zero },
        new BinanceRestOptions { ConnectTimeout = TimeSpan.FromSeconds(-1) },
        new BinanceRestOptions { MaxConnectionsPerServer = 0 },
        new BinanceRestOptions { PooledConnectionLifetime = TimeSpan.Zero },
        new BinanceRestOptions { WeightBudgetPerMinute = 0 },
        new BinanceRestOptions { DefaultRetryAfter = TimeSpan.Zero },
        new BinanceRestOptions { MaxRateLimitRetries = -1 },
        new BinanceRestOptions { BaseAddress = new Uri("/relative", UriKind.Relative) },
        new BinanceRestOptions { BaseAddress = null! },
        new BinanceRestOptions { RateLimitBackoff = null! },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Client_InvalidOptions_ThrowsAtConstruction(BinanceRestOptions options) =>
        Should.Throw<ArgumentException>(() => new BinanceRestClient(options, Time));

    [Fact]
    public void Client_NullArguments_Throw()
    {
        using var handler = new HttpClientHandler();
        Should.Throw<ArgumentNullException>(() => new BinanceRestClient(null!, Time));
        Should.Throw<ArgumentNullException>(() => new BinanceRestClient(new BinanceRestOptions(), null!));
        Should.Throw<ArgumentNullException>(() => new BinanceRestClient(new BinanceRestOptions(), Time, null!, false));
        Should.Throw<ArgumentNullException>(() => BinanceRestClient.CreatePooledHandler(null!));
    }

    [Fact]
    public void CreatePooledHandler_AppliesTheConnectionSettings()
    {
        var options = new BinanceRestOptions { MaxConnectionsPerServer = 7, ConnectTimeout = TimeSpan.FromSeconds(3) };
        using var handler = BinanceRestClient.CreatePooledHandler(options);
        handler.MaxConnectionsPerServer.ShouldBe(7);
        handler.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        handler.PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
        handler.UseCookies.ShouldBeFalse();
    }
}
