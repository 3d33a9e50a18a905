using System.Reactive.Linq;

namespace RxTrader.Testing;

/// <summary>Places a check after an operator under test that fails on any Rx grammar violation.</summary>
public static class GrammarValidation
{
    /// <summary>
    /// Passes notifications through unchanged and throws <see cref="GrammarViolationException"/> (from inside the
    /// offending call, so the producer and the test both see it) on: overlapping notifications (a call arriving
    /// while another is still running, from any thread), anything after <c>OnError</c> or <c>OnCompleted</c>.
    /// Every violation is also kept in <paramref name="violations"/> when given, because a producer may swallow
    /// the exception.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The operator under test.</param>
    /// <param name="violations">Receives a description of every violation, if not null.</param>
    /// <returns>The same notifications.</returns>
    public static IObservable<T> ValidateGrammar<T>(this IObservable<T> source, ICollection<string>? violations = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<T>(observer => source.Subscribe(new ValidatingObserver<T>(observer, violations)));
    }

    // Written by hand on purpose: Rx's own observer bases silently ignore calls after a terminal, hiding the bug.
    private sealed class ValidatingObserver<T>(IObserver<T> downstream, ICollection<string>? violations) : IObserver<T>
    {
        private int _busy;
        private bool _terminated;

        public void OnNext(T value)
        {
            Enter(nameof(OnNext));
            try
            {
                downstream.OnNext(value);
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }

        public void OnError(Exception error)
        {
            Enter(nameof(OnError));
            Terminate();
            downstream.OnError(error);
        }

        public void OnCompleted()
        {
            Enter(nameof(OnCompleted));
            Terminate();
            downstream.OnCompleted();
        }

        private void Enter(string call)
        {
            if (Interlocked.Exchange(ref _busy, 1) != 0)
            {
                Fail($"{call} overlapped another notification.");
            }

            if (Volatile.Read(ref _terminated))
            {
                Volatile.Write(ref _busy, 0);
                Fail($"{call} arrived after the sequence had terminated.");
            }
        }

        private void Terminate()
        {
            Volatile.Write(ref _terminated, true);
            Volatile.Write(ref _busy, 0);
        }

        private void Fail(string message)
        {
            if (violations is not null)
            {
                lock (violations)
                {
                    violations.Add(message);
                }
            }

            throw new GrammarViolationException(message);
        }
    }
}
