// `TypeError: fetch failed`'s trace as Node gives it (undici's frame, the tick loop's, then the
// learner's `await`s as async frames) and its cause, compared with the host's Node 20 on a name that
// does not resolve (the host has no network: ENOTFOUND, as the simulated account gives it).
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
  lambda = await newLambda20()
  dir = mkdtempSync(join(tmpdir(), 'lf-fetch-'))
})
afterAll(() => {
  lambda.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const SRC = `const get = async (url) => {
  const res = await fetch(url)
  return res.status
}
export const handler = async (event) => {
  if (event.direct) return (await fetch('https://nope.invalid/x')).status
  try {
    return await get('https://nope.invalid/y')
  } catch (e) {
    const c = e.cause
    return { stack: e.stack.split('\\n'), cause: [c.name, c.message, c.code, c.errno, c.syscall, c.hostname, c.stack.split('\\n'), Object.keys(c)] }
  }
}
`

/** What the host's Node gives, the handler called as RIC 3.x calls it (its promise consumed with then()). */
function nodeSays(event: unknown): unknown {
  const path = join(dir, 'index.mjs')
  writeFileSync(path, SRC)
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(path).href)})
class Runtime {
  constructor(h) { this.handler = h }
  handleOnceNonStreaming() { this.handler(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => process.stdout.write(JSON.stringify({ trace: e.stack.split('\\n') }))) }
}
new Runtime(handler).handleOnceNonStreaming()`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(out.replaceAll(pathToFileURL(dir).href + '/', 'file:///var/task/')) as unknown
}

describe.runIf(process.versions.node.startsWith('20.'))('fetch failed, compared with the host’s Node 20', () => {
  it('caught in code: the trace with the awaiting callers, and the ENOTFOUND cause', async () => {
    const fn = await deploy(lambda, SRC, { Runtime: 'nodejs20.x' })
    expect((await call(lambda, fn, {})).json).toEqual(nodeSays({}))
  })

  it('uncaught: the Invoke Error trace', async () => {
    const fn = await deploy(lambda, SRC, { Runtime: 'nodejs20.x' })
    const out = await call(lambda, fn, { direct: true })
    expect({ trace: out.json.trace }).toEqual(nodeSays({ direct: true }))
  })
})

describe('fetch failed on each runtime', () => {
  it('undici’s frames for the runtime’s Node, the client’s async frames on nodejs24.x', async () => {
    for (const [runtime, first] of [
      ['nodejs22.x', '    at node:internal/deps/undici/undici:13510:13'],
      ['nodejs24.x', '    at node:internal/deps/undici/undici:13510:13'],
    ]) {
      const fn = await deploy(lambda, SRC, { Runtime: runtime as 'nodejs22.x' })
      const trace = (await call(lambda, fn, { direct: true })).json.trace as string[]
      expect(trace.slice(0, 2)).toEqual(['TypeError: fetch failed', first])
      expect(trace[3]).toMatch(
        /^ {4}at async (Runtime|BufferedInvokeProcessor)\.handler \(file:\/\/\/var\/task\/index\.mjs:6:29\)$/,
      )
      if (runtime === 'nodejs24.x') expect(trace[4]).toMatch(/^ {4}at async BufferedInvokeProcessor\.processInvoke /)
    }
  })
})
