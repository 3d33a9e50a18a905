using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Testing.Venues;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>The venue contract, run by the Binance venue against the simulator on loopback.</summary>
public sealed class BinanceVenueContractTests : ExecutionVenueContract
{
    private VenueHarness? _harness;

    private VenueHarness Harness => _harness ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    protected override async Task<IExecutionVenue> CreateVenueAsync()
    {
        _harness = await VenueHarness.StartAsync();
        return _harness.Venue;
    }

    /// <inheritdoc />
    protected override async Task DisposeVenueAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override Task SetBookAsync(decimal bid, decimal ask, decimal quantity)
    {
        Harness.SetBook(bid, ask, quantity);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task TradeThroughAsync(Side aggressor, decimal price, decimal quantity)
    {
        // Without the synthetic book in the way, a synthetic aggressor crossing down (or up) to the price trades
        // against the account's better resting orders; what is left of it is then taken off the book.
        var engine = Harness.Server.Engine;
        engine.CancelAllLiquidity(VenueHarness.Btc);
        engine.PlaceLiquidity(VenueHarness.Btc, aggressor, price, quantity);
        engine.CancelAllLiquidity(VenueHarness.Btc);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task EventuallyAsync(Func<bool> condition, string what) => VenueHarness.EventuallyAsync(condition, what);
}
