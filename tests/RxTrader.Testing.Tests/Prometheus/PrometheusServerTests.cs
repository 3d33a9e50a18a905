using System.Net;
using System.Net.Sockets;
using RxTrader.Testing.Prometheus;

namespace RxTrader.Testing.Tests.Prometheus;

public sealed class PrometheusServerTests
{
    [Fact]
    public void FindBinary_FindsTheInstalledPrometheus() =>
        File.Exists(PrometheusServer.FindBinary()).ShouldBeTrue();

    [Fact]
    public void FindBinary_Missing_FailsWithTheInstallHint()
    {
        var empty = Directory.CreateTempSubdirectory("rxtrader-no-prometheus-").FullName;
        try
        {
            Should.Throw<PrometheusNotFoundException>(() => PrometheusServer.FindBinary(empty, [Path.Combine(empty, "prometheus")]))
                .Message.ShouldContain("apt-get install prometheus");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task StartAsync_TargetDown_IsReportedAsDown_BadQueriesThrow_DisposeCleansUp()
    {
        var prometheus = await PrometheusServer.StartAsync("127.0.0.1:1");
        var address = prometheus.Address;
        await using (prometheus)
        {
            // Prometheus hands new targets to its scrapers after a few seconds: wait for the first (failed) scrape.
            var up = await prometheus.WaitForAsync("up", static r => r.Count > 0, TimeSpan.FromSeconds(30));
            up.ShouldHaveSingleItem().Value.ShouldBe(0);
            up[0].Labels["job"].ShouldBe(PrometheusServer.JobName);
            up[0].Labels["instance"].ShouldBe("127.0.0.1:1");

            var error = await Should.ThrowAsync<TimeoutException>(() => prometheus.WaitForScrapesAsync(1, TimeSpan.FromSeconds(1)));
            error.Message.ShouldContain("scraped successfully 0 times");

            (await Should.ThrowAsync<InvalidOperationException>(() => prometheus.QueryAsync("sum(("))).Message.ShouldContain("bad_data");
            (await prometheus.QueryAsync("1 + 1")).ShouldHaveSingleItem().Value.ShouldBe(2);
            (await prometheus.QueryAsync("no_such_metric")).ShouldBeEmpty();
        }

        // The process is gone: its port refuses connections.
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, address.Port));
    }

    [Fact]
    public async Task Promtool_ChecksTheTextFormat()
    {
        (await Promtool.CheckMetricsAsync("# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n")).ExitCode.ShouldBe(0);
        (await Promtool.CheckMetricsAsync("x{a=\"unterminated} 1\n")).ExitCode.ShouldBe(1);
    }
}
