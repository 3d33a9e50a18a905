namespace RxTrader.Trading.Journal;

/// <summary>SQLite's <c>synchronous</c> setting for the journal (always in WAL mode).</summary>
public enum JournalDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every commit waits for the WAL to reach the disk. An entry that was written survives a
    /// process crash and a power loss.
    /// </summary>
    Full = 1,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: commits do not wait for the disk (only checkpoints do). An entry survives a process
    /// crash (it is in the operating system's cache) but the last commits may be lost on a power loss or kernel crash.
    /// </summary>
    Normal = 2,
}
