// Issue 12: unhandled promise rejections do what the runtime interface client does on Lambda.
// nodejs18.x–22.x (RIC 3.x, src/index.mjs): process.on('unhandledRejection') logs "Unhandled Promise
// Rejection" with a Runtime.UnhandledPromiseRejection, posts it, and the process exits 128.
// nodejs24.x (the TypeScript client: src/index.ts → ignition → createRuntime) installs no listener,
// so Node's default applies: the rejection is thrown as an uncaught exception, printed on stderr, exit 1.
//
// Each case runs twice: in the host's Node, inside a model of the client (the listener, and the
// response posted as soon as the handler's promise settles), and as a handler in the simulator.
// The sequences of events (the handler's own log lines, the response, the rejection) must match.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20({ wallClockCapMs: 2000 })
})
afterAll(() => lambda.dispose())

// Each snippet runs at the start of an async handler that then waits 20 ms and returns 'done'.
const CASES: Record<string, string> = {
  'Promise.reject, no handler': `Promise.reject(new Error('a'))`,
  'reject, then a log line': `Promise.reject(1); log('sync after')`,
  '.catch in the same tick': `const p = Promise.reject(1); p.catch(() => log('caught'))`,
  '.then(null, h) in the same tick': `Promise.reject(2).then(null, () => log('h'))`,
  '.catch in a microtask': `const p = Promise.reject(3); Promise.resolve().then(() => p.catch(() => log('c')))`,
  '.catch after 3 microtasks': `const p = Promise.reject(4); Promise.resolve().then(() => 0).then(() => 0).then(() => p.catch(() => log('c')))`,
  '.catch in the next macrotask': `const p = Promise.reject(5); setTimeout(() => p.catch(() => log('late')), 0)`,
  'await-handled in an async function': `await (async () => { try { await Promise.reject(6) } catch (e) { log('c' + e) } })()`,
  'await of an earlier rejected promise': `const p = Promise.reject(7); await (async () => { try { await p } catch { log('c') } })()`,
  'await of a rejected promise after a timer': `const p = Promise.reject(8); await new Promise((r) => setTimeout(r, 0)); try { await p } catch { log('c') }`,
  'async function throws, not awaited': `async function f() { throw new Error('x') } f()`,
  'async function throws after await, not awaited': `async function f() { await null; throw new TypeError('y') } f(); log('after call')`,
  'async function throws, awaited': `async function f() { throw 1 } try { await f() } catch { log('c') }`,
  'async result caught in a later macrotask': `async function f() { await null; throw 9 } const p = f(); setTimeout(() => p.catch(() => log('late')), 0)`,
  'Promise.all handled': `Promise.all([Promise.resolve(1), Promise.reject(10)]).catch(() => log('all'))`,
  'Promise.all unhandled': `Promise.all([Promise.resolve(1), Promise.reject(11)])`,
  'Promise.all, two rejections': `Promise.all([Promise.reject(12), Promise.reject(13)])`,
  'Promise.allSettled': `Promise.allSettled([Promise.reject(14)]).then((r) => log(r[0].status))`,
  'Promise.race unhandled': `Promise.race([Promise.reject(15), new Promise(() => {})])`,
  'Promise.any handled': `Promise.any([Promise.reject(17)]).catch((e) => log(e.constructor.name))`,
  'thenable rejects': `Promise.resolve({ then(res, rej) { rej(18) } })`,
  'thenable rejects, awaited and caught': `try { await { then(r, j) { j(19) } } } catch (e) { log('c' + e) }`,
  'thenable rejects later': `Promise.resolve({ then(r, j) { setTimeout(() => j(20), 0) } })`,
  'thenable throws in then': `new Promise((r) => r({ then() { throw new RangeError('t') } }))`,
  'rejection inside a timer': `setTimeout(() => { Promise.reject(21); log('in timer') }, 0)`,
  'derived promise from .then': `Promise.reject(22).then(() => {})`,
  'finally passes it on': `Promise.reject(23).finally(() => {})`,
  'catch rethrows': `Promise.reject(24).catch((e) => { throw e })`,
  'new Promise rejects': `new Promise((_, rej) => rej(25))`,
  'executor throws': `new Promise(() => { throw 26 })`,
  'rejected later, with a handler': `new Promise((_, j) => setTimeout(() => j(27), 0)).catch(() => log('c'))`,
  'rejected later, no handler': `new Promise((_, j) => setTimeout(() => j(28), 0))`,
  'async generator throws': `;(async function* () { throw 29 })().next()`,
  'async generator throws, caught': `;(async function* () { throw 30 })().next().catch(() => log('c'))`,
  'reject with undefined': `Promise.reject()`,
  'reject with an object': `Promise.reject({ code: 31 })`,
  'two unhandled: the first wins': `Promise.reject('first'); Promise.reject('second')`,
  'handled twice': `const p = Promise.reject(32); p.catch(() => {}); p.catch(() => {})`,
  'handled, then a new one': `Promise.reject(33).catch(() => { Promise.reject(34) })`,
  'late catch two macrotasks later': `const p = Promise.reject(35); setTimeout(() => setTimeout(() => p.catch(() => log('late2')), 0), 0)`,
  'unhandled in nested timers': `setTimeout(() => { setTimeout(() => Promise.reject(36), 0); log('t1') }, 0)`,
  'Promise.reject returned from then': `Promise.resolve().then(() => Promise.reject(37))`,
  'return await of a rejection, caught': `await (async () => { try { return await Promise.resolve().then(() => { throw 38 }) } catch { log('c') } })()`,
  'return (no await) of a rejection': `;(async () => { try { return Promise.reject(39) } catch { log('never') } })()`,
  'rejected after the handler returned': `;(async () => { await null; await null; throw new Error('after') })(); return 'early'`,
  'no rejection at all': `log('fine')`,
  'import() of a module that throws, caught': `try { await import('./bad.mjs') } catch (e) { log('c:' + e.message) }`,
  'import() of a module that throws, twice': `for (const i of [1, 2]) try { await import('./bad.mjs') } catch (e) { log(i + e.message) }`,
  'import() of a module that throws, not awaited': `import('./bad.mjs')`,
}

