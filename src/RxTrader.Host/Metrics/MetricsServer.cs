using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RxTrader.Host.Metrics;

/// <summary>Serves a <see cref="PrometheusExporter"/> over HTTP on a loopback port: <c>GET /metrics</c>.</summary>
/// <remarks>
/// <c>GET</c> or <c>HEAD /metrics</c> answers 200 with <see cref="PrometheusExporter.ContentType"/>; another method on
/// it 405; <c>GET /</c> a short text pointing to <c>/metrics</c>; every other path 404. The host reads no
/// configuration and logs nothing. The server does not own the exporter.
/// </remarks>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private MetricsServer(WebApplication app, IPAddress address, int port)
    {
        _app = app;
        Port = port;
        MetricsAddress = new Uri($"http://{new IPEndPoint(address, port)}/metrics");
    }

    /// <summary>The port listened on (the one picked when <see cref="MetricsServerOptions.Port"/> is 0).</summary>
    public int Port { get; }

    /// <summary>The scrape address, e.g. <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public Uri MetricsAddress { get; }

    /// <summary>Starts listening.</summary>
    /// <param name="exporter">The metrics to serve.</param>
    /// <param name="options">Address (loopback only) and port.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The address is not a loopback address.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0–65535.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<MetricsServer> StartAsync(PrometheusExporter exporter, MetricsServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // The empty builder reads no appsettings, no environment variables and adds no console logger.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        var endpoint = new MetricsEndpoint(exporter);
        app.Run(endpoint.HandleAsync);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsServer(app, options.Address, new Uri(address).Port);
    }

    /// <summary>Stops listening and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
