using System.IO.Compression;

namespace RxTrader.Engine.Recording;

/// <summary>
/// Reads a recording written by <see cref="RecordingWriter"/>: one file, or every <c>rec-*.ndjson.gz</c> in a directory in
/// name (= time) order, streaming with bounded memory.
/// </summary>
/// <remarks>
/// <para>A damaged tail (a killed writer or a cut copy: empty file, cut compressed stream, partial last line, no end
/// marker) is tolerated: reading stops there and <see cref="Report"/>'s <see cref="RecordingReadReport.Damage"/> says
/// where (file, line, decompressed byte offset). Nothing after the damage is read, later files included.</para>
/// <para>Missing path, a directory without recordings, an unknown header or version, and a complete line that does not
/// parse (unless <see cref="RecordingReaderOptions.SkipCorruptLines"/>) throw <see cref="RecordingReadException"/> naming
/// the file and line.</para>
/// </remarks>
public sealed class RecordingReader
{
    private readonly RecordingReaderOptions _options;

    /// <summary>Finds the files to read; nothing is opened yet.</summary>
    /// <param name="path">A recording file or a directory of them.</param>
    /// <param name="options">Reader options; defaults when <see langword="null"/>.</param>
    /// <exception cref="RecordingReadException">The path does not exist, or the directory holds no recording files.</exception>
    public RecordingReader(string path, RecordingReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _options = options ?? new RecordingReaderOptions();
        _options.Validate();
        if (File.Exists(path))
        {
            Files = [path];
        }
        else if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, RecordingFormat.FilePattern);
            Array.Sort(files, StringComparer.Ordinal);
            Files = files.Length > 0
                ? files
                : throw new RecordingReadException($"No recording files ({RecordingFormat.FilePattern}) in directory '{path}'.", path);
        }
        else
        {
            throw new RecordingReadException($"Recording not found: '{path}' is neither a file nor a directory.", path);
        }
    }

    /// <summary>The files that will be read, in order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>What the last enumeration of <see cref="ReadEvents"/> read, and where it stopped on damage.</summary>
    public RecordingReadReport Report { get; private set; } = new();

    /// <summary>Streams the events of every file in order (each enumeration starts a new <see cref="Report"/>).</summary>
    /// <returns>The events; header and end-marker lines are not events.</returns>
    public IEnumerable<RecordedEvent> ReadEvents()
    {
        var report = new RecordingReadReport();
        Report = report;
        return ReadAll(report);
    }

    private IEnumerable<RecordedEvent> ReadAll(RecordingReadReport report)
    {
        foreach (var file in Files)
        {
            report.Files.Add(file);
            foreach (var e in ReadFile(file, report))
            {
                yield return e;
            }

            if (report.Damage is not null)
            {
                yield break;
            }
        }
    }

    private IEnumerable<RecordedEvent> ReadFile(string path, RecordingReadReport report)
    {
        using var file = OpenChecked(path);
        if (file.Length < 2)
        {
            report.Damage = new RecordingDamage(path, 1, 0, "the file is empty or cut inside the gzip header");
            yield break;
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = new byte[64 * 1024];
        var names = new RecordingNameCache();
        int start = 0, end = 0;
        long lineNumber = 1, offset = 0;
        var sawEnd = false;
        var eof = false;
        while (!sawEnd)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (eof)
                {
                    report.Damage = new RecordingDamage(
                        path, lineNumber, offset,
                        start < end ? "partial last line (the file was cut while being written)" : "no end marker (the writer did not close the file)");
                    yield break;
                }

                if (!Fill(ref buffer, ref start, ref end, gzip, out eof, path, lineNumber))
                {
                    report.Damage = new RecordingDamage(path, lineNumber, offset, "the compressed stream is damaged or cut");
                    yield break;
                }

                continue;
            }

            var lineLength = newline;
            RecordedEvent? parsed = null;
            if (lineNumber == 1)
            {
                var problem = RecordingLineParser.CheckHeader(buffer.AsSpan(start, lineLength));
                if (problem is not null)
                {
                    throw new RecordingReadException($"'{path}' is not a readable recording: {problem}.", path, 1);
                }
            }
            else
            {
                try
                {
                    parsed = RecordingLineParser.Parse(buffer.AsSpan(start, lineLength), names, out sawEnd);
                }
                catch (FormatException e)
                {
                    if (!_options.SkipCorruptLines)
                    {
                        throw new RecordingReadException($"Corrupt record in '{path}' at line {lineNumber}: {e.Message}.", path, lineNumber, e);
                    }

                    report.SkippedLines++;
                }
            }

            start += lineLength + 1;
            offset += lineLength + 1;
            lineNumber++;
            if (parsed is not null)
            {
                report.Events++;
                yield return parsed;
            }
        }
    }

    private static FileStream OpenChecked(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingReadException($"Cannot open recording file '{path}': {e.Message}", path, inner: e);
        }

        Span<byte> magic = stackalloc byte[2];
        if (file.Length >= 2)
        {
            file.ReadExactly(magic);
            file.Position = 0;
            if (magic[0] != 0x1f || magic[1] != 0x8b)
            {
                file.Dispose();
                throw new RecordingReadException($"'{path}' is not a readable recording: not gzip-compressed.", path, 1);
            }
        }

        return file;
    }

    /// <summary>Reads more decompressed bytes; <see langword="false"/> when the compressed stream is damaged.</summary>
    private bool Fill(ref byte[] buffer, ref int start, ref int end, GZipStream gzip, out bool eof, string path, long lineNumber)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length > _options.MaxLineBytes)
            {
                throw new RecordingReadException(
                    $"Corrupt record in '{path}' at line {lineNumber}: longer than {_options.MaxLineBytes} bytes.", path, lineNumber);
            }

            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, _options.MaxLineBytes + 1L));
        }

        try
        {
            var read = gzip.Read(buffer, end, buffer.Length - end);
            eof = read == 0;
            end += read;
            return true;
        }
        catch (InvalidDataException)
        {
            eof = true;
            return false;
        }
    }
}
