using System.Text;
using RxTrader.Core;
using RxTrader.Host.Bench;

namespace RxTrader.Host.Tests.Bench;

public sealed class TradeFrameTests
{
    [Fact]
    public void WriteTo_PatchesIdAndTimes_InAnUnmaskedTextFrame()
    {
        var frame = new TradeFrame(new Symbol("ETHUSDT"), 3_000m);
        var buffer = new byte[frame.Length];

        var written = frame.WriteTo(buffer, 1_000_000_000_042, 1_723_161_254_013);

        written.ShouldBe(frame.Length);
        buffer[0].ShouldBe((byte)0x81);
        buffer[1].ShouldBe((byte)126);
        ((buffer[2] << 8) | buffer[3]).ShouldBe(frame.Length - 4);
        Encoding.UTF8.GetString(buffer, 4, frame.Length - 4).ShouldBe(
            """{"stream":"ethusdt@trade","data":{"e":"trade","E":1723161254013,"s":"ETHUSDT","t":1000000000042,"p":"3000.00000000","q":"0.00100000","T":1723161254013,"m":true,"M":true}}""");
    }

    [Fact]
    public void SendTimes_ForgetsIdsThatLeftTheRing()
    {
        var times = new SendTimes();
        times.Record(SendTimes.FirstTradeId, 7);
        times.Get(SendTimes.FirstTradeId).ShouldBe(7);
        times.Get(SendTimes.FirstTradeId + 1).ShouldBe(0);

        times.Record(SendTimes.FirstTradeId + (1 << 20), 9);
        times.Get(SendTimes.FirstTradeId).ShouldBe(0);
    }
}
