using System.Globalization;
using Microsoft.Data.Sqlite;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Journal;

/// <summary>
/// The order journal: an embedded SQLite file in WAL mode holding every order intent, venue answer, fill, cancel and
/// status change, written before the engine acts on it, so that a restarted engine rebuilds its state from it and
/// reconciles with the venue.
/// </summary>
/// <remarks>
/// <para>
/// One writer: a single connection behind one lock, every statement prepared once. Each record call is one
/// transaction (one WAL commit), unless it runs inside a <see cref="BeginBatch"/> (then the batch's one commit covers
/// them all); a <see cref="RecordNote"/> waits for the next transaction. With <see cref="JournalDurability.Normal"/>
/// WAL checkpoints run on a second, short-lived connection every 64 commits, off the writer's path. Fills are keyed by symbol and trade id: recording the same fill again changes nothing
/// and returns false.
/// </para>
/// <para>
/// Opening never replaces or rewrites a file that is not a valid journal: a missing file (without
/// <see cref="JournalOpenMode.CreateNew"/> or <see cref="JournalOpenMode.OpenOrCreate"/>), a file that is not SQLite,
/// an SQLite file without the journal's schema, another schema version, or a failed integrity check throws
/// <see cref="OrderJournalException"/> before anything is written.
/// </para>
/// <para>Memory: the prepared statements only; reads stream from the file.</para>
/// </remarks>
public sealed partial class OrderJournal : IDisposable
{
    /// <summary>The schema name stored in the <c>journal_schema</c> table.</summary>
    public const string SchemaName = "rxtrader-order-journal";

    /// <summary>The schema version this code reads and writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The most notes (<see cref="RecordNote"/>) that wait for the next transaction.</summary>
    public const int MaxPendingNotes = 256;

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Statements _statements;
    private readonly List<PendingNote> _notes = [];
    private Task _checkpoint = Task.CompletedTask;
    private int _commitsSinceCheckpoint;
    private int _notesWritten;
    private int _batchDepth;
    private long _batchId;
    private bool _disposed;

    private OrderJournal(string path, SqliteConnection connection, JournalDurability durability)
    {
        Path = path;
        Durability = durability;
        _connection = connection;
        _statements = new Statements(connection);
    }

    // Checkpoints run on a second connection off the writer's path: a checkpoint flushes megabytes to disk, and on the
    // writer's thread (SQLite's auto-checkpoint) it stalled one commit in ~100 by several milliseconds.
    private const int CheckpointEveryCommits = 64;

    // The writer checkpoints by itself only past this many WAL pages (a safety net if the background ones fall behind).
    private const int WriterCheckpointPages = 20_000;

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The synchronous setting in force.</summary>
    public JournalDurability Durability { get; }

    /// <summary>Opens (or creates, when asked) a journal file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Open mode and durability; defaults when null (open an existing file, synchronous=FULL).</param>
    /// <returns>The open journal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="OrderJournalException">The file is missing, exists when a new one was asked for, or is not a valid journal; the file is untouched.</exception>
    public static OrderJournal Open(string path, OrderJournalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new OrderJournalOptions();
        var fullPath = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(fullPath);
        switch (options.Mode)
        {
            case JournalOpenMode.OpenExisting when !exists:
                throw new OrderJournalException(JournalFailure.Missing, fullPath, "No such file; open it with JournalOpenMode.CreateNew to start a new journal.");
            case JournalOpenMode.CreateNew when exists:
                throw new OrderJournalException(JournalFailure.AlreadyExists, fullPath, "A file already exists where a new journal was asked for.");
            case JournalOpenMode.OpenExisting or JournalOpenMode.CreateNew or JournalOpenMode.OpenOrCreate:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown open mode.");
        }

        return exists ? OpenExistingFile(fullPath, options) : CreateFile(fullPath, options.Durability);
    }

