namespace RxTrader.Trading.Journal;

/// <summary>How <see cref="OrderJournal.Open"/> treats the file.</summary>
public enum JournalOpenMode
{
    /// <summary>The file must exist and be a valid journal; a missing file is an error.</summary>
    OpenExisting = 1,

    /// <summary>The file must not exist; a new journal is created.</summary>
    CreateNew = 2,

    /// <summary>A missing file is created; an existing one must be a valid journal.</summary>
    OpenOrCreate = 3,
}
