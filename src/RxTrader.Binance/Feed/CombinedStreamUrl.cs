using System.Text;
using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Feed;

/// <summary>Builds the combined-stream URL <c>&lt;base&gt;/stream?streams=a/b/c</c> (binance-wire.md §1.1).</summary>
internal static class CombinedStreamUrl
{
    public static Uri Build(Uri baseUri, IEnumerable<StreamName> streams)
    {
        var text = new StringBuilder(baseUri.AbsoluteUri.TrimEnd('/')).Append("/stream?streams=");
        var first = true;
        foreach (var stream in streams)
        {
            if (!first)
            {
                text.Append('/');
            }

            text.Append(stream.ToString());
            first = false;
        }

        return new Uri(text.ToString());
    }
}
