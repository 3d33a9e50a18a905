namespace RxTrader.Core.Orders;

/// <summary>
/// The id the client gives an order (Binance <c>newClientOrderId</c>): the key of idempotent submission,
/// of the journal and of every order cache.
/// </summary>
/// <remarks>
/// Binance accepts 1 to 36 characters of <c>[.A-Z:/a-z0-9_-]</c>. <see cref="For"/> derives the id
/// deterministically from a strategy name and a sequence number, so a restarted engine names the same
/// intent the same way and a retry can ask the venue whether the order already exists.
/// </remarks>
public readonly record struct ClientOrderId
{
    /// <summary>The longest id Binance accepts.</summary>
    public const int MaxLength = 36;

    /// <summary>Creates an id.</summary>
    /// <param name="value">1 to <see cref="MaxLength"/> characters of <c>[.A-Z:/a-z0-9_-]</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has other characters.</exception>
    public ClientOrderId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"A client order id has 1 to {MaxLength} characters of [.A-Z:/a-z0-9_-]; got '{value}'.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The id as sent on the wire; empty for <c>default(ClientOrderId)</c>.</summary>
    public string Value => field ?? string.Empty;

    /// <summary>Whether this is <c>default(ClientOrderId)</c>, which names no order.</summary>
    public bool IsDefault => Value.Length == 0;

    /// <summary>Derives the id of a strategy's <paramref name="sequence"/>-th order: <c>{strategy}-{sequence}</c>.</summary>
    /// <param name="strategy">1 to 16 characters of <c>[.A-Z:/a-z0-9_]</c> (no dash: it separates the sequence).</param>
    /// <param name="sequence">The strategy's order sequence number, from 0.</param>
    /// <returns>The id; the same arguments always give the same id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="strategy"/> is empty, longer than 16 or has other characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative.</exception>
    public static ClientOrderId For(string strategy, long sequence)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        // 16 + '-' + 19 digits of a long = 36, the wire limit.
        if (strategy.Length is 0 or > 16 || strategy.Contains('-', StringComparison.Ordinal) || !IsValid(strategy))
        {
            throw new ArgumentException(
                $"A strategy name has 1 to 16 characters of [.A-Z:/a-z0-9_]; got '{strategy}'.", nameof(strategy));
        }

        return new ClientOrderId(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{strategy}-{sequence}"));
    }

    /// <summary>Whether <paramref name="value"/> is a well-formed client order id.</summary>
    /// <param name="value">The candidate.</param>
    /// <returns><see langword="true"/> when it has 1 to <see cref="MaxLength"/> allowed characters.</returns>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
