// Issue 12: nodejs22.x and nodejs24.x beside nodejs20.x, each with its runtime client's behaviour
// (aws-lambda-nodejs-runtime-interface-client: 3.x `src/*.js` for nodejs18.x–22.x, the TypeScript
// rewrite `src/**/*.ts` for nodejs24.x).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VirtualClock, type Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

const WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.'
// src/context/constants.ts CALLBACK_ERROR_NODEJS24_ABOVE
const REFUSED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.'

const callbackHandler = { 'index.js': 'exports.handler = (event, context, callback) => callback(null, "cb")' }

describe('runtime versions', () => {
  it.each([
    ['nodejs20.x', 'nodejs:20.v48'],
    ['nodejs22.x', 'nodejs:22.v51'],
    ['nodejs24.x', 'nodejs:24.v24'],
  ])('%s: INIT_START names %s', async (runtime, version) => {
    const fn = await deploy(lambda, 'export const handler = async () => process.env.AWS_EXECUTION_ENV', {
      Runtime: runtime as 'nodejs20.x',
    })
    const out = await call(lambda, fn)
    expect(out.json).toBe(`AWS_Lambda_${runtime}`)
    expect(out.log[0]).toMatch(new RegExp(`^INIT_START Runtime Version: ${version.replace('.', '\\.')}\\t`))
  })
})

describe('callback handlers', () => {
  it('nodejs20.x and nodejs22.x warn at Init (WarningForCallbackHandlers.js), once', async () => {
    for (const Runtime of ['nodejs20.x', 'nodejs22.x'] as const) {
      const fn = await deploy(lambda, callbackHandler, { Runtime })
      const first = await call(lambda, fn)
      expect(first.json).toBe('cb')
      const warn = appLines(first.log)
      expect(warn.map((l) => l.split('\t').slice(1, 3))).toEqual([['undefined', 'WARN']])
      expect(messageOf(warn[0])).toBe(WARNING)
      expect(appLines((await call(lambda, fn)).log)).toEqual([])
    }
  })

  it('no warning for an async handler with three parameters, or with AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING', async () => {
    const a = await deploy(lambda, 'export const handler = async (event, context, callback) => "a"')
    const b = await deploy(lambda, callbackHandler, {
      Environment: { Variables: { AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING: '' } },
    })
    expect(appLines((await call(lambda, a)).log)).toEqual([])
    expect(appLines((await call(lambda, b)).log)).toEqual([])
  })

  it('nodejs24.x refuses them at Init: Runtime.CallbackHandlerDeprecated (callback-deprecation.ts)', async () => {
    for (const src of [callbackHandler, { 'index.mjs': 'export const handler = async (e, c, cb) => "x"' }]) {
      const fn = await deploy(lambda, src, { Runtime: 'nodejs24.x' })
      const out = await call(lambda, fn)
      expect(out.FunctionError).toBe('Unhandled')
      expect(out.json.errorType).toBe('Runtime.CallbackHandlerDeprecated')
      expect(out.json.errorMessage).toBe(REFUSED)
      const init = appLines(out.log).filter((l) => messageOf(l).startsWith('Init Error \t'))
      expect(init.length).toBeGreaterThan(0)
      expect(init[0].split('\t').slice(1, 3)).toEqual(['undefined', 'ERROR'])
      expect(out.log.find((l) => l.startsWith('INIT_REPORT'))).toMatch(
        /Status: error\tError Type: Runtime\.CallbackHandlerDeprecated$/,
      )
    }
  })

  it('nodejs24.x: async handlers work; the context has no callback members', async () => {
    const fn = await deploy(
      lambda,
      'export const handler = async (event, context) => [typeof context.succeed, typeof context.done, "callbackWaitsForEmptyEventLoop" in context, context.functionName]',
      { Runtime: 'nodejs24.x', FunctionName: 'ctx24' },
    )
    expect((await call(lambda, fn)).json).toEqual(['undefined', 'undefined', false, 'ctx24'])
  })
})

describe('process versions follow the runtime', () => {
  it.each([
    ['nodejs20.x', 'v20.19.4', '115', 'Iron'],
    ['nodejs22.x', 'v22.17.1', '127', 'Jod'],
    ['nodejs24.x', 'v24.11.1', '137', 'Krypton'],
  ])('%s: process.version %s', async (runtime, version, modules, lts) => {
    const fn = await deploy(
      lambda,
      'export const handler = async () => [process.version, process.versions.node, process.versions.modules, process.release.lts]',
      { Runtime: runtime as 'nodejs20.x' },
    )
    expect((await call(lambda, fn)).json).toEqual([version, version.slice(1), modules, lts])
  })
})

