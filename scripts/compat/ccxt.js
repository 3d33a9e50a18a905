'use strict'
// ccxt 4.5.84 (binance, REST and pro WebSocket) against the simulator, configured only through its URL map and
// the options that keep loadMarkets on /api/v3 (binance-wire.md §6.3).
// Usage: node ccxt.js --rest http://127.0.0.1:PORT --ws ws://127.0.0.1:PORT --key K --secret S

const ccxt = require('ccxt')
const { check, step, waitFor, within, parseArgs, run } = require('./scenario')

const args = parseArgs(['rest', 'ws', 'key', 'secret'])
const exchange = new ccxt.pro.binance({
  apiKey: args.key,
  secret: args.secret,
  timeout: 5000,
  urls: {
    api: {
      public: args.rest + '/api/v3',
      private: args.rest + '/api/v3',
      v1: args.rest + '/api/v1',
      sapi: args.rest + '/sapi/v1',
      ws: { spot: args.ws + '/ws', 'ws-api': { spot: args.ws + '/ws-api/v3' } }
    }
  },
  options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false }
})
const symbol = 'BTC/USDT'

async function main () {
  await exchange.loadHttpProxyAgent()

  const market = await step('loadMarkets', async () => {
    const markets = await exchange.loadMarkets()
    const m = markets[symbol]
    check(m && m.id === 'BTCUSDT' && m.spot, 'BTC/USDT is a spot market')
    check(m.precision.price > 0 && m.limits.amount.min > 0, 'precision and limits come from the filters')
    return { price: m.precision.price, amount: m.precision.amount, minCost: m.limits.cost.min }
  })

  await step('fetchTime', async () => {
    check(Number.isInteger(await exchange.fetchTime()), 'server time is an integer')
  })

  const book = await step('fetchOrderBook', async () => {
    const ob = await exchange.fetchOrderBook(symbol, 10)
    check(ob.bids.length > 0 && ob.asks.length > 0 && ob.bids[0][0] < ob.asks[0][0], 'a crossed-free book')
    return { bid: ob.bids[0][0], ask: ob.asks[0][0], nonce: ob.nonce }
  })

  await step('fetchOHLCV', async () => {
    const bars = await exchange.fetchOHLCV(symbol, '1m', undefined, 5)
    check(Array.isArray(bars), 'bars is an array')
    for (const b of bars) check(b.length === 6 && b[2] >= b[3], 'OHLCV rows with high >= low')
    return { count: bars.length }
  })

  await step('fetchTicker and fetchTrades', async () => {
    const t = await exchange.fetchTicker(symbol)
    check(t.symbol === symbol && t.last > 0, 'ticker has a last price')
    const trades = await exchange.fetchTrades(symbol, undefined, 10)
    check(Array.isArray(trades), 'trades is an array')
    return { last: t.last, trades: trades.length }
  })

  const usdtBefore = await step('fetchBalance', async () => {
    const balance = await exchange.fetchBalance()
    check(balance.USDT && balance.USDT.free > 100, 'USDT is funded')
    return balance.USDT.free
  })

  await step('watchTrades and watchOHLCV', async () => {
    const trades = await within('watchTrades', exchange.watchTrades(symbol), 15000)
    check(trades.length > 0 && trades[0].price > 0, 'a trade arrived')
    const bars = await within('watchOHLCV', exchange.watchOHLCV(symbol, '1m'), 15000)
    check(bars.length > 0 && bars[bars.length - 1][4] > 0, 'a kline arrived')
    return { trades: trades.length, bars: bars.length }
  })

  // User data over the WebSocket API (userDataStream.subscribe.signature); collect every order update.
  const updates = []
  let watching = true
  const watcher = (async () => {
    while (watching) {
      const orders = await exchange.watchOrders(symbol)
      for (const o of orders) updates.push({ id: o.id, status: o.status, filled: o.filled })
    }
  })().catch(e => { if (watching) updates.push({ error: String(e) }) })
  await step('watchOrders subscribes', async () => {
    const ws = exchange.clients[args.ws + '/ws-api/v3']
    await waitFor('the user-data subscription', () => ws && ws.subscriptions && ws.subscriptions.spot)
    await waitFor('the subscription reply', () => ws.futures && !('authenticate:signature:spot' in ws.futures))
  })

  const amount = Number(exchange.amountToPrecision(symbol, Math.max(market.minCost * 2 / book.bid, exchange.markets[symbol].limits.amount.min)))
  const limitPrice = Number(exchange.priceToPrecision(symbol, book.bid * 0.9))

  const limit = await step('createOrder LIMIT', async () => {
    const o = await exchange.createOrder(symbol, 'limit', 'buy', amount, limitPrice)
    check(o.id && o.status === 'open', 'a resting LIMIT order is open')
    return { id: o.id, price: o.price, amount: o.amount }
  })

  await step('fetchOrder and fetchOpenOrders', async () => {
    const o = await exchange.fetchOrder(limit.id, symbol)
    check(o.status === 'open' && o.price === limitPrice, 'fetchOrder sees it open at its price')
    const open = await exchange.fetchOpenOrders(symbol)
    check(open.some(x => x.id === limit.id), 'fetchOpenOrders lists it')
  })

  await step('cancelOrder', async () => {
    const o = await exchange.cancelOrder(limit.id, symbol)
    check(o.status === 'canceled', 'canceled')
  })

  const marketOrder = await step('createOrder MARKET', async () => {
    const o = await exchange.createOrder(symbol, 'market', 'buy', amount)
    check(o.status === 'closed' && o.filled === amount, 'a MARKET order fills completely')
    check(o.trades.length > 0 && o.fee !== undefined, 'fills and fee reported')
    return { id: o.id, filled: o.filled, cost: o.cost }
  })

  await step('fetchOrders, fetchClosedOrders and fetchMyTrades', async () => {
    const all = await exchange.fetchOrders(symbol)
    check(all.some(o => o.id === limit.id && o.status === 'canceled'), 'history has the canceled LIMIT')
    const closed = await exchange.fetchClosedOrders(symbol)
    check(closed.some(o => o.id === marketOrder.id), 'closed orders have the MARKET order')
    const mine = await exchange.fetchMyTrades(symbol)
    check(mine.some(t => t.order === marketOrder.id), 'my trades include the MARKET fills')
    return { orders: all.length, trades: mine.length }
  })

  await step('fetchBalance after trading', async () => {
    const balance = await exchange.fetchBalance()
    check(balance.USDT.free < usdtBefore && balance.BTC.free > 0, 'USDT spent, BTC received')
    return { usdt: balance.USDT.free, btc: balance.BTC.free }
  })

  await step('watchOrders delivers the updates', async () => {
    await waitFor('LIMIT canceled and MARKET closed', () =>
      updates.some(u => u.id === limit.id && u.status === 'canceled') &&
      updates.some(u => u.id === marketOrder.id && u.status === 'closed'))
    check(!updates.some(u => u.error), 'no watch error: ' + JSON.stringify(updates.filter(u => u.error)))
    return { updates: updates.length }
  })

  await step('an unaffordable order is refused as InsufficientFunds', async () => {
    try {
      await exchange.createOrder(symbol, 'limit', 'buy', 100, limitPrice)
    } catch (e) {
      check(e instanceof ccxt.InsufficientFunds, 'InsufficientFunds (-2010), got ' + e.constructor.name + ': ' + e.message)
      return { error: e.constructor.name }
    }
    throw new Error('the order was accepted')
  })

  watching = false
  await exchange.close()
  await watcher
}

run('ccxt 4.5.84', main)
