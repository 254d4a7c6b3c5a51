// What the function's own code reads of an error it handles (`catch (e)`, `await` in a try block,
// `.then(_, f)`, `.catch(f)`): V8's name, message and stack header, as on Lambda. The same module
// runs in the host's Node (imported from a temporary directory) and as the handler here, over the
// snippets of v8-messages.cases.ts; the known differences of that table stay different.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { call, deploy, newLambda20 } from './helpers.ts'
import { V8_MESSAGE_CASES, V8_MESSAGE_KNOWN } from './v8-messages.cases.ts'

let lambda: Lambda
let dir: string
beforeAll(async () => {
  lambda = await newLambda20({ wallClockCapMs: 20_000 })
  dir = mkdtempSync(join(tmpdir(), 'lf-caught-'))
})
afterAll(() => {
  lambda.dispose()
  rmSync(dir, { recursive: true, force: true })
})

let seq = 0
/** Run `src` as an ES module in the host's Node and call its handler with `event`. */
async function inNode(src: string, event: unknown): Promise<unknown> {
  const path = join(dir, `m${++seq}.mjs`)
  writeFileSync(path, src)
  const mod = (await import(pathToFileURL(path).href)) as { handler: (e: unknown) => Promise<unknown> }
  return JSON.parse(JSON.stringify(await mod.handler(event))) as unknown
}

/** A module whose handler runs each snippet three ways and returns what code reads of the error. */
function tableModule(codes: string[]): string {
  return `const cases = [
${codes.map((c) => `  async (event) => { ${c}\n  },`).join('\n')}
]
const read = (e) => (e !== null && typeof e === 'object' ? [e.name, e.message, String(e.stack).split('\\n')[0]] : [String(e)])
export const handler = async (input) => {
  const out = []
  for (let i = 0; i < cases.length; i++) {
    const ev = input[i]
    let viaAwait
    try {
      await cases[i](ev)
      viaAwait = ['no error']
    } catch (e) {
      viaAwait = read(e)
    }
    const viaThen = await cases[i](ev).then(() => ['no error'], (e) => read(e))
    const viaCatch = await cases[i](ev).catch((err) => read(err))
    out.push([viaAwait, viaThen, viaCatch])
  }
  return out
}
`
}

describe('errors read in code, compared with the host’s Node', () => {
  const cases = V8_MESSAGE_CASES.filter(([code]) => V8_MESSAGE_KNOWN[code] === undefined)
  const known = V8_MESSAGE_CASES.filter(([code]) => V8_MESSAGE_KNOWN[code] !== undefined)

  it(`${cases.length} snippets: name, message and stack header through await, then() and catch()`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    const src = tableModule(cases.map(([c]) => c))
    const events = cases.map(([, e]) => e ?? {})
    const expected = (await inNode(src, events)) as string[][][]
    const fn = await deploy(lambda, src)
    const got = await call(lambda, fn, events)
    expect(got.json?.errorMessage).toBeUndefined()
    const rows = got.json as string[][][]
    const differ = cases
      .map(([c], i) => [c, rows[i], expected[i]])
      .filter(([, g, e]) => JSON.stringify(g) !== JSON.stringify(e))
    expect(differ).toEqual([])
  })

  it(`the ${known.length} known differences still differ (so a fix shows)`, async () => {
    const src = tableModule(known.map(([c]) => c))
    const events = known.map(([, e]) => e ?? {})
    const expected = (await inNode(src, events)) as string[][][]
    const fn = await deploy(lambda, src)
    const rows = (await call(lambda, fn, events)).json as string[][][]
    known.forEach(([c], i) => expect(rows[i][0], c).not.toEqual(expected[i][0]))
  })
})

/**
 * What Node's handler returns for `files` when the client's class Runtime calls it (`this.handler`),
 * with the temporary directory's paths written as /var/task's.
 */
