namespace RxTrader.Simulator.Publishing;

/// <summary>A fixed-capacity ring that keeps the newest items, oldest first by index.</summary>
internal sealed class Ring<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public T this[int index] => _items[(_start + index) % _items.Length];

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
        }
        else
        {
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
        }
    }
}