describe("JSON.parse messages per Node version (V8 12's message templates add the line and column)", () => {
  // [text, Node 22's message]; Node 20's is the host's own (Node 20), read in the test
  const CASES: [string, string][] = [
    ['{"a":1}}', 'Unexpected non-whitespace character after JSON at position 7 (line 1 column 8)'],
    ['{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12 (line 3 column 1)'],
    ['{\r\n"a" 1}', "Expected ':' after property name in JSON at position 7 (line 2 column 5)"],
    ['[1,\r2', "Expected ',' or ']' after array element in JSON at position 5 (line 2 column 2)"],
    ['{"a": "x\ty"}', 'Bad control character in string literal in JSON at position 8 (line 1 column 9)'],
    ['"abc', 'Unterminated string in JSON at position 4 (line 1 column 5)'],
    ['', 'Unexpected end of JSON input'],
    ['not json', 'Unexpected token \'o\', "not json" is not valid JSON'],
  ]
  it.each(CASES)('%j', async (text, node22) => {
    let node20 = ''
    try {
      JSON.parse(text)
    } catch (e) {
      node20 = (e as Error).message
    }
    const src = `export const handler = async (e) => { try { JSON.parse(e.text) } catch (err) { return err.message } }`
    const f20 = await deploy(lambda, src)
    const f22 = await deploy(lambda, src, { Runtime: 'nodejs22.x' })
    expect((await call(lambda, f20, { text })).json).toBe(node20)
    expect((await call(lambda, f22, { text })).json).toBe(node22)
    // Node 22's message is Node 20's, plus the location when there is a position.
    expect(node22.startsWith(node20)).toBe(true)
  })
})

describe("Lambda's deprecation schedule, on the engine's clock (block create, then block update)", () => {
  const BLOCKED =
    'The runtime parameter of nodejs18.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.'
  const at = async (iso: string) => newLambda({ clock: new VirtualClock({ start: Date.parse(iso) }) })

  it('nodejs18.x: created before Feb 3, 2026, updated until Mar 9, 2026, then refused', async () => {
    const before = await at('2026-02-02T12:00:00Z')
    const name = await deploy(before, 'export const handler = async () => 1', { Runtime: 'nodejs18.x' })
    await before.updateFunctionConfiguration({ FunctionName: name, Timeout: 5 })
    before.dispose()

    const between = await at('2026-02-03T00:00:00Z')
    await expect(
      deploy(between, 'export const handler = async () => 1', { Runtime: 'nodejs18.x' }),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: BLOCKED })
    const old = await deploy(between, 'export const handler = async () => 1', { Runtime: 'nodejs20.x' })
    await expect(
      between.updateFunctionConfiguration({ FunctionName: old, Runtime: 'nodejs18.x' }),
    ).resolves.toMatchObject({ Runtime: 'nodejs18.x' })
    await between.updateFunctionCode({
      FunctionName: old,
      Files: { 'index.mjs': 'export const handler = async () => 2' },
    })
    between.dispose()

    const after = await at('2026-03-09T00:00:00Z')
    const fn = await deploy(after, 'export const handler = async () => 1', { Runtime: 'nodejs20.x' })
    await expect(after.updateFunctionConfiguration({ FunctionName: fn, Runtime: 'nodejs18.x' })).rejects.toMatchObject({
      message: BLOCKED,
    })
    after.dispose()
  })

  it('nodejs20.x: created until Aug 30, 2026, updated until Sep 29, 2026, then refused (and on Dec 8, 2026)', async () => {
    const msg20 = BLOCKED.replace('nodejs18.x', 'nodejs20.x')
    const src = 'export const handler = async () => 1'
    const before = await at('2026-08-30T23:59:59Z')
    const fn = await deploy(before, src, { Runtime: 'nodejs20.x' })
    await expect(before.updateFunctionConfiguration({ FunctionName: fn, Timeout: 9 })).resolves.toMatchObject({
      Timeout: 9,
    })
    before.dispose()

    const between = await at('2026-08-31T00:00:00Z')
    await expect(deploy(between, src, { Runtime: 'nodejs20.x' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: msg20,
    })
    const moved = await deploy(between, src, { Runtime: 'nodejs24.x' })
    await expect(
      between.updateFunctionConfiguration({ FunctionName: moved, Runtime: 'nodejs20.x' }),
    ).resolves.toMatchObject({ Runtime: 'nodejs20.x' })
    await between.updateFunctionCode({ FunctionName: moved, Files: { 'index.mjs': src } })
    between.dispose()

    for (const day of ['2026-09-30T00:00:00Z', '2026-12-08T00:00:00Z']) {
      const after = await at(day)
      await expect(deploy(after, src, { Runtime: 'nodejs20.x' })).rejects.toMatchObject({ message: msg20 })
      const other = await deploy(after, src, { Runtime: 'nodejs24.x' })
      await expect(
        after.updateFunctionConfiguration({ FunctionName: other, Runtime: 'nodejs20.x' }),
      ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: msg20 })
      after.dispose()
    }
  })

  it('nodejs22.x and nodejs24.x can be created today (Dec 8, 2026)', async () => {
    const now = await at('2026-12-08T00:00:00Z')
    for (const Runtime of ['nodejs22.x', 'nodejs24.x'] as const) {
      await expect(deploy(now, 'export const handler = async () => 1', { Runtime })).resolves.toBeTruthy()
    }
    now.dispose()
  })
})

