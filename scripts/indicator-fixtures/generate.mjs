// Writes reference indicator values for RxTrader.Streams tests, computed by technicalindicators 3.1.0
// (an implementation independent of RxTrader; RSI also by trading-signals 8.3.0) over a seeded synthetic OHLCV series.
// Usage: npm ci && node generate.mjs   (see README.md)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ti = require('technicalindicators');
const version = require('technicalindicators/package.json').version;
if (version !== '3.1.0') throw new Error(`expected technicalindicators 3.1.0, found ${version}`);
// A second, independent package cross-checks the one series the script assembles itself (RSI, see below).
const { RSI: TsRsi } = await import('trading-signals');
const here = dirname(fileURLToPath(import.meta.url));
// trading-signals exports no package.json subpath, so its version is read from the file.
const tsVersion = JSON.parse(readFileSync(join(here, 'node_modules/trading-signals/package.json'))).version;
if (tsVersion !== '8.3.0') throw new Error(`expected trading-signals 8.3.0, found ${tsVersion}`);

const outDir = join(here, '../../tests/RxTrader.Streams.Tests/Indicators/Fixtures');
const BARS = 1500;
const SEED = 20240601;

// mulberry32: a tiny deterministic PRNG, so the series never depends on Math.random or the Node version.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const gaussian = () => {
  // Box-Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
// Prices on a 0.01 tick and volumes on 0.0001 lots, like an exchange, so decimal -> double is exact-ish.
const tick = (x) => Math.round(x * 100) / 100;
const lot = (x) => Math.round(x * 10000) / 10000;

// A geometric random walk whose volatility itself wanders (calm and wild regimes), one bar per minute.
function makeBars() {
  const bars = [];
  let close = 100;
  let vol = 0.002;
  const start = Date.UTC(2024, 0, 1, 22, 0, 0); // crosses UTC midnights, for session-reset checks
  for (let i = 0; i < BARS; i++) {
    vol = Math.min(0.02, Math.max(0.0005, vol * Math.exp(0.15 * gaussian())));
    const open = close;
    const next = tick(open * Math.exp(vol * gaussian()));
    const high = tick(Math.max(open, next) * (1 + vol * Math.abs(gaussian()) * 0.5));
    const low = tick(Math.min(open, next) * (1 - vol * Math.abs(gaussian()) * 0.5));
    const volume = lot(0.5 + 20 * random() * (1 + vol * 200));
    if (!(high >= Math.max(open, next) && low <= Math.min(open, next) && low > 0 && volume > 0)) {
      throw new Error(`bar ${i} is not a valid OHLCV bar`);
    }
    bars.push({ time: start + i * 60_000, open, high, low, close: next, volume });
    close = next;
  }
  return bars;
}

// Shortest round-trip text of a double (what JSON uses): parsing it gives back the exact same double.
const num = (x) => (x === undefined ? '' : String(x));

// Writes rows aligned to the input bar index; indicators with fewer outputs are right-aligned, as the library
// returns only the values after its warm-up, and cells before the first value are left empty.
function writeAligned(name, header, outputs, toCells) {
  const offset = BARS - outputs.length;
  const lines = [`index,${header.join(',')}`];
  for (let i = 0; i < BARS; i++) {
    const cells = i < offset ? header.map(() => '') : toCells(outputs[i - offset]);
    lines.push(`${i},${cells.map(num).join(',')}`);
  }
  writeFileSync(join(outDir, `${name}.csv`), lines.join('\n') + '\n');
}

const bars = makeBars();
const close = bars.map((b) => b.close);
const high = bars.map((b) => b.high);
const low = bars.map((b) => b.low);
const volume = bars.map((b) => b.volume);
const identity = (v) => v; // no rounding (the library's default only rounds if setConfig('precision') is set)

mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'bars.csv'),
  ['index,openTimeMs,open,high,low,close,volume']
    .concat(bars.map((b, i) => [i, b.time, b.open, b.high, b.low, b.close, b.volume].map(num).join(',')))
    .join('\n') + '\n',
);

for (const period of [1, 14, 20]) {
  writeAligned(`sma-${period}`, ['sma'], ti.SMA.calculate({ period, values: close, format: identity }), (v) => [v]);
  writeAligned(`ema-${period}`, ['ema'], ti.EMA.calculate({ period, values: close, format: identity }), (v) => [v]);
}

// RSI: the library rounds its output to 2 decimals (toFixed(2), no option turns that off), so the full-precision
// series is built from the library's own Wilder averages (AverageGain/AverageLoss) with the library's RSI formula
// and edge cases; the rounded library output is written next to it and checked against it here.
const period = 14;
const gains = ti.AverageGain.calculate({ period, values: close, format: identity });
const losses = ti.AverageLoss.calculate({ period, values: close, format: identity });
const rounded = ti.RSI.calculate({ period, values: close });
if (gains.length !== rounded.length || losses.length !== rounded.length) throw new Error('RSI lengths differ');
const rsi = gains.map((g, i) => (losses[i] === 0 ? 100 : g === 0 ? 0 : 100 - 100 / (1 + g / losses[i])));
rsi.forEach((r, i) => {
  if (parseFloat(r.toFixed(2)) !== rounded[i]) throw new Error(`RSI ${i}: ${r} does not round to ${rounded[i]}`);
});
// trading-signals' RSI (Wilder smoothing written as avg += (x - avg) / period, same seed and edge cases) must agree.
const tsRsi = new TsRsi(period);
const crossCheck = close.map((c) => tsRsi.update(c) ?? undefined).filter((v) => v !== undefined).map(Number);
if (crossCheck.length !== rsi.length) throw new Error('trading-signals RSI length differs');
crossCheck.forEach((r, i) => {
  if (Math.abs(r - rsi[i]) > 1e-9 * Math.abs(rsi[i])) throw new Error(`RSI ${i}: trading-signals ${r} vs ${rsi[i]}`);
});
writeAligned('rsi-14', ['rsi', 'libraryRsi2dp', 'tradingSignalsRsi'], rsi.map((r, i) => [r, rounded[i], crossCheck[i]]), (r) => r);

const macd = ti.MACD.calculate({
  values: close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9,
  SimpleMAOscillator: false, SimpleMASignal: false, format: identity,
});
writeAligned('macd-12-26-9', ['macd', 'signal', 'histogram'], macd, (m) => [m.MACD, m.signal, m.histogram]);

const bb = ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: close, format: identity });
writeAligned('bollinger-20-2', ['middle', 'upper', 'lower'], bb, (b) => [b.middle, b.upper, b.lower]);

const atr = ti.ATR.calculate({ period: 14, high, low, close, format: identity });
writeAligned('atr-14', ['atr'], atr, (v) => [v]);

const vwap = ti.VWAP.calculate({ high, low, close, volume, format: identity });
writeAligned('vwap', ['vwap'], vwap, (v) => [v]);

console.log(`technicalindicators ${version} (RSI cross-checked with trading-signals ${tsVersion}): ${BARS} bars, seed ${SEED}, fixtures in ${outDir}`);