    /// <summary>Journals an order intent: the full request, before it is sent. The order is <see cref="OrderTracking.PendingNew"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="time">Now, on the engine's scheduler.</param>
    /// <returns>False when the client order id is already in the journal (nothing is written then).</returns>
    public bool RecordIntent(OrderRequest request, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            ThrowIfDisposed();
            return InTransaction(
                (this, request, time),
                static s =>
                {
                    if (s.Item1._statements.InsertIntent(s.request, s.time) == 0)
                    {
                        return false;
                    }

                    s.Item1._statements.InsertEvent(s.request.ClientOrderId, JournalEventKind.Intent, s.time, null, "intent");
                    return true;
                });
        }
    }

    /// <summary>Journals an outcome that changes an order's record (venue answer, status change, reconciliation result).</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="tracking">The tracking state after the event.</param>
    /// <param name="order">The venue's state of the order, or null to keep the journaled one.</param>
    /// <param name="detail">The outcome in words; also stored as the order's last outcome.</param>
    /// <param name="time">Now, on the engine's scheduler.</param>
    /// <returns>False when the order is not in the journal (nothing is written then).</returns>
    public bool RecordOutcome(ClientOrderId clientOrderId, JournalEventKind kind, OrderTracking tracking, Order? order, string detail, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(detail);
        lock (_gate)
        {
            ThrowIfDisposed();
            return InTransaction(
                (this, clientOrderId, kind, tracking, order, detail, time),
                static s =>
                {
                    if (s.Item1._statements.UpdateOrder(s.clientOrderId, s.tracking, s.order, s.detail, s.time) == 0)
                    {
                        return false;
                    }

                    s.Item1._statements.InsertEvent(s.clientOrderId, s.kind, s.time, s.order?.Status, s.detail);
                    return true;
                });
        }
    }

    /// <summary>Journals an event that does not change the order's record (a cancel request or its answer).</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="detail">In words.</param>
    /// <param name="time">Now, on the engine's scheduler.</param>
    public void RecordEvent(ClientOrderId clientOrderId, JournalEventKind kind, string detail, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(detail);
        lock (_gate)
        {
            ThrowIfDisposed();
            InTransaction((this, clientOrderId, kind, detail, time), static s =>
            {
                s.Item1._statements.InsertEvent(s.clientOrderId, s.kind, s.time, null, s.detail);
                return true;
            });
        }
    }

    /// <summary>
    /// Queues a note: an event that changes no order record and no decision (e.g. a venue answer that says nothing the
    /// journal does not already hold). It is written inside the next transaction, by the next read, or on
    /// <see cref="Dispose"/>, instead of costing a commit of its own; a crash may lose notes, never state.
    /// </summary>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="detail">In words.</param>
    /// <param name="time">Now, on the engine's scheduler.</param>
    /// <remarks>At most <see cref="MaxPendingNotes"/> notes wait; one more writes them all in one transaction.</remarks>
    public void RecordNote(ClientOrderId clientOrderId, JournalEventKind kind, string detail, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(detail);
        lock (_gate)
        {
            ThrowIfDisposed();
            _notes.Add(new PendingNote(clientOrderId, kind, detail, time));
            if (_notes.Count > MaxPendingNotes || _batchDepth > 0)
            {
                InTransaction(this, static _ => true);
            }
        }
    }

    /// <summary>
    /// Starts a batch: every record call on this thread until the batch is committed joins ONE transaction (one commit,
    /// one fsync with <see cref="JournalDurability.Full"/>). The journal's lock is held until the batch ends, so
    /// other threads' writes wait. Write-before-act stays the caller's duty: act only after <see cref="JournalBatch.Commit"/>.
    /// </summary>
    /// <returns>The batch; dispose it (after <see cref="JournalBatch.Commit"/>, or without it to roll everything back).</returns>
    /// <exception cref="ObjectDisposedException">The journal is disposed.</exception>
    /// <exception cref="InvalidOperationException">A batch is already open.</exception>
    public JournalBatch BeginBatch()
    {
        _gate.Enter();
        try
        {
            ThrowIfDisposed();
            if (_batchDepth > 0)
            {
                throw new InvalidOperationException("A journal batch is already open; batches do not nest.");
            }

            _statements.Begin();
            _batchDepth = 1;
            return new JournalBatch(this, ++_batchId);
        }
        catch
        {
            _gate.Exit();
            throw;
        }
    }

    /// <summary>Journals a fill, before it is applied. Idempotent: keyed by symbol and trade id.</summary>
    /// <param name="fill">The fill.</param>
    /// <param name="time">Now, on the engine's scheduler.</param>
    /// <returns>True when the fill is new; false when that symbol's trade id was already journaled (nothing written).</returns>
    public bool RecordFill(Fill fill, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(fill);
        lock (_gate)
        {
            ThrowIfDisposed();
            return InTransaction(
                (this, fill, time),
                static s =>
                {
                    if (s.Item1._statements.InsertFill(s.fill, s.time) == 0)
                    {
                        return false;
                    }

                    s.Item1._statements.InsertEvent(
                        s.fill.ClientOrderId, JournalEventKind.Fill, s.time, null,
                        string.Create(CultureInfo.InvariantCulture, $"trade {s.fill.TradeId}: {s.fill.Quantity} @ {s.fill.Price}"));
                    return true;
                });
        }
    }

    /// <summary>Closes the file (a clean close checkpoints the WAL into the database file).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            FlushNotes();
            _disposed = true;

            // The writer must close last: its close checkpoints the WAL into the file and removes it.
            _checkpoint.Wait();
            _statements.Dispose();
            _connection.Dispose();
        }
    }

    private static OrderJournal OpenExistingFile(string path, OrderJournalOptions options)
    {
        CheckHeader(path);
        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWrite));
        try
        {
            connection.Open();
            CheckSchema(connection, path);
            if (options.CheckIntegrity)
            {
                CheckIntegrity(connection, path);
            }

            Configure(connection, options.Durability);
            return new OrderJournal(path, connection, options.Durability);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static OrderJournal CreateFile(string path, JournalDurability durability)
    {
        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        try
        {
            connection.Open();
            Configure(connection, durability);
            using (var create = connection.CreateCommand())
            {
                create.CommandText = CreateSchemaSql;
                create.ExecuteNonQuery();
            }

            return new OrderJournal(path, connection, durability);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Checked by hand before SQLite touches the file: SQLite would treat an empty file as a new database.
    private static void CheckHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.SequenceEqual(SqliteHeader))
        {
            throw new OrderJournalException(
                JournalFailure.NotADatabase, path,
                read == 0 ? "The file is empty." : "The file does not start with the SQLite header.");
        }
    }

    private static void CheckSchema(SqliteConnection connection, string path)
    {
        string name;
        long version;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal_schema'";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                throw new OrderJournalException(JournalFailure.NotAJournal, path, "An SQLite database without the journal_schema table.");
            }

            command.CommandText = "SELECT name, version FROM journal_schema";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new OrderJournalException(JournalFailure.NotAJournal, path, "The journal_schema table is empty.");
            }

            name = reader.GetValue(0) as string ?? string.Empty;
            version = reader.GetValue(1) is long v ? v : -1;
        }
        catch (SqliteException e)
        {
            throw new OrderJournalException(ClassifySqliteError(e), path, $"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }

        if (name != SchemaName)
        {
            throw new OrderJournalException(JournalFailure.NotAJournal, path, $"The schema is '{name}', not '{SchemaName}'.");
        }

        if (version != SchemaVersion)
        {
            throw new OrderJournalException(
                JournalFailure.UnsupportedVersion, path,
                string.Create(CultureInfo.InvariantCulture, $"Schema version {version}; this build reads version {SchemaVersion}."));
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var result = command.ExecuteScalar() as string;
            if (result != "ok")
            {
                throw new OrderJournalException(JournalFailure.IntegrityCheckFailed, path, $"quick_check: {result}");
            }
        }
        catch (SqliteException e)
        {
            throw new OrderJournalException(JournalFailure.IntegrityCheckFailed, path, $"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
    }

    // SQLITE_NOTADB = 26, SQLITE_CORRUPT = 11.
    private static JournalFailure ClassifySqliteError(SqliteException e) =>
        e.SqliteErrorCode == 26 ? JournalFailure.NotADatabase
        : e.SqliteErrorCode == 11 ? JournalFailure.IntegrityCheckFailed
        : JournalFailure.NotAJournal;

    private static void Configure(SqliteConnection connection, JournalDurability durability)
    {
        using var command = connection.CreateCommand();
        command.CommandText = durability == JournalDurability.Normal
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
        if (durability == JournalDurability.Normal)
        {
            command.CommandText += string.Create(CultureInfo.InvariantCulture, $" PRAGMA wal_autocheckpoint={WriterCheckpointPages};");
        }

        command.ExecuteNonQuery();
    }

    // No pooling: disposing the journal must close the file (tests compare bytes, a restart reopens it).
    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, Cache = SqliteCacheMode.Private }.ToString();

    private T InTransaction<TState, T>(TState state, Func<TState, T> body)
    {
        if (_batchDepth > 0)
        {
            // Inside a batch: the batch's transaction holds it; a failure rolls the whole batch back.
            WriteNotes();
            return body(state);
        }

        _statements.Begin();
        try
        {
            WriteNotes();
            var result = body(state);
            _statements.Commit();
            Committed();
            return result;
        }
        catch
        {
            _statements.Rollback();
            _notesWritten = 0;
            throw;
        }
    }

    // Runs inside a transaction; the notes leave the queue only when that transaction commits (a rollback keeps them).
    private void WriteNotes()
    {
        for (; _notesWritten < _notes.Count; _notesWritten++)
        {
            var note = _notes[_notesWritten];
            _statements.InsertEvent(note.ClientOrderId, note.Kind, note.Time, null, note.Detail);
        }
    }

    private void Committed()
    {
        // NORMAL only: with FULL the WAL is already synced, the writer's checkpoint is cheaper, and a concurrent
        // checkpoint's fsync slowed the writer's own (measured: P90 up by ~0.2 ms).
        if (Durability == JournalDurability.Normal && ++_commitsSinceCheckpoint >= CheckpointEveryCommits && _checkpoint.IsCompleted)
        {
            _commitsSinceCheckpoint = 0;
            _checkpoint = Task.Run(CheckpointInBackground);
        }

        if (_notesWritten > 0)
        {
            _notes.RemoveRange(0, _notesWritten);
            _notesWritten = 0;
        }
    }

    // Writes the queued notes now (before a read of the events).
    private void FlushNotes()
    {
        if (_notes.Count > 0 && _batchDepth == 0)
        {
            InTransaction(this, static _ => true);
        }
    }

    // Called by JournalBatch, on the thread that holds the lock.
    internal void EndBatch(long batchId, bool commit)
    {
        // A second end (Dispose after Commit) or an end from another thread is a no-op.
        if (!_gate.IsHeldByCurrentThread || _batchDepth == 0 || _batchId != batchId)
        {
            return;
        }

        try
        {
            _batchDepth = 0;
            if (commit)
            {
                _statements.Commit();
                Committed();
            }
            else
            {
                _statements.Rollback();
                _notesWritten = 0;
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    // PASSIVE: copies what it can without blocking the writer; a failure only means the next one does more.
    private void CheckpointInBackground()
    {
        try
        {
            using var connection = new SqliteConnection(ConnectionString(Path, SqliteOpenMode.ReadWrite));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
        }
    }

    private readonly record struct PendingNote(ClientOrderId ClientOrderId, JournalEventKind Kind, string Detail, DateTimeOffset Time);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