describe('require() of an ES module, per runtime, against the host’s Node', () => {
  const FILES: Record<string, string> = {
    'lib/esm.mjs': `export const add = (a, b) => a + b; export default 'dflt'`,
    'lib/plain.mjs': `export const n = 1`,
    'lib/dual.mjs': `const x = { cjs: true }; export { x as 'module.exports' }`,
    'lib/tla.mjs': `await Promise.resolve(); export const z = 1`,
  }
  const MAIN = `const m = require('./lib/esm.mjs'); const p = require('./lib/plain.mjs'); const d = require('./lib/dual.mjs')
let tla; try { require('./lib/tla.mjs') } catch (e) { tla = [e.code, e.message] }
const out = () => ({ keys: Object.keys(m), add: m.add(1, 2), def: m.default, tag: String(m[Symbol.toStringTag]), plain: Object.keys(p), dual: d, same: require('./lib/esm.mjs') === m, tla })`

  /** What the host's Node prints for the same files (under `dir`, replaced by /var/task). */
  function nodeRuns(flags: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'lf-resm-'))
    try {
      mkdirSync(join(dir, 'lib'))
      for (const [f, src] of Object.entries(FILES)) writeFileSync(join(dir, f), src)
      writeFileSync(
        join(dir, 'index.js'),
        `${MAIN}\ntry { console.log(JSON.stringify(out())) } catch (e) { console.log(e.code) }`,
      )
      let text: string
      try {
        text = execFileSync(process.execPath, [...flags, join(dir, 'index.js')], { encoding: 'utf8', stdio: 'pipe' })
      } catch (e) {
        text = String((e as { stderr: string }).stderr)
      }
      return text.split(dir).join('/var/task')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const files = { ...FILES, 'index.js': `${MAIN}\nexports.handler = async () => out()` }

  it('nodejs24.x loads a synchronous ES module (namespace, __esModule, module.exports) and refuses top-level await', async () => {
    const fn = await deploy(lambda, files, { Runtime: 'nodejs24.x' })
    const out = await call(lambda, fn)
    expect(JSON.stringify(out.json)).toBe(nodeRuns(['--no-warnings']).trim())
    expect(out.json.tla[0]).toBe('ERR_REQUIRE_ASYNC_MODULE')
  })

  it.each(['nodejs20.x', 'nodejs22.x'])(
    '%s refuses it (Lambda runs Node with --no-experimental-require-module)',
    async (rt) => {
      const fn = await deploy(lambda, files, { Runtime: rt as 'nodejs20.x' })
      const out = await call(lambda, fn)
      expect(out.json.errorType).toBe('Error')
      expect(nodeRuns(['--no-experimental-require-module'])).toContain(
        `Error [ERR_REQUIRE_ESM]: ${out.json.errorMessage.replace(/^Error: /, '').split('\n')[0]}`,
      )
    },
  )

  it('nodejs22.x with NODE_OPTIONS=--experimental-require-module loads it', async () => {
    const fn = await deploy(lambda, files, {
      Runtime: 'nodejs22.x',
      Environment: { Variables: { NODE_OPTIONS: '--experimental-require-module' } },
    })
    expect((await call(lambda, fn)).json).toMatchObject({ add: 3, def: 'dflt', dual: { cjs: true } })
  })
})
