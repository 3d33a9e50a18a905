using System.Collections.Concurrent;

namespace RxTrader.Engine.Monitoring;

/// <summary>
/// The engine's concurrently running tasks (market stream, pipelines, order router, status and performance
/// monitors) by name: each registers while it runs, so <see cref="Active"/> is the seed's
/// <c>concurrent_tasks_active</c>.
/// </summary>
public sealed class ConcurrentTasks
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>Tasks running now.</summary>
    public int Active => _running.Count;

    /// <summary>The names of the tasks running now, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _running.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Marks <paramref name="name"/> running until the returned handle is disposed.</summary>
    /// <param name="name">A unique task name.</param>
    /// <returns>Disposing it marks the task ended (idempotent).</returns>
    /// <exception cref="InvalidOperationException">A task of that name is already running.</exception>
    public IDisposable Begin(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_running.TryAdd(name, 0))
        {
            throw new InvalidOperationException($"Task '{name}' is already running.");
        }

        return new Registration(this, name);
    }

    private sealed class Registration(ConcurrentTasks owner, string name) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._running.TryRemove(name, out _);
            }
        }
    }
}
