namespace RxTrader.Trading.Journal;

/// <summary>Options of <see cref="OrderJournal.Open"/>.</summary>
public sealed record OrderJournalOptions
{
    /// <summary>How a missing or existing file is treated.</summary>
    /// <value>Default <see cref="JournalOpenMode.OpenExisting"/>: a missing file is an error.</value>
    public JournalOpenMode Mode { get; init; } = JournalOpenMode.OpenExisting;

    /// <summary>SQLite's synchronous setting.</summary>
    /// <value>Default <see cref="JournalDurability.Full"/>: a written entry survives a power loss.</value>
    public JournalDurability Durability { get; init; } = JournalDurability.Full;

    /// <summary>Whether opening an existing file runs SQLite's <c>quick_check</c> (reads the whole file once).</summary>
    /// <value>Default true.</value>
    public bool CheckIntegrity { get; init; } = true;
}
