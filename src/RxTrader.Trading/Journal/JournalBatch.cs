namespace RxTrader.Trading.Journal;

/// <summary>
/// One transaction spanning several record calls (<see cref="OrderJournal.BeginBatch"/>): commit it, then act on what
/// was written. Disposing it without <see cref="Commit"/> rolls every write of the batch back. Use it on the thread
/// that began it, and end it once.
/// </summary>
public readonly struct JournalBatch : IDisposable, IEquatable<JournalBatch>
{
    private readonly OrderJournal? _journal;
    private readonly long _id;

    internal JournalBatch(OrderJournal journal, long id)
    {
        _journal = journal;
        _id = id;
    }

    /// <summary>Commits the batch's writes (one commit) and releases the journal.</summary>
    public void Commit() => _journal?.EndBatch(_id, commit: true);

    /// <summary>Rolls the batch back unless it was committed, and releases the journal.</summary>
    public void Dispose() => _journal?.EndBatch(_id, commit: false);

    /// <inheritdoc />
    public bool Equals(JournalBatch other) => ReferenceEquals(_journal, other._journal) && _id == other._id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JournalBatch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_journal, _id);

    /// <summary>Equal when both are the same batch of the same journal.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(JournalBatch left, JournalBatch right) => left.Equals(right);

    /// <summary>Not equal.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(JournalBatch left, JournalBatch right) => !left.Equals(right);
}
