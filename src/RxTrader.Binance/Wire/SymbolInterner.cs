using RxTrader.Core;

namespace RxTrader.Binance.Wire;

/// <summary>Turns the UTF-8 symbol text of a frame into a cached <see cref="Symbol"/> without allocating.</summary>
/// <remarks>
/// The bytes are upper-cased into a stack buffer of chars and looked up through the dictionary's span
/// lookup. The cache holds at most <c>capacity</c> symbols so a stream of made-up symbols cannot grow it
/// without bound; past that, symbols are still returned but allocated each time (counted as overflows).
/// Not thread-safe: one interner per decoder.
/// </remarks>
internal sealed class SymbolInterner
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private readonly DecoderCounters _counters;

    /// <summary>Creates an interner that caches up to <paramref name="capacity"/> symbols and publishes its size to <paramref name="counters"/>.</summary>
    public SymbolInterner(int capacity, DecoderCounters counters)
    {
        (_capacity, _counters) = (capacity, counters);
        _lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many symbols are cached.</summary>
    public int Count => _symbols.Count;

    /// <summary>How many symbols were allocated uncached because the cache was full.</summary>
    public long Overflows { get; private set; }

    /// <summary>The symbol for ASCII letters and digits in either case; false for anything else.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out Symbol symbol)
    {
        symbol = default;
        if (utf8.Length is 0 or > Symbol.MaxLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[Symbol.MaxLength];
        for (var i = 0; i < utf8.Length; i++)
        {
            var c = (char)utf8[i];
            if (char.IsAsciiLetterLower(c))
            {
                c = (char)(c - ('a' - 'A'));
            }
            else if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }

            chars[i] = c;
        }

        var text = chars[..utf8.Length];
        if (_lookup.TryGetValue(text, out symbol))
        {
            return true;
        }

        symbol = new Symbol(text.ToString());
        if (_symbols.Count < _capacity)
        {
            _symbols.Add(symbol.Value, symbol);
        }
        else
        {
            Overflows++;
        }

        _counters.SetSymbols(_symbols.Count, Overflows);

        return true;
    }
}
