using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class EngineConcurrencyTests
{
    [Fact]
    public void ManyThreads_EventsArriveInOrderAndOneAtATime()
    {
        using var f = new EngineFixture();
        var delivering = 0;
        var overlaps = 0;
        var depthIds = new List<long>();
        var executionIds = new List<long>();
        using var _ = f.Engine.Events.Subscribe(e =>
        {
            if (Interlocked.Increment(ref delivering) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            switch (e)
            {
                case DepthChanged d:
                    depthIds.Add(d.Update.FirstUpdateId);
                    break;
                case ExecutionReport r:
                    executionIds.Add(r.ExecutionId);
                    break;
            }

            Interlocked.Decrement(ref delivering);
        });

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var random = new Random(worker);
            var user = worker % 2 == 0 ? Alice : Bob;
            for (var i = 0; i < 300; i++)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var price = 99m + (random.Next(0, 200) / 100m);
                if (worker >= 6)
                {
                    f.Engine.PlaceLiquidity(BtcUsdt, side, price, 0.1m);
                }
                else
                {
                    f.Engine.PlaceOrder(user, Limit(side, price, 0.05m, (TimeInForce)random.Next(1, 4)));
                }
            }
        });

        overlaps.ShouldBe(0);
        depthIds.ShouldBe(Enumerable.Range(1, depthIds.Count).Select(i => (long)i));
        executionIds.ShouldBe(Enumerable.Range(1, executionIds.Count).Select(i => (long)i));
        f.Engine.GetDepth(BtcUsdt).Value.LastUpdateId.ShouldBe(depthIds.Count);
    }

    [Fact]
    public void Events_AreDeliveredOutsideTheGate()
    {
        using var f = new EngineFixture();
        var reads = 0;
        using var _ = f.Engine.Events.OfType<DepthChanged>().Subscribe(_ =>
        {
            // Another thread needs the gate: this would deadlock if delivery held it.
            Task.Run(() => f.Engine.GetDepth(BtcUsdt)).Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
            reads++;
        });

        f.Place(Alice, Limit(Side.Buy, 100m, 1m));

        reads.ShouldBe(1);
    }

    [Fact]
    public async Task Dispose_WhileAnotherThreadDelivers_CompletesOnceAndNeverThrows()
    {
        // A market model's timer can be inside an engine call on its event loop while the server is disposed.
        for (var round = 0; round < 20; round++)
        {
            var f = new EngineFixture();
            var completed = 0;
            var afterCompletion = 0;
            using var _ = f.Engine.Events.Subscribe(
                _ =>
                {
                    if (Volatile.Read(ref completed) != 0)
                    {
                        Interlocked.Increment(ref afterCompletion);
                    }

                    Thread.SpinWait(50);
                },
                () => Interlocked.Increment(ref completed));
            using var started = new ManualResetEventSlim();
            var producer = Task.Run(() =>
            {
                started.Set();
                for (var i = 0; i < 2_000; i++)
                {
                    f.Engine.PlaceLiquidity(BtcUsdt, i % 2 == 0 ? Side.Buy : Side.Sell, i % 2 == 0 ? 99m : 101m, 0.1m);
                }
            });
            started.Wait();
            f.Dispose();
            await producer;

            completed.ShouldBe(1);
            afterCompletion.ShouldBe(0);
        }
    }
}
