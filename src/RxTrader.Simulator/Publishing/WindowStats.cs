namespace RxTrader.Simulator.Publishing;

/// <summary>What <see cref="RollingWindow.Compute"/> returns; Count 0 means no trade in the window.</summary>
internal struct WindowStats
{
    public decimal Open;
    public decimal High;
    public decimal Low;
    public decimal Close;
    public decimal Volume;
    public decimal QuoteVolume;
    public decimal PreviousClose;
    public long FirstId;
    public long LastId;
    public long Count;
}
