namespace RxTrader.Trading.Journal;

/// <content>The schema, version 1.</content>
public sealed partial class OrderJournal
{
    // Decimals are TEXT (exact, invariant culture); times are INTEGER UTC ticks; enums are their integer values.
    // Rows of finished orders stay on disk (the history); the partial index keeps "open orders" a cheap read.
    private const string CreateSchemaSql = """
        BEGIN;
        CREATE TABLE journal_schema (name TEXT NOT NULL, version INTEGER NOT NULL);
        INSERT INTO journal_schema (name, version) VALUES ('rxtrader-order-journal', 1);
        CREATE TABLE orders (
            client_order_id TEXT NOT NULL PRIMARY KEY,
            symbol TEXT NOT NULL,
            side INTEGER NOT NULL,
            type INTEGER NOT NULL,
            quantity TEXT NOT NULL,
            price TEXT,
            time_in_force INTEGER,
            quote_quantity TEXT,
            intent_time INTEGER NOT NULL,
            tracking INTEGER NOT NULL,
            last_outcome TEXT NOT NULL,
            update_time INTEGER NOT NULL,
            status INTEGER,
            exchange_order_id INTEGER,
            executed_quantity TEXT,
            cumulative_quote_quantity TEXT,
            order_time INTEGER,
            order_update_time INTEGER);
        CREATE INDEX orders_not_final ON orders (tracking) WHERE tracking IN (1, 2, 3);
        CREATE TABLE fills (
            symbol TEXT NOT NULL,
            trade_id INTEGER NOT NULL,
            client_order_id TEXT NOT NULL,
            exchange_order_id INTEGER NOT NULL,
            side INTEGER NOT NULL,
            price TEXT NOT NULL,
            quantity TEXT NOT NULL,
            quote_quantity TEXT NOT NULL,
            commission TEXT NOT NULL,
            commission_asset TEXT NOT NULL,
            is_maker INTEGER NOT NULL,
            time INTEGER NOT NULL,
            journal_time INTEGER NOT NULL,
            UNIQUE (symbol, trade_id, side));
        CREATE INDEX fills_order ON fills (client_order_id);
        CREATE TABLE events (
            sequence INTEGER PRIMARY KEY,
            client_order_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            time INTEGER NOT NULL,
            status INTEGER,
            detail TEXT NOT NULL);
        CREATE INDEX events_order ON events (client_order_id);
        COMMIT;
        """;
}
