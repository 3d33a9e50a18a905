namespace RxTrader.Trading.Journal;

/// <summary>A journal file could not be opened; the file was left as it was.</summary>
public sealed class OrderJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrderJournalException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public OrderJournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OrderJournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the file could not be opened.</param>
    /// <param name="path">The file.</param>
    /// <param name="detail">What was found.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OrderJournalException(JournalFailure failure, string path, string detail, Exception? innerException = null)
        : base($"Order journal '{path}' cannot be opened ({failure}): {detail} The file was not modified.", innerException)
    {
        Failure = failure;
        Path = path;
    }

    /// <summary>Why the file could not be opened.</summary>
    public JournalFailure Failure { get; }

    /// <summary>The file.</summary>
    public string Path { get; } = string.Empty;
}
