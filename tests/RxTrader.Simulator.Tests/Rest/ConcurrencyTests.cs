using System.Net;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.Rest;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ParallelClients_CrossingOrders_AllAnswered_BalancesAddUp()
    {
        const int Clients = 8;
        const int OrdersPerClient = 40;
        var accounts = Enumerable.Range(0, Clients)
            .Select(i => new SimulatorAccount("key" + i, "secret" + i, [new AssetBalance("USDT", 100_000m, 0m), new AssetBalance("BTC", 100m, 0m)], new CommissionRates(0m, 0m)))
            .ToArray();
        await using var f = await RestFixture.StartAsync(o => o with
        {
            Accounts = accounts,
            RateLimits = new SimulatorRateLimits { OrdersPer10Seconds = 10_000, RequestWeightPerMinute = 100_000 },
        });

        var tasks = accounts.Select((account, i) => Task.Run(async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = f.Server.BaseAddress };
            var codes = new List<HttpStatusCode>();
            for (var n = 0; n < OrdersPerClient; n++)
            {
                // Even clients buy, odd clients sell, at one of two prices: many orders cross.
                var side = i % 2 == 0 ? "BUY" : "SELL";
                var price = 100 + (n % 2);
                var payload = $"timestamp={f.NowMs}&symbol=BTCUSDT&side={side}&type=LIMIT&timeInForce=GTC&quantity=0.1&price={price}";
                var signed = payload + "&signature=" + RestFixture.Sign(account.SecretKey, payload);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order") { Content = new StringContent(signed, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded") };
                request.Headers.Add("X-MBX-APIKEY", account.ApiKey);
                using var response = await client.SendAsync(request);
                codes.Add(response.StatusCode);
            }

            return codes;
        })).ToArray();
        var results = await Task.WhenAll(tasks);
        results.SelectMany(static c => c).ShouldAllBe(static c => c == HttpStatusCode.OK);
        f.Server.UnhandledErrorCount.ShouldBe(0);

        decimal usdt = 0m, btc = 0m;
        foreach (var account in accounts)
        {
            var snapshot = f.Server.Engine.GetAccount(account.ApiKey).Value!;
            foreach (var b in snapshot.Balances)
            {
                if (b.Asset == "USDT")
                {
                    usdt += b.Free + b.Locked;
                }
                else if (b.Asset == "BTC")
                {
                    btc += b.Free + b.Locked;
                }
            }
        }

        // No commission: value is only moved between accounts, never created or lost.
        usdt.ShouldBe(Clients * 100_000m);
        btc.ShouldBe(Clients * 100m);
        var allOrders = accounts.Sum(a => f.Server.Engine.AllOrders(a.ApiKey, RestFixture.BtcUsdt, new RxTrader.Simulator.Matching.HistoryQuery { Limit = 1000 }).Value!.Count);
        allOrders.ShouldBe(Clients * OrdersPerClient);
    }
}
