using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Testing.Venues;
using RxTrader.Trading.Paper;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>The venue contract suite against the paper venue, in virtual time, fed by hand.</summary>
public sealed class PaperVenueContractTests : ExecutionVenueContract, IDisposable
{
    private readonly TestScheduler _scheduler = new();
    private readonly Subject<BookTicker> _books = new();
    private readonly Subject<ITradeTick> _trades = new();
    private PaperVenue? _paper;
    private long _updateId;
    private long _tradeId;

    /// <inheritdoc />
    protected override Task<IExecutionVenue> CreateVenueAsync()
    {
        _paper = new PaperVenue(
            new PaperVenueOptions
            {
                Symbols = [ContractSymbol],
                InitialBalances = ContractBalances.ToDictionary(b => b.Asset, b => b.Free),
            },
            _books,
            _trades,
            _scheduler);
        return Task.FromResult<IExecutionVenue>(_paper);
    }

    /// <inheritdoc />
    protected override Task DisposeVenueAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Disposes the venue and the feeds; idempotent.</summary>
    public void Dispose()
    {
        _paper?.Dispose();
        _books.Dispose();
        _trades.Dispose();
    }

    /// <inheritdoc />
    protected override Task SetBookAsync(decimal bid, decimal ask, decimal quantity)
    {
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1).Ticks);
        _books.OnNext(new BookTicker(ContractSymbol.Symbol, ++_updateId, bid, quantity, ask, quantity));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task TradeThroughAsync(Side aggressor, decimal price, decimal quantity)
    {
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1).Ticks);
        var now = _scheduler.Now;
        _trades.OnNext(new Trade(ContractSymbol.Symbol, ++_tradeId, price, quantity, now, now, IsBuyerMaker: aggressor == Side.Sell));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task EventuallyAsync(Func<bool> condition, string what)
    {
        // Virtual time: a second of scheduler time in millisecond steps covers any acknowledgement latency.
        for (var step = 0; step < 1_000 && !condition(); step++)
        {
            _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1).Ticks);
        }

        condition().ShouldBeTrue($"waited for {what}");
        return Task.CompletedTask;
    }
}
