'use strict'
// Reads the filters a scenario needs from an exchangeInfo symbol (binance-wire.md §2.5).

function filtersOf (symbol) {
  const byType = Object.fromEntries(symbol.filters.map(f => [f.filterType, f]))
  const notional = byType.NOTIONAL || byType.MIN_NOTIONAL
  return {
    tickSize: Number(byType.PRICE_FILTER.tickSize),
    stepSize: Number(byType.LOT_SIZE.stepSize),
    minQty: Number(byType.LOT_SIZE.minQty),
    minNotional: notional ? Number(notional.minNotional) : 0
  }
}

/** Rounds `value` down to a multiple of `increment`, as a decimal string without float noise. */
function roundDown (value, increment) {
  const decimals = Math.max(0, Math.round(-Math.log10(increment)))
  const units = Math.floor(value / increment + 1e-9)
  return (units * increment).toFixed(decimals)
}

module.exports = { filtersOf, roundDown }
