using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Core;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Market;

/// <summary>Replays a Binance public-data <c>trades</c> CSV (<c>id,price,qty,quoteQty,time,isBuyerMaker,isBestMatch</c>,
/// header optional) into the engine at the recorded pace: each line prints one trade at its price, quantity and
/// aggressor side.</summary>
/// <remarks>
/// <para>Each trade is a synthetic maker at the price on the line's maker side, then a synthetic taker of the
/// line's quantity against it; what is left of either is canceled, so the replay leaves no synthetic orders.
/// A user order at a better price (or the same price, ahead of the maker) trades first, as it would have.</para>
/// <para>Lines are read lazily from the sequence on the scheduler; trades with the same time go in one callback.
/// Malformed lines are counted in <see cref="CsvTradeReplayState.Skipped"/> and skipped, never thrown; an
/// <see cref="IOException"/> while reading ends the replay.</para>
/// <para><see cref="Dispose"/> stops the replay: nothing it scheduled runs afterwards.</para>
/// </remarks>
public sealed class CsvTradeReplay : IDisposable
{
    private readonly MatchingEngine _engine;
    private readonly IScheduler _scheduler;
    private readonly Symbol _symbol;
    private readonly IEnumerable<string> _lines;
    private readonly CsvTradeReplayOptions _options;
    private readonly SerialDisposable _timer = new();
    private readonly Lock _gate = new();
    private IEnumerator<string>? _reader;
    private CsvTrade? _pending;
    private bool _sawLine;
    private long _replayed;
    private long _skipped;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates the replay; nothing is read before <see cref="Start"/>.</summary>
    /// <param name="engine">The engine, which must know <paramref name="symbol"/>.</param>
    /// <param name="scheduler">The scheduler of the playback.</param>
    /// <param name="symbol">The symbol the trades are printed on.</param>
    /// <param name="lines">The CSV lines, e.g. <c>File.ReadLines(path)</c>.</param>
    /// <param name="options">The playback options; default <see cref="CsvTradeReplayOptions"/>.</param>
    /// <exception cref="ArgumentNullException">A null engine, scheduler or lines.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public CsvTradeReplay(MatchingEngine engine, IScheduler scheduler, Symbol symbol, IEnumerable<string> lines, CsvTradeReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(lines);
        options ??= new CsvTradeReplayOptions();
        options.Validate();
        _engine = engine;
        _scheduler = scheduler;
        _symbol = symbol;
        _lines = lines;
        _options = options;
    }

    /// <summary>The progress so far.</summary>
    public CsvTradeReplayState GetState()
    {
        lock (_gate)
        {
            return new CsvTradeReplayState(_replayed, _skipped, _completed);
        }
    }

    /// <summary>Starts the playback: the first trade prints now.</summary>
    /// <exception cref="ArgumentException">The engine does not know the symbol.</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_reader is not null)
            {
                throw new InvalidOperationException("The replay has already started.");
            }

            if (_engine.GetSymbol(_symbol) is null)
            {
                throw new ArgumentException($"The engine does not know {_symbol}.", nameof(_symbol));
            }

            _reader = _lines.GetEnumerator();
        }

        _timer.Disposable = _scheduler.Schedule(this, TimeSpan.Zero, static (_, self) => self.Tick());
    }

    /// <summary>Stops the playback.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
        _reader?.Dispose();
    }

    private IDisposable Tick()
    {
        TimeSpan due;
        lock (_gate)
        {
            if (_disposed || _reader is null)
            {
                return Disposable.Empty;
            }

            var current = _pending ?? Read();
            _pending = null;
            if (current is not { } trade)
            {
                _completed = true;
                return Disposable.Empty;
            }

            Print(trade);
            CsvTrade? next;
            while ((next = Read()) is { } same && same.Time <= trade.Time)
            {
                Print(same);
            }

            if (next is not { } later)
            {
                _completed = true;
                return Disposable.Empty;
            }

            _pending = later;
            var gap = TimeSpan.FromTicks((long)((later.Time - trade.Time).Ticks / _options.Speed));
            due = gap < _options.MaxGap ? gap : _options.MaxGap;
        }

        _timer.Disposable = _scheduler.Schedule(this, due, static (_, self) => self.Tick());
        return Disposable.Empty;
    }

    private CsvTrade? Read()
    {
        try
        {
            while (_reader!.MoveNext())
            {
                var line = _reader.Current;
                if (CsvTrade.TryParse(line, out var trade))
                {
                    _sawLine = true;
                    return trade;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                // A header is the first line, and does not start with a digit.
                var header = !_sawLine && line.TrimStart() is { Length: > 0 } t && !char.IsAsciiDigit(t[0]);
                _sawLine = true;
                _skipped += header ? 0 : 1;
            }
        }
        catch (IOException)
        {
            // A broken file ends the replay; what was read stays printed.
        }

        return null;
    }

    private void Print(CsvTrade trade)
    {
        var makerSide = trade.IsBuyerMaker ? Side.Buy : Side.Sell;
        var takerSide = trade.IsBuyerMaker ? Side.Sell : Side.Buy;
        var maker = _engine.PlaceLiquidity(_symbol, makerSide, trade.Price, trade.Quantity);
        if (!maker.IsSuccess)
        {
            _skipped++;
            return;
        }

        _replayed++;
        if (maker.Value.Resting > 0)
        {
            var taker = _engine.PlaceLiquidity(_symbol, takerSide, trade.Price, maker.Value.Resting);
            if (taker.IsSuccess && taker.Value.Resting > 0)
            {
                _engine.CancelLiquidity(_symbol, taker.Value.OrderId);
            }

            _engine.CancelLiquidity(_symbol, maker.Value.OrderId);
        }
    }
}