const body = (src: string) => `${src}
  await new Promise((r) => setTimeout(r, 20))
  return 'done'`

/** Node, inside a model of RIC 3.x: the listener exits 128; the response is posted when the promise settles. */
function nodeEvents(src: string): string[] {
  // import('./bad.mjs') of a module that throws, in the same words.
  src = src.replaceAll(`import('./bad.mjs')`, `import('data:text/javascript,throw new Error("bad")')`)
  const script = `
const ev = []
const log = (x) => ev.push('log:' + x)
const end = (code) => { process.stdout.write(JSON.stringify(ev)); process.exit(code) }
process.on('unhandledRejection', (r) => { let m; try { m = r === undefined ? '' : String(r) } catch { m = '' } ev.push('U:' + m); end(128) })
const handler = async () => { ${body(src)} }
handler().then((v) => { ev.push('ok:' + v); setImmediate(() => end(0)) }, (e) => { ev.push('error:' + e); setImmediate(() => end(0)) })
`
  try {
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[]
  } catch (e) {
    return JSON.parse((e as { stdout: string }).stdout) as string[]
  }
}

const REJECTION = 'Unhandled Promise Rejection \t'

/** The same events, read from what the simulator answered and logged. */
async function simulatorEvents(fn: string) {
  const out = await call(lambda, fn)
  const ev: string[] = []
  let formatted: Record<string, unknown> | undefined
  for (const line of appLines(out.log)) {
    const msg = messageOf(line)
    if (msg.startsWith('log:')) ev.push(msg)
    else if (line.split('\t')[2] === 'ERROR' && msg.startsWith(REJECTION)) {
      formatted = JSON.parse(msg.slice(REJECTION.length)) as Record<string, unknown>
      ev.push('U:' + String(formatted.errorMessage))
    }
  }
  if (out.FunctionError === undefined) {
    const u = ev.findIndex((e) => e.startsWith('U:'))
    ev.splice(u < 0 ? ev.length : u, 0, 'ok:' + String(out.json))
  }
  return { ev, out, formatted }
}

const LOG = `const log = (x) => console.log('log:' + x)\n`

describe('unhandled promise rejections (nodejs20.x, RIC 3.x), compared with Node', () => {
  it.each(Object.entries(CASES))('%s', async (_name, src) => {
    const expected = nodeEvents(src)
    const fn = await deploy(lambda, {
      'index.mjs': `${LOG}export const handler = async () => { ${body(src)} }`,
      'bad.mjs': `throw new Error('bad')`,
    })
    const { ev, out, formatted } = await simulatorEvents(fn)
    expect(ev).toEqual(expected)
    const rejected = expected.some((e) => e.startsWith('U:'))
    if (rejected) {
      expect(formatted).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', promise: {} })
      expect((formatted!.stack as string[])[1]).toBe(
        '    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)',
      )
      if (out.FunctionError !== undefined) {
        // The rejection won the race: it is the response, then the process exits 128.
        expect(out.json).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection' })
        expect('U:' + out.json.errorMessage).toBe(expected.find((e) => e.startsWith('U:')))
        expect(out.log).toContain(
          `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 128`,
        )
        expect(out.log.at(-1)).toMatch(/Status: error\tError Type: Runtime\.ExitError$/)
      }
    }
    // The process exited: the next invoke is a cold start (and a handled rejection changes nothing).
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(rejected)
  })
})