function nodeReturns(files: Record<string, string>, event: unknown): unknown {
  const sub = join(dir, `f${++seq}`)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(sub, name, '..'), { recursive: true })
    writeFileSync(join(sub, name), text)
  }
  const main = Object.keys(files)[0]
  const load = main.endsWith('.mjs')
    ? `(await import(${JSON.stringify(pathToFileURL(join(sub, main)).href)}))`
    : `createRequire(import.meta.url)(${JSON.stringify(join(sub, main))})`
  const script = `import { createRequire } from 'node:module'
const h = ${load}.handler
class Runtime {
  constructor(handler) { this.handler = handler }
  async handleOnceNonStreaming(event) { return this.handler(event, {}) }
}
process.stdout.write(JSON.stringify(await new Runtime(h).handleOnceNonStreaming(${JSON.stringify(event)})))`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(
    out.replaceAll(pathToFileURL(sub).href + '/', 'file:///var/task/').replaceAll(sub + '/', '/var/task/'),
  ) as unknown
}

/**
 * The learner's frames of a stack (the client's own frames below them differ by runtime version).
 * V8's `at async …` frames of awaiting callers are not shown here (docs/runtime.md, Stack traces).
 */
const taskFrames = (stack: string[]) =>
  stack.filter((l, i) => i === 0 || (l.includes('/var/task/') && !l.startsWith('    at async ')))

describe('err.stack read in code, compared with the host’s Node', () => {
  const ESM = `const read = (e) => e.stack.split('\\n')
const helper = (o) => o.client.sendd({ id: 1 })
export const handler = async (event) => {
  const out = []
  try { helper({ client: {} }) } catch (e) { out.push(read(e)) }
  try { event.a.b } catch (e) { out.push(read(e)); try { event.c.d } catch (e2) { out.push(read(e2)) } }
  try {
    await Promise.reject(new TypeError('bad input'))
  } catch (err) {
    out.push(read(err))
  }
  out.push(await Promise.resolve().then(() => event.x.y).catch((e) => read(e)))
  try { JSON.parse('{"a":') } catch (e) { out.push(read(e)) }
  try { missing() } catch (e) { out.push(read(e)) }
  return out
}
`
  it('ES module: header, frame names, lines and columns (also after an insertion on the same line)', async () => {
    const expected = (nodeReturns({ 'index.mjs': ESM }, {}) as string[][]).map(taskFrames)
    const fn = await deploy(lambda, ESM)
    const got = ((await call(lambda, fn, {})).json as string[][]).map(taskFrames)
    expect(got).toEqual(expected)
  })

  // (V8 names a method's frame with its receiver's type, `at Object.get`, and an anonymous function
  // by its assignment, `at exports.handler`: not here, see docs/runtime.md; this file avoids both.)
  const CJS = `const { get } = require('./lib/db.js')
async function handler(event) { try { get() } catch (e) { return [e.message, ...e.stack.split('\\n')] } }
exports.handler = handler
`
  const DB = `function get() {\n  const table = { client: {} }\n  table.client.query({ id: 1 })\n}\nmodule.exports = { get }\n`
  it('CommonJS: line 1 inside Node’s wrapper and a required module', async () => {
    const expected = taskFrames(nodeReturns({ 'index.js': CJS, 'lib/db.js': DB }, {}) as string[])
    const fn = await deploy(lambda, { 'index.js': CJS, 'lib/db.js': DB })
    expect(taskFrames((await call(lambda, fn, {})).json as string[])).toEqual(expected)
  })
})

describe('the rewrite leaves no name of ours to the function', () => {
  it('a module without a catch clause cannot import the private module; then() keeps its name and length', async () => {
    const fn = await deploy(
      lambda,
      `import { caught } from 'lf:caught'\nexport const handler = async () => typeof caught`,
    )
    expect((await call(lambda, fn)).json.errorType).toBe('Runtime.ImportModuleError')
    const fn2 = await deploy(
      lambda,
      `export const handler = async () => {
        try { null.x } catch (e) { return [Promise.prototype.then.name, Promise.prototype.then.length, Object.getOwnPropertyNames(globalThis).filter((k) => /lf|caught/i.test(k))] }
      }`,
    )
    expect((await call(lambda, fn2)).json).toEqual(['then', 2, []])
  })
})
