using Microsoft.Reactive.Testing;
using RxTrader.Testing;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateConcurrencyTests
{
    [Fact]
    public void Check_FromManyThreads_RateLimitHoldsExactlyAndEveryRejectionIsPublishedOnce()
    {
        // Virtual time stands still, so exactly the bucket's capacity can pass, whatever the interleaving.
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxOrdersPerSecond = 100 });
        var published = 0;
        var concurrentDeliveries = 0;
        var overlap = false;
        var violations = new List<string>();
        gate.Rejections.ValidateGrammar(violations).Subscribe(_ =>
        {
            overlap |= Interlocked.Increment(ref concurrentDeliveries) > 1;
            published++;
            Interlocked.Decrement(ref concurrentDeliveries);
        });
        var approved = 0;
        var rejected = 0;

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 250; i++)
            {
                if (gate.Check(BuyLimit(1m, 100m)).IsApproved)
                {
                    Interlocked.Increment(ref approved);
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                }
            }
        });

        approved.ShouldBe(100);
        rejected.ShouldBe(900);
        published.ShouldBe(900);
        overlap.ShouldBeFalse();
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Rejections_SubscriberCallingBack_DeliveredAfterTheCurrentOneWithoutDeadlock()
    {
        using var gate = CreateSut(new TestScheduler());
        var seen = new List<string>();
        var nestedReturned = false;
        gate.Rejections.Subscribe(r =>
        {
            seen.Add(r.Request.Symbol.Value);
            if (seen.Count == 1)
            {
                // Runs outside the gate's lock: reading and checking from here must not deadlock.
                gate.Mode.ShouldBe(TradingMode.Active);
                gate.Check(BuyLimit(1m, 100m, Halted)).IsApproved.ShouldBeFalse();
                nestedReturned = true;
                seen.Count.ShouldBe(1);
            }
        });

        gate.Check(BuyLimit(1m, 100m, Unknown));

        nestedReturned.ShouldBeTrue();
        seen.ShouldBe(["NOPEUSDT", "HALTUSDT"]);
    }

    [Fact]
    public void ModeChanges_AndRejections_DeliveredInTheOrderTheyHappened()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.1m });
        var log = new List<string>();
        gate.Rejections.Subscribe(r => log.Add(r.Reason.ToString()));
        gate.ModeChanges.Subscribe(c => log.Add(c.Current.ToString()));

        gate.Check(BuyLimit(1m, 100m, Unknown));
        gate.OnEquity(100m);
        gate.OnEquity(50m);
        gate.Check(BuyLimit(1m, 100m));
        gate.SetMode(TradingMode.Active, "ok");

        log.ShouldBe(["UnknownSymbol", "Halted", "TradingHalted", "Active"]);
    }

    [Fact]
    public void Rejections_ThrowingSubscriber_DoesNotWedgeDelivery()
    {
        using var gate = CreateSut(new TestScheduler());
        var calls = 0;
        gate.Rejections.Subscribe(_ =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("subscriber bug");
            }
        });

        Should.Throw<InvalidOperationException>(() => gate.Check(BuyLimit(1m, 100m, Unknown)));
        gate.Check(BuyLimit(1m, 100m, Unknown)).ShouldBeRejected().ShouldBe(RiskRejectionReason.UnknownSymbol);

        calls.ShouldBe(2);
    }
}
