using System.Net;
using System.Net.Sockets;
using RxTrader.Host.Metrics;

namespace RxTrader.Host.Tests.Metrics;

public sealed class MetricsServerTests
{
    [Fact]
    public async Task StartAsync_NullArguments_Throw()
    {
        using var t = new TestMeter();
        await Should.ThrowAsync<ArgumentNullException>(() => MetricsServer.StartAsync(null!, new MetricsServerOptions()));
        await Should.ThrowAsync<ArgumentNullException>(() => MetricsServer.StartAsync(t.Exporter, null!));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.10")]
    public async Task StartAsync_NonLoopbackAddress_IsRefused(string address)
    {
        using var t = new TestMeter();
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Address = IPAddress.Parse(address), Port = 0 }));
        error.Message.ShouldContain("loopback only");
        error.ParamName.ShouldBe("Address");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task StartAsync_PortOutOfRange_Throws(int port)
    {
        using var t = new TestMeter();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = port }));
    }

    [Fact]
    public async Task StartAsync_PortTaken_Throws()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        using var t = new TestMeter();

        await Should.ThrowAsync<IOException>(() => MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = port }));
    }

    [Fact]
    public async Task GetMetrics_ServesTheScrapeWithTheTextFormatContentType()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<int>("ws_reconnects_total", null, "WebSocket reconnects.");
        counter.Add(1);
        await using var server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = 0 });
        using var http = new HttpClient();

        server.Port.ShouldBeGreaterThan(0);
        server.MetricsAddress.ShouldBe(new Uri($"http://127.0.0.1:{server.Port}/metrics"));
        using var first = await http.GetAsync(server.MetricsAddress);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        (await first.Content.ReadAsStringAsync()).ShouldBe(
            "# HELP ws_reconnects_total WebSocket reconnects.\n# TYPE ws_reconnects_total counter\nws_reconnects_total 1\n");

        counter.Add(2);
        (await http.GetStringAsync(server.MetricsAddress)).ShouldEndWith("ws_reconnects_total 3\n");
    }

    [Fact]
    public async Task GetMetrics_LargeScrapeWithMultiByteText_IsSentWhole_HeadSendsTheLengthOnly()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<int>("c", null, "Prices in € and ¥.");
        for (var i = 0; i < 1_000; i++)
        {
            counter.Add(i, new KeyValuePair<string, object?>("symbol", $"SYMBOL€{i:D4}"));
        }

        await using var server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = 0 });
        using var http = new HttpClient();
        var body = await http.GetByteArrayAsync(server.MetricsAddress);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.MetricsAddress));

        System.Text.Encoding.UTF8.GetString(body).ShouldBe(t.Scrape());
        body.Length.ShouldBeGreaterThan(24_000, "several builder chunks");
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(body.Length);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OtherPaths_Answer404_RootPointsToMetrics_WrongMethod405()
    {
        using var t = new TestMeter();
        await using var server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };

        (await http.GetAsync(new Uri("nope", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri("metrics/x", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var root = await http.GetAsync(new Uri("/", UriKind.Relative));
        root.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await root.Content.ReadAsStringAsync()).ShouldContain("/metrics");
        using var post = await http.PostAsync(new Uri("metrics", UriKind.Relative), new StringContent("x"));
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Ipv6Loopback_IsServed()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>("c").Add(1);
        MetricsServer server;
        try
        {
            server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Address = IPAddress.IPv6Loopback, Port = 0 });
        }
        catch (IOException) when (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using (server)
        {
            server.MetricsAddress.Host.ShouldBe("[::1]");
            using var http = new HttpClient();
            (await http.GetStringAsync(server.MetricsAddress)).ShouldContain("c 1\n");
        }
    }

    [Fact]
    public async Task DisposeAsync_StopsListening_AndIsIdempotent()
    {
        using var t = new TestMeter();
        var server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = 0 });
        var address = server.MetricsAddress;
        await server.DisposeAsync();
        await server.DisposeAsync();

        using var http = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(address));
    }
}
