'use strict'
// @binance/connector 3.6.1 against the simulator, configured only through its base URLs (binance-wire.md §6.1).
// Usage: node connector.js --rest http://127.0.0.1:PORT --ws ws://127.0.0.1:PORT --key K --secret S

const { Spot, WebsocketStream } = require('@binance/connector')
const { check, step, waitFor, within, parseArgs, run } = require('./scenario')
const { filtersOf, roundDown } = require('./symbols')

const args = parseArgs(['rest', 'ws', 'key', 'secret'])
const quiet = { log () {}, info () {}, warn () {}, error () {}, debug () {} }
const client = new Spot(args.key, args.secret, { baseURL: args.rest, timeout: 5000 })

async function main () {
  await step('ping and time', async () => {
    await client.ping()
    const { data } = await client.time()
    check(Number.isInteger(data.serverTime), 'serverTime is an integer')
  })

  const info = await step('exchangeInfo', async () => {
    const { data } = await client.exchangeInfo({ symbol: 'BTCUSDT' })
    check(data.symbols.length === 1 && data.symbols[0].symbol === 'BTCUSDT', 'BTCUSDT listed')
    return filtersOf(data.symbols[0])
  })

  const book = await step('depth', async () => {
    const { data } = await client.depth('BTCUSDT', { limit: 10 })
    check(data.bids.length > 0 && data.asks.length > 0, 'both sides have levels')
    check(Number(data.bids[0][0]) < Number(data.asks[0][0]), 'bid below ask')
    return { lastUpdateId: data.lastUpdateId, bid: data.bids[0][0], ask: data.asks[0][0] }
  })

  await step('klines', async () => {
    const { data } = await client.klines('BTCUSDT', '1m', { limit: 5 })
    check(Array.isArray(data), 'klines is an array')
    for (const k of data) check(k.length === 12 && typeof k[1] === 'string', 'kline has 12 fields')
    return { count: data.length }
  })

  await step('ticker24hr', async () => {
    const { data } = await client.ticker24hr('BTCUSDT')
    check(data.symbol === 'BTCUSDT' && typeof data.lastPrice === 'string', 'ticker has lastPrice')
  })

  const usdtBefore = await step('account balances', async () => {
    const { data } = await client.account()
    const usdt = data.balances.find(b => b.asset === 'USDT')
    check(usdt && Number(usdt.free) > 100, 'USDT balance is funded')
    return Number(usdt.free)
  })

  // Market streams: the first subscribe opens /ws/<name>, the second is a SUBSCRIBE control message.
  const market = { trades: 0, klines: 0, replies: 0 }
  const streams = new WebsocketStream({
    wsURL: args.ws,
    logger: quiet,
    callbacks: {
      message: raw => {
        const m = JSON.parse(raw)
        if (m.e === 'trade') market.trades++
        else if (m.e === 'kline') market.klines++
        else if ('result' in m) market.replies++
      }
    }
  })
  await step('watch trades and klines', async () => {
    streams.trade('btcusdt')
    await waitFor('the stream connection', () => streams.isConnected())
    streams.kline('btcusdt', '1s')
    await waitFor('trade events', () => market.trades >= 3, 15000)
    await waitFor('kline events', () => market.klines >= 1, 15000)
    return { ...market }
  })

  // The combined form: /stream?streams=a/b delivers {"stream":..,"data":..} wrappers.
  const combined = { bookTickers: 0, depthDiffs: 0 }
  const combinedStreams = new WebsocketStream({
    wsURL: args.ws,
    combinedStreams: true,
    logger: quiet,
    callbacks: {
      message: raw => {
        const m = JSON.parse(raw)
        if (m.stream === 'btcusdt@bookTicker' && m.data.u > 0) combined.bookTickers++
        else if (m.stream === 'btcusdt@depth@100ms' && m.data.e === 'depthUpdate') combined.depthDiffs++
      }
    }
  })
  await step('watch combined bookTicker and depth', async () => {
    combinedStreams.subscribe(['btcusdt@bookTicker', 'btcusdt@depth@100ms'])
    await waitFor('bookTicker and depth events', () => combined.bookTickers >= 1 && combined.depthDiffs >= 1, 15000)
    return { ...combined }
  })

  // User data: legacy listenKey over REST, then /ws/<listenKey> on the stream host.
  const user = { reports: [], positions: 0 }
  const userStream = new WebsocketStream({
    wsURL: args.ws,
    logger: quiet,
    callbacks: {
      message: raw => {
        const m = JSON.parse(raw)
        if (m.e === 'executionReport') user.reports.push(m)
        else if (m.e === 'outboundAccountPosition') user.positions++
      }
    }
  })
  const listenKey = await step('listenKey and user stream', async () => {
    const { data } = await client.createListenKey()
    check(typeof data.listenKey === 'string' && data.listenKey.length > 0, 'listenKey issued')
    userStream.userData(data.listenKey)
    await waitFor('the user stream connection', () => userStream.isConnected())
    await client.renewListenKey(data.listenKey)
    return data.listenKey
  })

  const price = roundDown(Number(book.bid) * 0.9, info.tickSize)
  const quantity = roundDown(Math.max(info.minNotional * 2 / price, info.minQty), info.stepSize)

  const limit = await step('new LIMIT order', async () => {
    const { data } = await client.newOrder('BTCUSDT', 'BUY', 'LIMIT', { price, quantity, timeInForce: 'GTC' })
    check(data.status === 'NEW' && data.orderId > 0, 'a resting order is NEW')
    check(data.orderListId === -1 && Array.isArray(data.fills), 'FULL response shape')
    return { orderId: data.orderId, price: data.price, origQty: data.origQty }
  })

  await step('query and list orders', async () => {
    const { data: order } = await client.getOrder('BTCUSDT', { orderId: limit.orderId })
    check(order.status === 'NEW' && order.orderId === limit.orderId, 'getOrder finds it')
    const { data: open } = await client.openOrders({ symbol: 'BTCUSDT' })
    check(open.some(o => o.orderId === limit.orderId), 'openOrders lists it')
  })

  await step('cancel LIMIT order', async () => {
    const { data } = await client.cancelOrder('BTCUSDT', { orderId: limit.orderId })
    check(data.status === 'CANCELED', 'canceled')
    const { data: all } = await client.allOrders('BTCUSDT')
    check(all.some(o => o.orderId === limit.orderId && o.status === 'CANCELED'), 'allOrders shows it canceled')
  })

  const marketOrder = await step('MARKET order fills', async () => {
    const { data } = await client.newOrder('BTCUSDT', 'BUY', 'MARKET', { quantity })
    check(data.status === 'FILLED' && data.fills.length > 0, 'a MARKET order fills')
    const { data: trades } = await client.myTrades('BTCUSDT', { orderId: data.orderId })
    check(trades.length === data.fills.length, 'myTrades lists its fills')
    return { orderId: data.orderId, fills: data.fills.length, cummulativeQuoteQty: data.cummulativeQuoteQty }
  })

  await step('balances moved', async () => {
    const { data } = await client.account()
    const usdt = Number(data.balances.find(b => b.asset === 'USDT').free)
    check(usdt < usdtBefore, 'USDT spent on the MARKET buy')
    return { usdtBefore, usdt }
  })

  await step('user data order updates', async () => {
    const of = id => user.reports.filter(r => r.i === id).map(r => r.x)
    await waitFor('LIMIT reports NEW and CANCELED', () => of(limit.orderId).includes('CANCELED'))
    await waitFor('MARKET report TRADE', () => of(marketOrder.orderId).includes('TRADE'))
    await waitFor('account position events', () => user.positions > 0)
    return { limit: of(limit.orderId), market: of(marketOrder.orderId), positions: user.positions }
  })

  await step('close listenKey', async () => {
    await within('closeListenKey', client.closeListenKey(listenKey))
  })

  streams.disconnect()
  combinedStreams.disconnect()
  userStream.disconnect()
}

run('@binance/connector 3.6.1', main)
