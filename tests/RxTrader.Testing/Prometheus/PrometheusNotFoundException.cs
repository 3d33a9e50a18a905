namespace RxTrader.Testing.Prometheus;

/// <summary>The <c>prometheus</c> binary is not installed.</summary>
public sealed class PrometheusNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with the install hint.</summary>
    public PrometheusNotFoundException()
        : base("The 'prometheus' binary was not found on PATH, in /usr/bin or /usr/local/bin. Install the Debian package: "
            + "'apt-get install prometheus' (scripts/test.sh does this when it is missing).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PrometheusNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrometheusNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
