// Issue 12: stack frames in V8's shape. The handler's frame is named as V8 names the runtime
// client's call `this.handler(event, context)` (`Runtime.handler`, `Runtime.main [as handler]`),
// and the frames below it are the client's. Checked against the host's Node running the same files
// under a class Runtime that calls the handler the way the client does (function names, line
// numbers, and the columns of the learner's frames).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'

let lambda: Lambda
let dir: string
beforeAll(async () => {
  lambda = await newLambda20({ wallClockCapMs: 2000 })
  dir = mkdtempSync(join(tmpdir(), 'lf-frames-'))
})
afterAll(() => {
  lambda.dispose()
  rmSync(dir, { recursive: true, force: true })
})

let seq = 0
/** The trace Node gives for the same file, called as RIC 3.x's Runtime.handleOnceNonStreaming calls it. */
function nodeTrace(file: string, src: string, exportName: string): string[] {
  const sub = join(dir, String(++seq))
  execFileSync('mkdir', ['-p', sub])
  const path = join(sub, file)
  writeFileSync(path, src)
  const load = file.endsWith('.mjs')
    ? `(await import(${JSON.stringify(pathToFileURL(path).href)}))`
    : `createRequire(import.meta.url)(${JSON.stringify(path)})`
  const script = `import { createRequire } from 'node:module'
const h = ${load}[${JSON.stringify(exportName)}]
const out = (e) => process.stdout.write(JSON.stringify(e.stack.split('\\n')))
class Runtime {
  constructor(handler) { this.handler = handler }
  handleOnceNonStreaming() { this.handler({}, {}).then(null, out) }
}
try { new Runtime(h).handleOnceNonStreaming() } catch (e) { out(e) }`
  const lines = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))
  const task = file.endsWith('.mjs') ? 'file:///var/task/' : '/var/task/'
  const base = file.endsWith('.mjs') ? pathToFileURL(sub).href + '/' : sub + '/'
  return (lines as string[]).map((l) => l.replace(base, task))
}

/** A frame without its column: `at Runtime.handler (file:///var/task/index.mjs:3)`. */
const noColumn = (l: string) => l.replace(/:(\d+):\d+\)$/, ':$1)')
/** The learner's frames and the first frame below them (the client's). */
function shape(trace: string[]): string[] {
  const out: string[] = []
  for (const l of trace.slice(1)) {
    out.push(noColumn(l).replace(/\(file:\/\/\/var\/runtime\/index\.mjs:.*\)$|\(file:\/\/\/.*\/\d+\)$/, '(client)'))
    if (!l.includes('/var/task/')) break
  }
  return out.map((l) => l.replace(/\(file:\/\/\/[^)]*(?<!\/var\/task\/[^)]*)\)$/, '(client)'))
}

const CASES: [string, string, string, string][] = [
  ['ESM, throws at once', 'index.mjs', 'handler', 'export const handler = async () => {\n  throw new Error("sync")\n}'],
  [
    'ESM, throws after an await',
    'index.mjs',
    'handler',
    'export const handler = async () => {\n  await null\n  throw new Error("later")\n}',
  ],
  [
    'ESM, in a helper function',
    'index.mjs',
    'handler',
    'function inner() {\n  throw new Error("inner")\n}\nexport const handler = async () => {\n  inner()\n}',
  ],
  [
    'ESM, named function under another export (Handler index.main)',
    'index.mjs',
    'main',
    'export async function main(event) {\n  throw new Error("main")\n}',
  ],
  [
    'CommonJS, named function (Handler index.main)',
    'index.js',
    'main',
    'exports.main = async function main() {\n  throw new TypeError("cjs")\n}',
  ],
  [
    'ESM, two helpers deep, after an await',
    'index.mjs',
    'handler',
    'function run() {\n  throw new Error("deep")\n}\nconst go = () => run()\nexport const handler = async () => {\n  await null\n  go()\n}',
  ],
]

