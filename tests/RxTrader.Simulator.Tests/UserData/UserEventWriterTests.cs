using System.Buffers;
using System.Text;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class UserEventWriterTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1499405658658);

    private static ExecutionReport NewReport() => new(T0)
    {
        AccountId = "a", Symbol = new Symbol("ETHBTC"), ClientOrderId = "mUvoqJxFIILMdfAW5iGSOW", Side = Side.Buy,
        Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Quantity = 1m, Price = 0.1026441m, QuoteOrderQty = 0m,
        ExecutionType = ExecutionType.New, Status = OrderStatus.New, OrderId = 4293153, LastExecutedQty = 0m,
        LastExecutedPrice = 0m, CumulativeQty = 0m, CumulativeQuoteQty = 0m, Commission = 0m, CommissionAsset = null,
        TransactionTime = T0.AddMilliseconds(-1), TradeId = -1, ExecutionId = 8641984, IsWorking = true, IsMaker = false,
        CreationTime = T0.AddMilliseconds(-1), WorkingTime = T0.AddMilliseconds(-1), ExpiryReason = ExpiryReason.None,
    };

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void ExecutionReport_New_IsByteExact()
    {
        Write(w => UserEventWriter.WriteExecutionReport(w, NewReport())).ShouldBe(
            """{"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW","S":"BUY","o":"LIMIT","f":"GTC","q":"1.00000000","p":"0.10264410","P":"0.00000000","F":"0.00000000","g":-1,"C":"","x":"NEW","X":"NEW","r":"NONE","i":4293153,"l":"0.00000000","z":"0.00000000","L":"0.00000000","n":"0","N":null,"T":1499405658657,"t":-1,"I":8641984,"w":true,"m":false,"M":false,"O":1499405658657,"Z":"0.00000000","Y":"0.00000000","Q":"0.00000000","W":1499405658657,"V":"NONE"}""");
    }

    [Fact]
    public void ExecutionReport_Trade_CarriesFeeTradeIdAndStrategy()
    {
        var trade = NewReport() with
        {
            ExecutionType = ExecutionType.Trade, Status = OrderStatus.PartiallyFilled, LastExecutedQty = 0.4m,
            LastExecutedPrice = 0.1m, CumulativeQty = 0.4m, CumulativeQuoteQty = 0.04m, Commission = 0.0004m,
            CommissionAsset = "ETH", TradeId = 77, IsMaker = true, StrategyId = 7, StrategyType = 1000000,
        };

        var json = JsonDocument.Parse(Write(w => UserEventWriter.WriteExecutionReport(w, trade))).RootElement;

        json.GetProperty("x").GetString().ShouldBe("TRADE");
        json.GetProperty("X").GetString().ShouldBe("PARTIALLY_FILLED");
        json.GetProperty("l").GetString().ShouldBe("0.40000000");
        json.GetProperty("L").GetString().ShouldBe("0.10000000");
        json.GetProperty("Y").GetString().ShouldBe("0.04000000");
        json.GetProperty("Z").GetString().ShouldBe("0.04000000");
        json.GetProperty("n").GetString().ShouldBe("0.00040000");
        json.GetProperty("N").GetString().ShouldBe("ETH");
        json.GetProperty("t").GetInt64().ShouldBe(77);
        json.GetProperty("m").GetBoolean().ShouldBeTrue();
        UserDataFixture.Keys(json)[^5..].ShouldBe(["Q", "j", "J", "W", "V"]);
        json.GetProperty("j").GetInt64().ShouldBe(7);
        json.GetProperty("J").GetInt32().ShouldBe(1000000);
    }

    [Fact]
    public void ExecutionReport_ExpiredWithReason_EndsWithExpiryReason()
    {
        var expired = NewReport() with
        {
            TimeInForce = TimeInForce.Ioc, ExecutionType = ExecutionType.Expired, Status = OrderStatus.Expired,
            IsWorking = false, ExpiryReason = ExpiryReason.UnfilledIocQuantityExpired,
        };

        Write(w => UserEventWriter.WriteExecutionReport(w, expired))
            .ShouldEndWith("""
                "x":"EXPIRED","X":"EXPIRED","r":"NONE","i":4293153,"l":"0.00000000","z":"0.00000000","L":"0.00000000","n":"0","N":null,"T":1499405658657,"t":-1,"I":8641984,"w":false,"m":false,"M":false,"O":1499405658657,"Z":"0.00000000","Y":"0.00000000","Q":"0.00000000","W":1499405658657,"V":"NONE","eR":"UNFILLED_IOC_QUANTITY_EXPIRED"}
                """);
    }

    [Fact]
    public void ExecutionReport_Cancel_CarriesOriginalClientId()
    {
        var canceled = NewReport() with
        {
            ClientOrderId = "cancel1", OrigClientOrderId = "orig1", ExecutionType = ExecutionType.Canceled,
            Status = OrderStatus.Canceled, IsWorking = false,
        };

        var json = JsonDocument.Parse(Write(w => UserEventWriter.WriteExecutionReport(w, canceled))).RootElement;

        json.GetProperty("c").GetString().ShouldBe("cancel1");
        json.GetProperty("C").GetString().ShouldBe("orig1");
        json.GetProperty("x").GetString().ShouldBe("CANCELED");
    }

    [Fact]
    public void AccountPosition_IsByteExact()
    {
        var position = new AccountPositionChanged(
            DateTimeOffset.FromUnixTimeMilliseconds(1564034571105), "a", [new("ETH", 10000m, 0m), new("BTC", 0.5m, 0.25m)]);

        Write(w => UserEventWriter.WriteAccountPosition(w, position)).ShouldBe(
            """{"e":"outboundAccountPosition","E":1564034571105,"u":1564034571105,"B":[{"a":"ETH","f":"10000.00000000","l":"0.00000000"},{"a":"BTC","f":"0.50000000","l":"0.25000000"}]}""");
    }

    [Fact]
    public void BalanceUpdate_IsByteExact()
    {
        var update = new BalanceUpdated(DateTimeOffset.FromUnixTimeMilliseconds(1573200697110), "a", "BTC", 100m);

        Write(w => UserEventWriter.WriteBalanceUpdate(w, update)).ShouldBe(
            """{"e":"balanceUpdate","E":1573200697110,"a":"BTC","d":"100.00000000","T":1573200697110}""");
    }

    [Fact]
    public void StreamEnds_AreByteExact()
    {
        Write(w => UserEventWriter.WriteListenKeyExpired(w, 1699596037418, "k")).ShouldBe(
            """{"e":"listenKeyExpired","E":1699596037418,"listenKey":"k"}""");
        Write(w => UserEventWriter.WriteEventStreamTerminated(w, 1728973001334)).ShouldBe(
            """{"e":"eventStreamTerminated","E":1728973001334}""");
    }

    [Fact]
    public void Signature_MatchesCcxtAndDocumentedVectors()
    {
        // ccxt 4.5.84, key "K", secret "S" (binance-wire §4.2).
        var ccxt = JsonDocument.Parse("""{"apiKey":"K","recvWindow":10000,"timestamp":1795826007765,"signature":"x"}""").RootElement;
        WebSocketApiSignature.Payload(ccxt).ShouldBe("apiKey=K&recvWindow=10000&timestamp=1795826007765");
        WebSocketApiSignature.Verify(ccxt, Encoding.UTF8.GetBytes("S"), "ae2aab8ba832fac2d826f2fa1d9f44958f9158248b0183696ffb5b335a919468").ShouldBeTrue();
        WebSocketApiSignature.Verify(ccxt, Encoding.UTF8.GetBytes("S"), "AE2AAB8BA832FAC2D826F2FA1D9F44958F9158248B0183696FFB5B335A919468").ShouldBeTrue();
        WebSocketApiSignature.Verify(ccxt, Encoding.UTF8.GetBytes("T"), "ae2aab8ba832fac2d826f2fa1d9f44958f9158248b0183696ffb5b335a919468").ShouldBeFalse();

        // The documented order vector (binance-wire §5.2), params sent unsorted.
        var order = JsonDocument.Parse(
            """{"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC","quantity":"0.01000000","price":"52000.00","recvWindow":100,"timestamp":1645423376532,"apiKey":"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"}""").RootElement;
        WebSocketApiSignature.Verify(order, Encoding.UTF8.GetBytes("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"), "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24").ShouldBeTrue();
    }
}
