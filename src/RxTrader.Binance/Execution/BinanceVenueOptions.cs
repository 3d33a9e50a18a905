using System.Text;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Execution;

/// <summary>Settings of <see cref="BinanceExecutionVenue"/>. The secret is never printed: <see cref="ToString"/>
/// shows only the first characters of the API key.</summary>
public sealed record BinanceVenueOptions
{
    /// <summary>The API key, sent as <c>X-MBX-APIKEY</c>.</summary>
    /// <value>Required, non-blank.</value>
    public required string ApiKey { get; init; }

    /// <summary>The HMAC-SHA256 secret key signing every TRADE/USER_DATA request.</summary>
    /// <value>Required, non-blank. Never logged or printed.</value>
    public required string SecretKey { get; init; }

    /// <summary>The venue's name in logs and connection events.</summary>
    /// <value>Default <c>binance</c>.</value>
    public string Name { get; init; } = "binance";

    /// <summary>The REST settings: base address, pooled handler (30 connections per server), 30 s total / 10 s
    /// connect timeouts, weight budget, 429/418 blocking.</summary>
    /// <value>Default <c>new BinanceRestOptions()</c> (api.binance.com).</value>
    public BinanceRestOptions Rest { get; init; } = new();

    /// <summary>The user data stream settings (stream address, keep-alive, reconnect backoff).</summary>
    /// <value>Default <c>new UserDataStreamOptions()</c> (stream.binance.com).</value>
    public UserDataStreamOptions UserData { get; init; } = new();

    /// <summary>The <c>recvWindow</c> of signed requests: the exchange refuses a request arriving later than
    /// <c>timestamp + recvWindow</c> on its clock, which bounds how long an unanswered order can still be placed.</summary>
    /// <value>Default 5 s. 1 ms to 60 s.</value>
    public TimeSpan RecvWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra time added to <c>timestamp + recvWindow</c> before "no such order" is trusted, covering the
    /// error of the estimated exchange clock (half the round trip of the last time sync is added on top).</summary>
    /// <value>Default 1 s. Not negative.</value>
    public TimeSpan ClockMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many queries by client order id resolve a submit whose outcome is unknown before the venue gives
    /// up and answers <c>Unknown</c>.</summary>
    /// <value>Default 5. At least 1.</value>
    public int MaxResolveAttempts { get; init; } = 5;

    /// <summary>How many times an order proven not placed is sent again (same client order id).</summary>
    /// <value>Default 2. Not negative; 0 never resends (the outcome is then a rejection saying it was not placed).</value>
    public int MaxResends { get; init; } = 2;

    /// <summary>The waits between resolve queries that failed and before a resend: attempt n waits <c>BaseDelay(n)</c>.</summary>
    /// <value>Default 200 ms doubling to 5 s.</value>
    public ExponentialBackoff ResolveBackoff { get; init; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>How often orders are polled over REST while the user data stream is down.</summary>
    /// <value>Default 2 s. Positive.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often orders are polled over REST while the user data stream is up: a safety net for an update the stream
    /// lost (an execution report that arrived while the order's placement was still being resolved, or in the instant
    /// of a reconnection), so no order stays stale longer than this.
    /// </summary>
    /// <value>Default 30 s. Positive.</value>
    public TimeSpan StreamingPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of the exchange's ORDERS and REQUEST_WEIGHT limits this venue allows itself; orders past it
    /// are refused locally (<c>-1003</c>, not sent).</summary>
    /// <value>Default 0.9. Above 0, at most 1.</value>
    public double RateLimitShare { get; init; } = 0.9;

    /// <summary>How many closed orders are remembered (to drop repeated updates and map fills); open orders are always kept.</summary>
    /// <value>Default 10 000. Positive.</value>
    public int ClosedOrderMemory { get; init; } = 10_000;

    /// <summary>Whether <see cref="BinanceExecutionVenue.StartAsync"/> opens the user data stream.</summary>
    /// <value>Default true. Without it, <see cref="BinanceExecutionVenue.OrderUpdates"/> comes from REST answers and polling only.</value>
    public bool UseUserDataStream { get; init; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey, nameof(ApiKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(SecretKey, nameof(SecretKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentNullException.ThrowIfNull(Rest, nameof(Rest));
        ArgumentNullException.ThrowIfNull(UserData, nameof(UserData));
        ArgumentNullException.ThrowIfNull(ResolveBackoff, nameof(ResolveBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecvWindow, TimeSpan.FromMilliseconds(1), nameof(RecvWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RecvWindow, TimeSpan.FromSeconds(60), nameof(RecvWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClockMargin, TimeSpan.Zero, nameof(ClockMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResolveAttempts, 1, nameof(MaxResolveAttempts));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxResends, nameof(MaxResends));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StreamingPollInterval, TimeSpan.Zero, nameof(StreamingPollInterval));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClosedOrderMemory, nameof(ClosedOrderMemory));
        if (!(RateLimitShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitShare), RateLimitShare, "The share must be above 0 and at most 1.");
        }

        Rest.Validate();
        UserData.Validate();
    }

    // Records print every property; the secret must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", ApiKey = ").Append(ApiKey is null ? "null" : RequestSigner.Redact(ApiKey))
            .Append(", SecretKey = ***, BaseAddress = ").Append(Rest?.BaseAddress)
            .Append(", RecvWindow = ").Append(RecvWindow);
        return true;
    }
}
