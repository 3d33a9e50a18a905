using RxTrader.Testing;
using RxTrader.Trading.Caches;
using static RxTrader.Trading.Tests.Caches.CacheTestData;

namespace RxTrader.Trading.Tests.Caches;

/// <summary>Filter and Transform downstream of a live cache stay consistent with the cache itself.</summary>
public sealed class ObservableCachePipelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FilterThenTransform_RandomEdits_LastSnapshotEqualsProjectedCache(int seed)
    {
        var random = new Random(seed);
        using var cache = NewCache();
        static bool Big(Order o) => o.Quantity >= 50;
        IReadOnlyDictionary<string, int>? last = null;
        var violations = new List<string>();
        using var subscription = cache.Connect()
            .Filter(Big)
            .ValidateGrammar(violations)
            .Transform(o => o.Quantity * 2)
            .ValidateGrammar(violations)
            .QueryWhenChanged()
            .ValidateGrammar(violations)
            .Subscribe(snapshot => last = snapshot);

        for (var i = 0; i < 500; i++)
        {
            var key = $"k{random.Next(20)}";
            switch (random.Next(4))
            {
                case 0:
                    cache.Remove(key);
                    break;
                case 1:
                    cache.Edit(u =>
                    {
                        u.AddOrUpdate(O(key, random.Next(100)));
                        u.AddOrUpdate(O($"k{random.Next(20)}", random.Next(100)));
                    });
                    break;
                default:
                    cache.AddOrUpdate(O(key, random.Next(100)));
                    break;
            }

            var expected = cache.Items.Where(Big).ToDictionary(o => o.Id, o => o.Quantity * 2);
            (last ?? new Dictionary<string, int>()).ShouldBe(expected, ignoreOrder: true, $"step {i}");
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void SubscriptionDisposedDuringADelivery_GetsNothingFurther()
    {
        using var cache = NewCache();
        IDisposable? second = null;
        var secondSets = new List<string>();
        using var first = cache.Connect().Subscribe(_ => second!.Dispose());
        second = cache.Connect().Subscribe(set => secondSets.Add(set[0].Key));

        cache.AddOrUpdate(O("a", 1));
        cache.AddOrUpdate(O("b", 1));

        secondSets.ShouldBeEmpty();
    }
}
