namespace RxTrader.Simulator.Market;

/// <summary>One synthetic level the model keeps on a side: its order, price (in ticks) and the quantity it placed
/// minus what its own takers took (an upper bound of what rests: users may have taken more).</summary>
internal sealed class LiquiditySlot
{
    public long OrderId { get; set; }

    public long Ticks { get; set; }

    public decimal Quantity { get; set; }
}
