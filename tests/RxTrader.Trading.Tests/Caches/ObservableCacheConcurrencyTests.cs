using System.Collections.Concurrent;
using RxTrader.Testing;
using RxTrader.Trading.Caches;

namespace RxTrader.Trading.Tests.Caches;

/// <summary>
/// The property behind <see cref="ObservableCache{TKey, TValue}.Connect()"/>: whatever the interleaving of writers and
/// late subscribers, replaying what a subscriber received rebuilds the cache exactly (no gap, no duplicate, every
/// update's previous value is the one the subscriber saw last).
/// </summary>
public sealed class ObservableCacheConcurrencyTests
{
    private const int Keys = 12;
    private const int Writers = 3;
    private const int OperationsPerWriter = 250;

    [Fact]
    public void RandomInterleavings_EverySubscriberRebuildsTheCacheExactly()
    {
        var subscribersChecked = 0;
        for (var seed = 1; seed <= 30; seed++)
        {
            subscribersChecked += RunOnce(seed);
        }

        subscribersChecked.ShouldBeGreaterThan(100);
    }

    private static int RunOnce(int seed)
    {
        var cache = new ObservableCache<int, Versioned>(static v => v.Key);
        var recorders = new ConcurrentQueue<Recorder>();
        var version = 0L;
        using var start = new Barrier(Writers);
        var threads = Enumerable.Range(0, Writers).Select(writer => new Thread(() =>
        {
            var random = new Random((seed * 1_000) + writer);
            Versioned Next() => new(random.Next(Keys), Interlocked.Increment(ref version));
            start.SignalAndWait();
            for (var i = 0; i < OperationsPerWriter; i++)
            {
                var dice = random.Next(100);
                if (dice < 40)
                {
                    cache.AddOrUpdate(Next());
                }
                else if (dice < 60)
                {
                    cache.Remove(random.Next(Keys));
                }
                else if (dice < 78)
                {
                    cache.Edit(updater =>
                    {
                        for (var n = random.Next(1, 6); n > 0; n--)
                        {
                            if (random.Next(3) == 0)
                            {
                                updater.Remove(random.Next(Keys));
                            }
                            else
                            {
                                updater.AddOrUpdate(Next());
                            }
                        }
                    });
                }
                else if (dice < 81)
                {
                    cache.Clear();
                }
                else if (dice < 88)
                {
                    cache.AddOrUpdate([Next(), Next(), Next()]);
                }
                else
                {
                    // A late subscriber, every third one filtered, connecting while the others keep writing.
                    Func<Versioned, bool>? predicate = random.Next(3) == 0 ? static v => v.Version % 2 == 0 : null;
                    var recorder = new Recorder(predicate);
                    recorders.Enqueue(recorder);
                    var source = predicate is null ? cache.Connect() : cache.Connect(predicate);
                    source.ValidateGrammar(recorder.Violations).Subscribe(recorder);
                }
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Every writer has returned, so whoever was draining has emptied the queue.
        var final = cache.KeyValues;
        cache.Dispose();

        foreach (var recorder in recorders)
        {
            var expected = recorder.Predicate is null
                ? final
                : final.Where(pair => recorder.Predicate(pair.Value)).ToDictionary();
            recorder.Violations.ShouldBeEmpty($"seed {seed}");
            recorder.Problems.ShouldBeEmpty($"seed {seed}");
            recorder.Completed.ShouldBeTrue($"seed {seed}");
            recorder.Replayed.ShouldBe(expected, ignoreOrder: true, $"seed {seed}");
        }

        return recorders.Count;
    }

    private sealed record Versioned(int Key, long Version);

    /// <summary>Replays change sets as they arrive and notes every change that contradicts what it saw before.</summary>
    private sealed class Recorder(Func<Versioned, bool>? predicate) : IObserver<ChangeSet<int, Versioned>>
    {
        public Func<Versioned, bool>? Predicate { get; } = predicate;

        public List<string> Violations { get; } = [];

        public List<string> Problems { get; } = [];

        public Dictionary<int, Versioned> Replayed { get; } = [];

        public bool Completed { get; private set; }

        public void OnNext(ChangeSet<int, Versioned> value)
        {
            if (value.Count == 0)
            {
                Problems.Add("empty change set");
            }

            foreach (var change in value)
            {
                var known = Replayed.TryGetValue(change.Key, out var seen);
                switch (change.Reason)
                {
                    case ChangeReason.Add when known:
                        Problems.Add($"duplicate add of {change.Key}");
                        break;
                    case ChangeReason.Update when !known || seen != change.Previous:
                        Problems.Add($"update of {change.Key} from {change.Previous}, last seen {seen}");
                        break;
                    case ChangeReason.Remove when !known || seen != change.Current:
                        Problems.Add($"remove of {change.Key} holding {change.Current}, last seen {seen}");
                        break;
                }

                if (change.Reason == ChangeReason.Remove)
                {
                    Replayed.Remove(change.Key);
                }
                else
                {
                    Replayed[change.Key] = change.Current;
                }
            }
        }

        public void OnError(Exception error) => Problems.Add(error.ToString());

        public void OnCompleted() => Completed = true;
    }
}