describe('the Runtime.UnhandledPromiseRejection itself', () => {
  it('carries the reason as Errors.toFormatted shows it, and the trace of the listener', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => { const e = new Error('boom'); e.code = 'E_BOOM'; Promise.reject(e); await new Promise((r) => setTimeout(r, 5)) }`,
    )
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('Runtime.UnhandledPromiseRejection')
    expect(out.json.errorMessage).toBe('Error: boom')
    expect(out.json.trace).toEqual([
      'Runtime.UnhandledPromiseRejection: Error: boom',
      '    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)',
      '    at process.emit (node:events:518:28)',
      '    at emitUnhandledRejection (node:internal/process/promises:252:13)',
      '    at throwUnhandledRejectionsMode (node:internal/process/promises:388:19)',
      '    at processPromiseRejections (node:internal/process/promises:475:17)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:106:32)',
    ])
    const line = appLines(out.log).find((l) => messageOf(l).startsWith(REJECTION))!
    expect(line.split('\t').slice(1, 3)).toEqual([out.$metadata.requestId, 'ERROR'])
    const f = JSON.parse(messageOf(line).slice(REJECTION.length))
    expect(Object.keys(f)).toEqual(['errorType', 'errorMessage', 'reason', 'promise', 'stack'])
    expect(f.reason).toMatchObject({ errorType: 'Error', errorMessage: 'boom', code: 'E_BOOM' })
    expect(f.reason.stack[0]).toBe('Error: boom')
  })

  it('a rejection during Init fails the init with exit status 128', async () => {
    const fn = await deploy(lambda, `Promise.reject(new Error('at init'))\nexport const handler = async () => 'ok'`)
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: at init' })
    expect(appLines(out.log).some((l) => l.split('\t')[1] === 'undefined' && messageOf(l).startsWith(REJECTION))).toBe(
      true,
    )
    expect(out.log.filter((l) => l.startsWith('INIT_REPORT'))[0]).toMatch(
      /\tPhase: init\tStatus: error\tError Type: Runtime\.UnhandledPromiseRejection$/,
    )
  })

  it('nodejs22.x behaves the same, with Node 22 frames', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => { Promise.reject(7); await new Promise((r) => setTimeout(r, 5)) }`,
      {
        Runtime: 'nodejs22.x',
      },
    )
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('Runtime.UnhandledPromiseRejection')
    expect(out.json.errorMessage).toBe('7')
    expect(out.json.trace.at(-1)).toBe(
      '    at process.processTicksAndRejections (node:internal/process/task_queues:104:32)',
    )
  })
})

describe('nodejs24.x: no listener, Node crashes the process (exit status 1)', () => {
  it('an Error reason: printed on stderr as Node prints a fatal exception, Runtime.ExitError', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => {\n  Promise.reject(new Error('boom'))\n  await new Promise((r) => setTimeout(r, 5))\n}`,
      { Runtime: 'nodejs24.x' },
    )
    const out = await call(lambda, fn)
    expect(out.json).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 1`,
    })
    const lines = appLines(out.log)
    expect(lines.slice(0, 2)).toEqual(['file:///var/task/index.mjs:2', "  Promise.reject(new Error('boom'))"])
    // The caret stands under the error's column (QuickJS's column: V8 would point at \`new\`).
    expect(lines[2]).toMatch(/^ +\^$/)
    expect(lines[3]).toBe('Error: boom')
    expect(lines).toContain('Node.js v24.11.1')
    expect((await call(lambda, fn)).$metadata.coldStart).toBe(true)
  })

  it('a non-Error reason: ERR_UNHANDLED_REJECTION, as Node words it', async () => {
    const fn = await deploy(
      lambda,
      `export const handler = async () => { Promise.reject('nope'); await null; await null }`,
      {
        Runtime: 'nodejs24.x',
      },
    )
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('Runtime.ExitError')
    const lines = appLines(out.log)
    // Node's own message for a non-Error reason (checked against the host below).
    let nodeOut = ''
    try {
      execFileSync(process.execPath, ['-e', `Promise.reject('nope')`], { encoding: 'utf8', stdio: 'pipe' })
    } catch (e) {
      nodeOut = (e as { stderr: string }).stderr
    }
    const nodeLine = nodeOut.split('\n').find((l) => l.startsWith('UnhandledPromiseRejection: '))
    expect(nodeLine).toBeDefined()
    expect(lines).toContain(nodeLine)
    expect(lines).toContain("  code: 'ERR_UNHANDLED_REJECTION'")
  })
})
