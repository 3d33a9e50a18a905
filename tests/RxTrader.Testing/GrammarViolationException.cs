namespace RxTrader.Testing;

/// <summary>An observable broke the Rx grammar: <c>OnNext* (OnError | OnCompleted)?</c>, one call at a time.</summary>
public sealed class GrammarViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrammarViolationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was violated.</param>
    public GrammarViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was violated.</param>
    /// <param name="innerException">The cause.</param>
    public GrammarViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
