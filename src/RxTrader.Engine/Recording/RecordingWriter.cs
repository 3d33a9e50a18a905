using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Reactive.Concurrency;
using System.Text;
using System.Text.Json;
using RxTrader.Core.Connectivity;

namespace RxTrader.Engine.Recording;

/// <summary>
/// Writes a recording: gzip-compressed NDJSON files in a directory, rotated by size and by age, sync-flushed on a timer
/// so a killed process loses at most <see cref="RecordingWriterOptions.FlushInterval"/> of data.
/// </summary>
/// <remarks>
/// <para>Writes are synchronous under one lock (no queue, so memory is bounded by one line plus the compressor's buffers);
/// any thread may write. The first write creates the first file; each file starts with a header line and, when closed
/// (rotation or disposal), ends with an end-marker line, so a reader can tell a complete file from a cut one.</para>
/// <para>Time comes only from the injected scheduler: file names and ages from <c>scheduler.Now</c>, the flush tick from
/// <c>scheduler.SchedulePeriodic</c>. A disk error does not throw into the producer: the event is counted as dropped and
/// the error kept in <see cref="LastError"/>. Writes after disposal are counted as dropped.</para>
/// </remarks>
public sealed class RecordingWriter : IDisposable
{
    private readonly RecordingWriterOptions _options;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly IDisposable _timer;
    private FileStream? _file;
    private GZipStream? _gzip;
    private DateTimeOffset _fileOpenedAt;
    private long _fileEvents;
    private int _sequence;
    private bool _dirty;
    private bool _disposed;
    private long _events;
    private long _bytes;
    private long _files;
    private long _flushes;
    private long _dropped;
    private Exception? _lastError;

    /// <summary>Creates the writer (and the directory); no file is created before the first event.</summary>
    /// <param name="options">Directory, rotation and flush settings.</param>
    /// <param name="scheduler">The clock for timestamps, file names and the flush tick.</param>
    public RecordingWriter(RecordingWriterOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();
        _options = options;
        _scheduler = scheduler;
        System.IO.Directory.CreateDirectory(options.Directory);
        _json = new Utf8JsonWriter(_line, RecordingFormat.WriterOptions);
        _timer = scheduler.SchedulePeriodic(this, options.FlushInterval, static self => self.OnTick());
    }

