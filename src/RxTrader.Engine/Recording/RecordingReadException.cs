namespace RxTrader.Engine.Recording;

/// <summary>A recording cannot be read: missing path, no recording files, unknown header, or a corrupt line.</summary>
/// <remarks>The message names the file and, where it applies, the line; <see cref="FilePath"/> and <see cref="Line"/> carry them.</remarks>
public sealed class RecordingReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file (and line).</param>
    /// <param name="filePath">The file or directory concerned.</param>
    /// <param name="line">The 1-based line number, when one line is at fault.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public RecordingReadException(string message, string filePath, long? line = null, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file or directory concerned.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line number at fault, or <see langword="null"/> when the whole file/directory is.</summary>
    public long? Line { get; }
}
