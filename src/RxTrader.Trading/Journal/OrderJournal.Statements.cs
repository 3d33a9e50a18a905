using System.Globalization;
using Microsoft.Data.Sqlite;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Journal;

/// <content>The prepared write statements.</content>
public sealed partial class OrderJournal
{
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _commit;
        private readonly SqliteCommand _rollback;
        private readonly SqliteCommand _insertIntent;
        private readonly SqliteCommand _updateOrder;
        private readonly SqliteCommand _insertFill;
        private readonly SqliteCommand _insertEvent;

        public Statements(SqliteConnection connection)
        {
            _begin = Prepare(connection, "BEGIN IMMEDIATE");
            _commit = Prepare(connection, "COMMIT");
            _rollback = Prepare(connection, "ROLLBACK");
            _insertIntent = Prepare(
                connection,
                """
                INSERT OR IGNORE INTO orders (client_order_id, symbol, side, type, quantity, price, time_in_force, quote_quantity,
                    intent_time, tracking, last_outcome, update_time)
                VALUES ($id, $symbol, $side, $type, $quantity, $price, $tif, $quote, $time, 1, 'intent journaled', $time)
                """,
                "$id", "$symbol", "$side", "$type", "$quantity", "$price", "$tif", "$quote", "$time");
            _updateOrder = Prepare(
                connection,
                """
                UPDATE orders SET tracking = $tracking, last_outcome = $outcome, update_time = $time,
                    status = coalesce($status, status),
                    exchange_order_id = coalesce($exchangeId, exchange_order_id),
                    executed_quantity = coalesce($executed, executed_quantity),
                    cumulative_quote_quantity = coalesce($cumulative, cumulative_quote_quantity),
                    order_time = coalesce($orderTime, order_time),
                    order_update_time = coalesce($orderUpdateTime, order_update_time)
                WHERE client_order_id = $id
                """,
                "$id", "$tracking", "$outcome", "$time", "$status", "$exchangeId", "$executed", "$cumulative", "$orderTime", "$orderUpdateTime");
            _insertFill = Prepare(
                connection,
                """
                INSERT OR IGNORE INTO fills (symbol, trade_id, client_order_id, exchange_order_id, side, price, quantity, quote_quantity,
                    commission, commission_asset, is_maker, time, journal_time)
                VALUES ($symbol, $tradeId, $id, $exchangeId, $side, $price, $quantity, $quote, $commission, $asset, $maker, $time, $journalTime)
                """,
                "$symbol", "$tradeId", "$id", "$exchangeId", "$side", "$price", "$quantity", "$quote", "$commission", "$asset", "$maker", "$time", "$journalTime");
            _insertEvent = Prepare(
                connection,
                "INSERT INTO events (client_order_id, kind, time, status, detail) VALUES ($id, $kind, $time, $status, $detail)",
                "$id", "$kind", "$time", "$status", "$detail");
        }

        public void Begin() => _begin.ExecuteNonQuery();

        public void Commit() => _commit.ExecuteNonQuery();

        public void Rollback() => _rollback.ExecuteNonQuery();

        public int InsertIntent(OrderRequest request, DateTimeOffset time)
        {
            var p = _insertIntent.Parameters;
            p[0].Value = request.ClientOrderId.Value;
            p[1].Value = request.Symbol.Value;
            p[2].Value = (int)request.Side;
            p[3].Value = (int)request.Type;
            p[4].Value = Text(request.Quantity);
            p[5].Value = Text(request.Price);
            p[6].Value = request.TimeInForce is { } tif ? (int)tif : DBNull.Value;
            p[7].Value = Text(request.QuoteQuantity);
            p[8].Value = time.UtcTicks;
            return _insertIntent.ExecuteNonQuery();
        }

        public int UpdateOrder(ClientOrderId id, OrderTracking tracking, Order? order, string outcome, DateTimeOffset time)
        {
            var p = _updateOrder.Parameters;
            p[0].Value = id.Value;
            p[1].Value = (int)tracking;
            p[2].Value = outcome;
            p[3].Value = time.UtcTicks;
            p[4].Value = order is null ? DBNull.Value : (int)order.Status;
            p[5].Value = order is null ? DBNull.Value : order.ExchangeOrderId;
            p[6].Value = order is null ? DBNull.Value : Text(order.ExecutedQuantity);
            p[7].Value = order is null ? DBNull.Value : Text(order.CumulativeQuoteQuantity);
            p[8].Value = order is null ? DBNull.Value : order.Time.UtcTicks;
            p[9].Value = order is null ? DBNull.Value : order.UpdateTime.UtcTicks;
            return _updateOrder.ExecuteNonQuery();
        }

        public int InsertFill(Fill fill, DateTimeOffset time)
        {
            var p = _insertFill.Parameters;
            p[0].Value = fill.Symbol.Value;
            p[1].Value = fill.TradeId;
            p[2].Value = fill.ClientOrderId.Value;
            p[3].Value = fill.ExchangeOrderId;
            p[4].Value = (int)fill.Side;
            p[5].Value = Text(fill.Price);
            p[6].Value = Text(fill.Quantity);
            p[7].Value = Text(fill.QuoteQuantity);
            p[8].Value = Text(fill.Commission);
            p[9].Value = fill.CommissionAsset ?? string.Empty;
            p[10].Value = fill.IsMaker ? 1 : 0;
            p[11].Value = fill.Time.UtcTicks;
            p[12].Value = time.UtcTicks;
            return _insertFill.ExecuteNonQuery();
        }

        public void InsertEvent(ClientOrderId id, JournalEventKind kind, DateTimeOffset time, OrderStatus? status, string detail)
        {
            var p = _insertEvent.Parameters;
            p[0].Value = id.Value;
            p[1].Value = (int)kind;
            p[2].Value = time.UtcTicks;
            p[3].Value = status is { } s ? (int)s : DBNull.Value;
            p[4].Value = detail;
            _insertEvent.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _begin.Dispose();
            _commit.Dispose();
            _rollback.Dispose();
            _insertIntent.Dispose();
            _updateOrder.Dispose();
            _insertFill.Dispose();
            _insertEvent.Dispose();
        }

        private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        private static object Text(decimal? value) => value is { } v ? Text(v) : DBNull.Value;

        private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }
}
