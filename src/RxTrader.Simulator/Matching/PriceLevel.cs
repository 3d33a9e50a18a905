namespace RxTrader.Simulator.Matching;

/// <summary>One price of one book side: a FIFO queue of orders (time priority) and their total quantity.</summary>
internal sealed class PriceLevel(decimal price)
{
    public decimal Price { get; } = price;

    public decimal Quantity { get; private set; }

    public Order? Head { get; private set; }

    public bool IsEmpty => Head is null;

    /// <summary>Queues <paramref name="order"/> last (it arrived last).</summary>
    public void Enqueue(Order order)
    {
        order.Level = this;
        order.Previous = _tail;
        order.Next = null;
        if (_tail is null)
        {
            Head = order;
        }
        else
        {
            _tail.Next = order;
        }

        _tail = order;
        Quantity += order.Remaining;
    }

    /// <summary>Unlinks <paramref name="order"/> wherever it is in the queue, with its remaining quantity.</summary>
    public void Remove(Order order)
    {
        Quantity -= order.Remaining;
        if (order.Previous is null)
        {
            Head = order.Next;
        }
        else
        {
            order.Previous.Next = order.Next;
        }

        if (order.Next is null)
        {
            _tail = order.Previous;
        }
        else
        {
            order.Next.Previous = order.Previous;
        }

        order.Level = null;
        order.Previous = null;
        order.Next = null;
    }

    /// <summary>Records that an order on this level traded <paramref name="quantity"/>.</summary>
    public void Reduce(decimal quantity) => Quantity -= quantity;

    private Order? _tail;
}
