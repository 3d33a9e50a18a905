'use strict'
// A tiny scenario runner: named steps, checks that fail loudly, waits with deadlines, one JSON summary line.

const steps = []

/** Throws with `message` unless `condition` holds. */
function check (condition, message) {
  if (!condition) throw new Error('check failed: ' + message)
}

/** Runs one named step, recording its duration and outcome; rethrows so the scenario stops at the first failure. */
async function step (name, fn) {
  const started = Date.now()
  try {
    const detail = await fn()
    steps.push({ name, ok: true, ms: Date.now() - started, detail })
    console.log(`ok   ${name}${detail === undefined ? '' : ' — ' + JSON.stringify(detail)}`)
    return detail
  } catch (e) {
    steps.push({ name, ok: false, ms: Date.now() - started, error: String(e && e.stack ? e.stack : e) })
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`)
    throw e
  }
}

/** Polls `predicate` every 20 ms until it returns a truthy value or `timeoutMs` passes. */
async function waitFor (what, predicate, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = predicate()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** Rejects when `promise` takes longer than `timeoutMs`. */
function within (what, promise, timeoutMs = 10000) {
  let timer
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out: ' + what)), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Reads `--name value` pairs from the command line; every name in `required` must be present. */
function parseArgs (required) {
  const args = {}
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error('usage: --name value pairs, got ' + argv.join(' '))
    args[argv[i].slice(2)] = argv[i + 1]
  }
  for (const name of required) {
    if (!args[name]) throw new Error('missing --' + name)
  }
  return args
}

/** Runs `main`, prints the summary line and sets the exit code; a hard deadline guards against hangs. */
function run (client, main, deadlineMs = 60000) {
  const guard = setTimeout(() => {
    console.log(JSON.stringify({ client, passed: false, error: 'scenario deadline exceeded', steps }))
    process.exit(3)
  }, deadlineMs)
  main().then(
    () => {
      clearTimeout(guard)
      console.log(JSON.stringify({ client, passed: true, steps: steps.map(s => s.name) }))
      process.exit(0)
    },
    e => {
      clearTimeout(guard)
      console.log(JSON.stringify({ client, passed: false, error: String(e && e.message ? e.message : e), steps }))
      process.exit(1)
    })
}

module.exports = { check, step, waitFor, within, parseArgs, run }
