using System.Net;

namespace RxTrader.Host.Metrics;

/// <summary>Where a <see cref="MetricsServer"/> listens.</summary>
public sealed record MetricsServerOptions
{
    /// <summary>The port Prometheus exporters of this kind commonly use.</summary>
    public const int DefaultPort = 9464;

    /// <summary>The address to bind; loopback only (IPv4 or IPv6).</summary>
    /// <value>Defaults to <see cref="IPAddress.Loopback"/>.</value>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (see <see cref="MetricsServer.Port"/>).</summary>
    /// <value>Defaults to <see cref="DefaultPort"/>.</value>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The address is null or not a loopback address.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0–65535.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address, nameof(Address));
        if (!IPAddress.IsLoopback(Address))
        {
            throw new ArgumentException(
                $"The metrics endpoint listens on loopback only; {Address} is not a loopback address (use 127.0.0.1 or ::1).",
                nameof(Address));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
    }
}