describe("stack frames in V8's shape (nodejs20.x), compared with Node", () => {
  it.each(CASES)('%s', async (_name, file, exportName, src) => {
    const expected = nodeTrace(file, src, exportName)
    const fn = await deploy(lambda, { [file]: src }, { Handler: `index.${exportName}` })
    const out = await call(lambda, fn)
    expect(out.json.trace[0]).toBe(expected[0])
    expect(shape(out.json.trace)).toEqual(shape(expected))
  })

  it.each([
    ...CASES,
    [
      'a member call that is not a function',
      'index.mjs',
      'handler',
      'export const handler = async (event) => {\n  const client = {}\n  return client.sendd(event)\n}',
    ],
    [
      'a property of undefined',
      'index.mjs',
      'handler',
      'export const handler = async (event) => {\n  const id = event.user.id\n  return id\n}',
    ],
    [
      'new of a non-constructor',
      'index.js',
      'handler',
      'exports.handler = async () => {\n  const S3 = {}\n  const c = new S3({ region: "x" })\n}',
    ],
    [
      'a helper called through a member, on line 1 of CommonJS',
      'index.js',
      'handler',
      'const lib = { run() { throw new Error("x") } }; exports.handler = async () => { lib.run() }',
    ],
    [
      'a tail call in a sync helper',
      'index.mjs',
      'handler',
      'const db = {}\nfunction load(k) {\n  return db.fetch(k)\n}\nexport const handler = async () => load(1)',
    ],
  ])('columns of the learner’s frames are V8’s: %s', async (_name, file, exportName, src) => {
    const expected = nodeTrace(file, src, exportName).filter((l) => l.includes('/var/task/'))
    const fn = await deploy(lambda, { [file]: src }, { Handler: `index.${exportName}` })
    const got = ((await call(lambda, fn)).json.trace as string[]).filter((l) => l.includes('/var/task/'))
    expect(got.map((l) => l.replace(/^ {4}at \S+( \[as handler\])? /, ''))).toEqual(
      expected.map((l) => l.replace(/^ {4}at \S+( \[as handler\])? /, '')),
    )
  })

  it('the frames below the handler are the runtime client’s own (RIC 3.x bundle lines)', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => {\n  throw new Error("sync")\n}')
    expect((await call(lambda, fn)).json.trace).toEqual([
      'Error: sync',
      expect.stringMatching(/^ {4}at Runtime\.handler \(file:\/\/\/var\/task\/index\.mjs:2:\d+\)$/),
      '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)',
    ])
  })

  it('nodejs24.x: BufferedInvokeProcessor calls the handler; after an await the async frames follow', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => {\n  await null\n  throw new Error("24")\n}', {
      Runtime: 'nodejs24.x',
    })
    const trace = (await call(lambda, fn)).json.trace as string[]
    expect(trace[1]).toMatch(/^ {4}at BufferedInvokeProcessor\.handler \(file:\/\/\/var\/task\/index\.mjs:3:\d+\)$/)
    expect(trace.slice(2)).toEqual([
      '    at async BufferedInvokeProcessor.processInvoke (file:///var/runtime/index.mjs:1096:22)',
      '    at async _Runtime.processSingleConcurrent (file:///var/runtime/index.mjs:1182:7)',
      '    at async _Runtime.start (file:///var/runtime/index.mjs:1169:7)',
      '    at async ignition (file:///var/runtime/index.mjs:1638:5)',
    ])
  })
})

/** What the handler returns in Node, for the same file (called as in nodeTrace). */
function nodeReturns(src: string): unknown {
  const sub = join(dir, String(++seq))
  execFileSync('mkdir', ['-p', sub])
  const path = join(sub, 'index.mjs')
  writeFileSync(path, src)
  const script = `const h = (await import(${JSON.stringify(pathToFileURL(path).href)})).handler
process.stdout.write(JSON.stringify(await h({}, {})))`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(out.replaceAll(pathToFileURL(sub).href + '/', 'file:///var/task/'))
}
/** The learner's frames of a stack, without columns. */
const taskFrames = (stack: string) =>
  stack
    .split('\n')
    .filter((l) => l.includes('/var/task/'))
    .map(noColumn)

describe('Error.captureStackTrace and Error.stackTraceLimit, compared with Node', () => {
  const CUSTOM = `class OrderError extends Error {
  constructor(message) {
    super(message)
    this.name = 'OrderError'
    Error.captureStackTrace(this, OrderError)
  }
}
function check(order) {
  if (!order.qty) throw new OrderError('bad quantity')
}
function plain() {
  const o = { name: 'Custom', message: 'here' }
  Error.captureStackTrace(o)
  return o
}
export const handler = async () => {
  let e
  try { check({}) } catch (err) { e = err }
  const o = plain()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 1
  const one = plain()
  Error.stackTraceLimit = limit
  let bad
  try { Error.captureStackTrace(1) } catch (err) { bad = err.name + ': ' + err.message }
  const d = Object.getOwnPropertyDescriptor(o, 'stack')
  return {
    custom: e.stack, plain: o.stack, one: one.stack, limit, bad,
    desc: [d.writable, d.enumerable, d.configurable, typeof d.get],
    keys: Object.keys(Error),
  }
}`
  it('a custom error class, a plain object, a limit of 1, a bad argument', async () => {
    const expected = nodeReturns(CUSTOM) as Record<string, any>
    const fn = await deploy(lambda, CUSTOM)
    const got = (await call(lambda, fn)).json as Record<string, any>
    for (const k of ['custom', 'plain', 'one']) {
      expect(got[k].split('\n')[0]).toBe(expected[k].split('\n')[0])
      expect(taskFrames(got[k])).toEqual(taskFrames(expected[k]))
    }
    expect(taskFrames(expected.custom).length).toBe(2) // check, handler: the constructor's own frame is left out
    expect(got.one.split('\n').length).toBe(2)
    expect([got.limit, got.bad, got.desc, got.keys]).toEqual([
      expected.limit,
      expected.bad,
      expected.desc,
      expected.keys,
    ])
  })
})
