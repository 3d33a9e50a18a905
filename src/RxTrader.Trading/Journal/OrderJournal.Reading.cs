using System.Globalization;
using Microsoft.Data.Sqlite;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Journal;

/// <content>Reads: what a restart needs (orders not final, fills) and what checks and audits need.</content>
public sealed partial class OrderJournal
{
    private const string OrderColumns = """
        client_order_id, symbol, side, type, quantity, price, time_in_force, quote_quantity, intent_time, tracking,
        last_outcome, update_time, status, exchange_order_id, executed_quantity, cumulative_quote_quantity, order_time, order_update_time
        """;

    private const string FillColumns = """
        client_order_id, exchange_order_id, trade_id, symbol, side, price, quantity, quote_quantity, commission, commission_asset, is_maker, time
        """;

    /// <summary>SQLite's journal mode in force (<c>wal</c>).</summary>
    public string JournalMode => Scalar("PRAGMA journal_mode") as string ?? string.Empty;

    /// <summary>Orders journaled (all time).</summary>
    public long OrderCount => Convert.ToInt64(Scalar("SELECT count(*) FROM orders"), CultureInfo.InvariantCulture);

    /// <summary>Fills journaled (all time).</summary>
    public long FillCount => Convert.ToInt64(Scalar("SELECT count(*) FROM fills"), CultureInfo.InvariantCulture);

    /// <summary>The journal's record of one order.</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <returns>The record, or null when the id was never journaled.</returns>
    public JournaledOrder? FindOrder(ClientOrderId clientOrderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {OrderColumns} FROM orders WHERE client_order_id = $id";
            command.Parameters.AddWithValue("$id", clientOrderId.Value);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadOrder(reader) : null;
        }
    }

    /// <summary>Every order whose tracking state is not final (pending, reconciling, open): what a restart must reconcile.</summary>
    /// <returns>The records, in intent order.</returns>
    public IReadOnlyList<JournaledOrder> LoadOrdersNotFinal()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {OrderColumns} FROM orders WHERE tracking IN (1, 2, 3) ORDER BY intent_time, rowid";
            using var reader = command.ExecuteReader();
            var orders = new List<JournaledOrder>();
            while (reader.Read())
            {
                orders.Add(ReadOrder(reader));
            }

            return orders;
        }
    }

    /// <summary>Streams every fill in the order it was journaled (positions are rebuilt from them).</summary>
    /// <param name="action">Called once per fill, under the journal's lock: it must not call the journal.</param>
    /// <returns>The number of fills read.</returns>
    public long ForEachFill(Action<Fill> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {FillColumns} FROM fills ORDER BY rowid";
            using var reader = command.ExecuteReader();
            long count = 0;
            while (reader.Read())
            {
                action(ReadFill(reader));
                count++;
            }

            return count;
        }
    }

    /// <summary>The fills journaled for one order.</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <returns>The fills, in journal order.</returns>
    public IReadOnlyList<Fill> ReadFills(ClientOrderId clientOrderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {FillColumns} FROM fills WHERE client_order_id = $id ORDER BY rowid";
            command.Parameters.AddWithValue("$id", clientOrderId.Value);
            using var reader = command.ExecuteReader();
            var fills = new List<Fill>();
            while (reader.Read())
            {
                fills.Add(ReadFill(reader));
            }

            return fills;
        }
    }

    /// <summary>Whether the <paramref name="side"/> fill of <paramref name="symbol"/>'s trade <paramref name="tradeId"/> is journaled.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="tradeId">The venue's trade id.</param>
    /// <param name="side">The filled order's side (a self-trade fills a buy and a sell of the account with one trade id).</param>
    /// <returns>True when journaled.</returns>
    public bool ContainsFill(Symbol symbol, long tradeId, Side side)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM fills WHERE symbol = $symbol AND trade_id = $tradeId AND side = $side";
            command.Parameters.AddWithValue("$symbol", symbol.Value);
            command.Parameters.AddWithValue("$tradeId", tradeId);
            command.Parameters.AddWithValue("$side", (int)side);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }
    }

    /// <summary>The event log of one order.</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <returns>The events, oldest first.</returns>
    public IReadOnlyList<JournalEvent> ReadEvents(ClientOrderId clientOrderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            FlushNotes();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sequence, kind, time, status, detail FROM events WHERE client_order_id = $id ORDER BY sequence";
            command.Parameters.AddWithValue("$id", clientOrderId.Value);
            using var reader = command.ExecuteReader();
            var events = new List<JournalEvent>();
            while (reader.Read())
            {
                events.Add(new JournalEvent(
                    reader.GetInt64(0),
                    clientOrderId,
                    (JournalEventKind)reader.GetInt32(1),
                    Time(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : (OrderStatus)reader.GetInt32(3),
                    reader.GetString(4)));
            }

            return events;
        }
    }

    private static JournaledOrder ReadOrder(SqliteDataReader reader)
    {
        var id = new ClientOrderId(reader.GetString(0));
        var request = new OrderRequest(
            id,
            new Symbol(reader.GetString(1)),
            (Side)reader.GetInt32(2),
            (OrderType)reader.GetInt32(3),
            Number(reader.GetString(4)),
            reader.IsDBNull(5) ? null : Number(reader.GetString(5)),
            reader.IsDBNull(6) ? null : (TimeInForce)reader.GetInt32(6),
            reader.IsDBNull(7) ? null : Number(reader.GetString(7)));
        Order? order = null;
        if (!reader.IsDBNull(12))
        {
            order = new Order(
                id, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Price, request.Quantity,
                Number(reader.GetString(14)), Number(reader.GetString(15)), (OrderStatus)reader.GetInt32(12),
                reader.GetInt64(13), Time(reader.GetInt64(16)), Time(reader.GetInt64(17)));
        }

        return new JournaledOrder(
            request, (OrderTracking)reader.GetInt32(9), order, reader.GetString(10), Time(reader.GetInt64(8)), Time(reader.GetInt64(11)));
    }

    private static Fill ReadFill(SqliteDataReader reader) =>
        new(
            new ClientOrderId(reader.GetString(0)),
            reader.GetInt64(1),
            reader.GetInt64(2),
            new Symbol(reader.GetString(3)),
            (Side)reader.GetInt32(4),
            Number(reader.GetString(5)),
            Number(reader.GetString(6)),
            Number(reader.GetString(7)),
            Number(reader.GetString(8)),
            reader.GetString(9),
            reader.GetInt64(10) != 0,
            Time(reader.GetInt64(11)));

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private object? Scalar(string sql)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }
}
