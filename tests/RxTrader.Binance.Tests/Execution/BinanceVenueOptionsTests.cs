using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.Execution;

public sealed class BinanceVenueOptionsTests
{
    private static readonly BinanceVenueOptions Valid = new() { ApiKey = "apiKeyValue", SecretKey = "secretKeyValue" };

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        Valid.RecvWindow.ShouldBe(TimeSpan.FromSeconds(5));
        Valid.ClockMargin.ShouldBe(TimeSpan.FromSeconds(1));
        Valid.MaxResolveAttempts.ShouldBe(5);
        Valid.MaxResends.ShouldBe(2);
        Valid.PollInterval.ShouldBe(TimeSpan.FromSeconds(2));
        Valid.RateLimitShare.ShouldBe(0.9);
        Valid.ClosedOrderMemory.ShouldBe(10_000);
        Valid.UseUserDataStream.ShouldBeTrue();
        Valid.Name.ShouldBe("binance");
        Valid.Rest.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        Valid.Rest.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        Valid.Rest.MaxConnectionsPerServer.ShouldBe(30);
        Valid.UserData.KeepAliveInterval.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void ToString_NeverShowsTheSecret_AndOnlyAKeyPrefix()
    {
        var text = Valid.ToString();

        text.ShouldNotContain("secretKeyValue");
        text.ShouldNotContain("apiKeyValue");
        text.ShouldContain("apiK…");
    }

    public static TheoryData<Func<BinanceVenueOptions, BinanceVenueOptions>> Invalid() => new()
    {
        o => o with { ApiKey = " " },
        o => o with { SecretKey = string.Empty },
        o => o with { Name = string.Empty },
        o => o with { RecvWindow = TimeSpan.Zero },
        o => o with { RecvWindow = TimeSpan.FromSeconds(61) },
        o => o with { ClockMargin = TimeSpan.FromMilliseconds(-1) },
        o => o with { MaxResolveAttempts = 0 },
        o => o with { MaxResends = -1 },
        o => o with { PollInterval = TimeSpan.Zero },
        o => o with { RateLimitShare = 0 },
        o => o with { RateLimitShare = 1.5 },
        o => o with { ClosedOrderMemory = 0 },
        o => o with { Rest = new BinanceRestOptions { RequestTimeout = TimeSpan.Zero } },
        o => o with { UserData = new UserDataStreamOptions { StreamAddress = new Uri("http://example.com/") } },
        o => o with { UserData = new UserDataStreamOptions { KeepAliveInterval = TimeSpan.FromMinutes(60) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_InvalidOption_ThrowsArgumentException(Func<BinanceVenueOptions, BinanceVenueOptions> change)
    {
        Should.Throw<ArgumentException>(() => new BinanceExecutionVenue(change(Valid), RealTime.Scheduler));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new BinanceExecutionVenue(null!, RealTime.Scheduler));
        Should.Throw<ArgumentNullException>(() => new BinanceExecutionVenue(Valid, null!));
    }

    [Fact]
    public void Signer_MatchesBinancesDocumentedExample()
    {
        // The HMAC example of Binance's "SIGNED endpoint security" documentation.
        var signer = new RequestSigner("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");

        signer.Sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559")
            .ShouldBe("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        signer.ToString().ShouldBe("RequestSigner(vmPU…)");
    }
}
