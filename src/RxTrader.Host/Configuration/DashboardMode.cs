namespace RxTrader.Host.Configuration;

/// <summary>How the running engine shows its state.</summary>
public enum DashboardMode
{
    /// <summary><see cref="Live"/> when standard output is a terminal, <see cref="Plain"/> otherwise.</summary>
    Auto = 0,

    /// <summary>A live console frame redrawn in place.</summary>
    Live,

    /// <summary>One structured <c>key=value</c> log line per refresh.</summary>
    Plain,

    /// <summary>Nothing.</summary>
    Off,
}
