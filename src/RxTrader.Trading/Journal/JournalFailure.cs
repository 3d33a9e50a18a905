namespace RxTrader.Trading.Journal;

/// <summary>Why a journal file could not be opened.</summary>
public enum JournalFailure
{
    /// <summary>The file does not exist and the caller did not ask for a new journal.</summary>
    Missing = 1,

    /// <summary>A new journal was asked for but the file already exists.</summary>
    AlreadyExists = 2,

    /// <summary>The file is not an SQLite database (bad header, empty, or unreadable as one).</summary>
    NotADatabase = 3,

    /// <summary>The file is an SQLite database without the journal's schema table or with another schema name.</summary>
    NotAJournal = 4,

    /// <summary>The journal's schema version is not the one this code reads.</summary>
    UnsupportedVersion = 5,

    /// <summary>SQLite's integrity check reported damage.</summary>
    IntegrityCheckFailed = 6,
}