    /// <summary>The counters so far.</summary>
    public RecordingWriterCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new RecordingWriterCounters(_events, _bytes, _files, _flushes, _dropped);
            }
        }
    }

    /// <summary>The last disk error (events were dropped because of it), or <see langword="null"/>.</summary>
    public Exception? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>The file being written, or <see langword="null"/> before the first event and after disposal.</summary>
    public string? CurrentFile
    {
        get
        {
            lock (_gate)
            {
                return _file?.Name;
            }
        }
    }

    /// <summary>Records a raw frame given as UTF-8 bytes (the hot path: no allocation in steady state).</summary>
    /// <param name="stream">The stream or connection name.</param>
    /// <param name="receivedAt">The receive timestamp.</param>
    /// <param name="utf8Payload">The frame's bytes as received.</param>
    public void WriteFrame(string stream, DateTimeOffset receivedAt, ReadOnlySpan<byte> utf8Payload)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            if (!BeginLine())
            {
                return;
            }

            _json.WriteStartObject();
            _json.WriteString(RecordingFormat.Kind, RecordingFormat.FrameCode);
            _json.WriteNumber(RecordingFormat.Time, RecordingFormat.ToMicros(receivedAt));
            _json.WriteString(RecordingFormat.Stream, stream);
            _json.WriteString(RecordingFormat.Payload, utf8Payload);
            _json.WriteEndObject();
            EndLine(countEvent: true);
        }
    }

    /// <summary>Records a raw frame given as text.</summary>
    /// <param name="stream">The stream or connection name.</param>
    /// <param name="receivedAt">The receive timestamp.</param>
    /// <param name="payload">The frame's text as received.</param>
    public void WriteFrame(string stream, DateTimeOffset receivedAt, string payload)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(payload);
        lock (_gate)
        {
            if (!BeginLine())
            {
                return;
            }

            _json.WriteStartObject();
            _json.WriteString(RecordingFormat.Kind, RecordingFormat.FrameCode);
            _json.WriteNumber(RecordingFormat.Time, RecordingFormat.ToMicros(receivedAt));
            _json.WriteString(RecordingFormat.Stream, stream);
            _json.WriteString(RecordingFormat.Payload, payload);
            _json.WriteEndObject();
            EndLine(countEvent: true);
        }
    }

    /// <summary>Records a connection event.</summary>
    /// <param name="connectionEvent">The event (its own time is recorded).</param>
    public void WriteConnectionEvent(ConnectionEvent connectionEvent)
    {
        ArgumentNullException.ThrowIfNull(connectionEvent);
        lock (_gate)
        {
            if (!BeginLine())
            {
                return;
            }

            _json.WriteStartObject();
            switch (connectionEvent)
            {
                case Connected:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.ConnectedCode);
                    WriteTimeAndSource(connectionEvent);
                    break;
                case Disconnected d:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.DisconnectedCode);
                    WriteTimeAndSource(connectionEvent);
                    _json.WriteString(RecordingFormat.Reason, d.Reason.ToString());
                    if (d.Detail is not null)
                    {
                        _json.WriteString(RecordingFormat.Detail, d.Detail);
                    }

                    break;
                case Reconnecting r:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.ReconnectingCode);
                    WriteTimeAndSource(connectionEvent);
                    _json.WriteNumber(RecordingFormat.Attempt, r.Attempt);
                    _json.WriteNumber(RecordingFormat.Delay, RecordingFormat.ToMicros(r.Delay));
                    break;
                case Gap g:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.GapCode);
                    WriteTimeAndSource(connectionEvent);
                    _json.WriteNumber(RecordingFormat.From, RecordingFormat.ToMicros(g.From));
                    _json.WriteNumber(RecordingFormat.To, RecordingFormat.ToMicros(g.To));
                    break;
                case Stale s:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.StaleCode);
                    WriteTimeAndSource(connectionEvent);
                    if (s.LastDataTime is { } last)
                    {
                        _json.WriteNumber(RecordingFormat.Last, RecordingFormat.ToMicros(last));
                    }

                    break;
                case Fresh f:
                    _json.WriteString(RecordingFormat.Kind, RecordingFormat.FreshCode);
                    WriteTimeAndSource(connectionEvent);
                    _json.WriteNumber(RecordingFormat.For, RecordingFormat.ToMicros(f.StaleFor));
                    break;
                default:
                    // Discard the half-built line: an unknown subtype is the caller's bug, said at call time.
                    _json.Reset();
                    _line.ResetWrittenCount();
                    throw new ArgumentException($"Unknown connection event type {connectionEvent.GetType().Name}.", nameof(connectionEvent));
            }

            _json.WriteEndObject();
            EndLine(countEvent: true);
        }
    }

    /// <summary>Records an order request or a venue response.</summary>
    /// <param name="time">When it was sent or received.</param>
    /// <param name="source">Who produced it.</param>
    /// <param name="kind">What it is (e.g. <c>request</c>, <c>response</c>).</param>
    /// <param name="json">A JSON object, stored verbatim.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON object.</exception>
    public void WriteOrderEvent(DateTimeOffset time, string source, string kind, string json)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(json);
        ValidateObject(json);
        lock (_gate)
        {
            if (!BeginLine())
            {
                return;
            }

            _json.WriteStartObject();
            _json.WriteString(RecordingFormat.Kind, RecordingFormat.OrderCode);
            _json.WriteNumber(RecordingFormat.Time, RecordingFormat.ToMicros(time));
            _json.WriteString(RecordingFormat.Stream, source);
            _json.WriteString(RecordingFormat.OrderKind, kind);
            _json.WritePropertyName(RecordingFormat.Body);
            _json.WriteRawValue(json, skipInputValidation: true);
            _json.WriteEndObject();
            EndLine(countEvent: true);
        }
    }

    /// <summary>Pushes everything written so far to the OS now (a gzip sync flush).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>Closes the current file (end marker, gzip trailer) and stops the flush tick; later writes are dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            try
            {
                CloseFileLocked();
            }
            catch (IOException e)
            {
                _lastError = e;
            }

            _json.Dispose();
        }
    }

    private static void ValidateObject(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException("The order record must be one JSON object.", nameof(json));
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new ArgumentException("The order record must be one JSON object (trailing content).", nameof(json));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The order record is not valid JSON: {e.Message}", nameof(json), e);
        }
    }

    private void WriteTimeAndSource(ConnectionEvent e)
    {
        _json.WriteNumber(RecordingFormat.Time, RecordingFormat.ToMicros(e.Time));
        _json.WriteString(RecordingFormat.Stream, e.Source);
    }

    private bool BeginLine()
    {
        if (_disposed)
        {
            _dropped++;
            return false;
        }

        _json.Reset();
        _line.ResetWrittenCount();
        return true;
    }

    private void EndLine(bool countEvent)
    {
        _json.Flush();
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        try
        {
            EnsureFileLocked();
            _gzip!.Write(_line.WrittenSpan);
            _bytes += _line.WrittenCount;
            _dirty = true;
            if (countEvent)
            {
                _events++;
                _fileEvents++;
            }

            if (_file!.Position >= _options.MaxFileBytes)
            {
                CloseFileLocked();
            }
        }
        catch (IOException e)
        {
            _dropped++;
            _lastError = e;
            AbandonFileLocked();
        }
        catch (UnauthorizedAccessException e)
        {
            _dropped++;
            _lastError = e;
            AbandonFileLocked();
        }
    }

    private void EnsureFileLocked()
    {
        var now = _scheduler.Now;
        if (_file is not null && now - _fileOpenedAt >= _options.MaxFileAge)
        {
            CloseFileLocked();
        }

        if (_file is not null)
        {
            return;
        }

        // CreateNew: never overwrite another session's file written in the same second.
        FileStream? file = null;
        while (file is null)
        {
            _sequence++;
            var path = Path.Combine(_options.Directory, RecordingFormat.FileName(now, _sequence));
            if (File.Exists(path))
            {
                continue;
            }

            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        }

        _file = file;
        _gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
        _fileOpenedAt = now;
        _fileEvents = 0;
        _files++;
        WriteHeaderLocked(now);
    }

    private void WriteHeaderLocked(DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var header = new Utf8JsonWriter(buffer, RecordingFormat.WriterOptions))
        {
            header.WriteStartObject();
            header.WriteString(RecordingFormat.Format, RecordingFormat.Name);
            header.WriteNumber(RecordingFormat.VersionName, RecordingFormat.Version);
            header.WriteString(RecordingFormat.Created, now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            header.WriteString(RecordingFormat.SourceName, _options.Source);
            header.WriteEndObject();
        }

        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        _gzip!.Write(buffer.WrittenSpan);
        _bytes += buffer.WrittenCount;
        _dirty = true;
    }

    private void CloseFileLocked()
    {
        if (_file is null)
        {
            return;
        }

        var end = new ArrayBufferWriter<byte>(64);
        using (var marker = new Utf8JsonWriter(end, RecordingFormat.WriterOptions))
        {
            marker.WriteStartObject();
            marker.WriteString(RecordingFormat.Kind, RecordingFormat.EndCode);
            marker.WriteNumber(RecordingFormat.EventsName, _fileEvents);
            marker.WriteEndObject();
        }

        end.GetSpan(1)[0] = (byte)'\n';
        end.Advance(1);
        try
        {
            _gzip!.Write(end.WrittenSpan);
            _bytes += end.WrittenCount;
            _gzip.Dispose();
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            _file.Dispose();
            _gzip = null;
            _file = null;
            _dirty = false;
        }
    }

    private void AbandonFileLocked()
    {
        try
        {
            _gzip?.Dispose();
            _file?.Dispose();
        }
        catch (IOException)
        {
            // The file is already broken; the next write starts a new one.
        }

        _gzip = null;
        _file = null;
        _dirty = false;
    }

    private void FlushLocked()
    {
        if (_gzip is null || !_dirty)
        {
            return;
        }

        try
        {
            _gzip.Flush(); // Z_SYNC_FLUSH: everything so far becomes decodable
            _file!.Flush();
            _flushes++;
            _dirty = false;
        }
        catch (IOException e)
        {
            _lastError = e;
            AbandonFileLocked();
        }
    }

    private void OnTick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            FlushLocked();
            if (_file is not null && _scheduler.Now - _fileOpenedAt >= _options.MaxFileAge)
            {
                try
                {
                    CloseFileLocked();
                }
                catch (IOException e)
                {
                    _lastError = e;
                }
            }
        }
    }
}
