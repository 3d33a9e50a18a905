using RxTrader.Binance.OrderBooks;
using static RxTrader.Binance.Tests.OrderBooks.SyncHarness;

namespace RxTrader.Binance.Tests.OrderBooks;

public sealed class UpdateFittingTests
{
    [Theory]
    [InlineData(90, 99, "Stale")] // entirely before the book
    [InlineData(95, 100, "Stale")] // ends exactly at the book: a duplicate of the last applied diff
    [InlineData(95, 101, "Applies")] // straddles bookId + 1
    [InlineData(101, 101, "Applies")] // boundary U == bookId + 1: continuous
    [InlineData(101, 110, "Applies")] // continuous
    [InlineData(102, 110, "Gap")] // update id 101 missing
    public void Classify_AgainstBookId100_FollowsTheProcedure(long first, long final, string expected) =>
        UpdateFitting.Classify(D(first, final), 100).ToString().ShouldBe(expected);
}
