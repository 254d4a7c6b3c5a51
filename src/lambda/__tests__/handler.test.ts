// Issue 3, §1: handler resolution and init errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda20 } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda20()
})
afterAll(() => lambda.dispose())

describe('handler resolution', () => {
  it('runs an ES module handler (export const handler)', async () => {
    const fn = await deploy(lambda, 'export const handler = async (event) => ({ echo: event.x })')
    const out = await call(lambda, fn, { x: 42 })
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBeUndefined()
    expect(out.json).toEqual({ echo: 42 })
  })

  it('runs CommonJS handlers: exports.handler and module.exports', async () => {
    const a = await deploy(lambda, { 'index.js': 'exports.handler = async () => "exports"' })
    const b = await deploy(lambda, { 'index.js': 'module.exports = { handler: async () => "module.exports" }' })
    expect((await call(lambda, a)).json).toBe('exports')
    expect((await call(lambda, b)).json).toBe('module.exports')
  })

  it('treats .js as CommonJS unless package.json says "type": "module"', async () => {
    const cjs = await deploy(lambda, { 'index.js': 'export const handler = async () => 1' })
    const out = await call(lambda, cjs)
    expect(out.json.errorType).toBe('Runtime.UserCodeSyntaxError')
    const esm = await deploy(lambda, {
      'index.js': 'export const handler = async () => typeof require',
      'package.json': '{"type":"module"}',
    })
    expect((await call(lambda, esm)).json).toBe('undefined')
  })

  it('finds the file by trying .js, .mjs and .cjs', async () => {
    const mjs = await deploy(lambda, { 'app.mjs': 'export const run = async () => "mjs"' }, { Handler: 'app.run' })
    const cjs = await deploy(lambda, { 'app.cjs': 'exports.run = async () => "cjs"' }, { Handler: 'app.run' })
    const both = await deploy(
      lambda,
      { 'app.js': 'exports.run = async () => "js first"', 'app.mjs': 'export const run = async () => "mjs"' },
      { Handler: 'app.run' },
    )
    expect((await call(lambda, mjs)).json).toBe('mjs')
    expect((await call(lambda, cjs)).json).toBe('cjs')
    expect((await call(lambda, both)).json).toBe('js first')
  })

  it('resolves nested handler paths (index.a.b) and handlers in sub-folders', async () => {
    const nested = await deploy(lambda, 'export const a = { b: async () => "nested" }', { Handler: 'index.a.b' })
    expect((await call(lambda, nested)).json).toBe('nested')
    const sub = await deploy(
      lambda,
      { 'src/handlers/api.mjs': 'export const handler = async () => "sub"' },
      { Handler: 'src/handlers/api.handler' },
    )
    expect((await call(lambda, sub)).json).toBe('sub')
  })

  it("lets the function's own files import and require each other (lib/ modules)", async () => {
    const esm = await deploy(lambda, {
      'index.mjs':
        'import { total } from "./lib/cart.mjs"; import util from "./lib/util.js"; export const handler = async (e) => ({ total: total(e.items), tag: util.tag })',
      'lib/cart.mjs':
        'import { round } from "./math.mjs"; export const total = (items) => round(items.reduce((s, i) => s + i, 0))',
      'lib/math.mjs': 'export const round = (n) => Math.round(n * 100) / 100',
      'lib/util.js': 'exports.tag = "cjs-from-esm"',
    })
    expect((await call(lambda, esm, { items: [1.005, 2] })).json).toEqual({ total: 3.01, tag: 'cjs-from-esm' })
    const cjs = await deploy(lambda, {
      'index.js':
        'const { greet } = require("./lib/greet"); const data = require("./data.json"); exports.handler = async () => greet(data.name)',
      'lib/greet.js': 'module.exports.greet = (n) => `hello ${n}`',
      'data.json': '{"name":"lambda"}',
    })
    expect((await call(lambda, cjs)).json).toBe('hello lambda')
  })

  it('loads packages from node_modules', async () => {
    const fn = await deploy(lambda, {
      'index.mjs': 'import pad from "left-pad"; export const handler = async () => pad("7", 3, "0")',
      'node_modules/left-pad/package.json': '{"name":"left-pad","main":"index.js"}',
      'node_modules/left-pad/index.js': 'module.exports = (s, n, c) => String(s).padStart(n, c)',
    })
    expect((await call(lambda, fn)).json).toBe('007')
  })
})

describe('init errors', () => {
  it('Runtime.HandlerNotFound: undefined or not exported', async () => {
    const fn = await deploy(lambda, 'export const other = async () => 1')
    const out = await call(lambda, fn)
    expect(out.FunctionError).toBe('Unhandled')
    expect(out.json.errorType).toBe('Runtime.HandlerNotFound')
    expect(out.json.errorMessage).toBe('index.handler is undefined or not exported')
    expect(out.json.trace[0]).toBe('Runtime.HandlerNotFound: index.handler is undefined or not exported')
    const uncaught = appLines(out.log).filter((l) => messageOf(l).startsWith('Uncaught Exception \t'))
    expect(uncaught.length).toBe(2) // the init phase and the retry in the invoke phase
    expect(uncaught[0].split('\t').slice(1, 3)).toEqual(['undefined', 'ERROR'])
    expect(JSON.parse(messageOf(uncaught[0]).slice('Uncaught Exception \t'.length))).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
    })
    expect(out.log.filter((l) => l.startsWith('INIT_REPORT'))).toEqual([
      expect.stringMatching(
        /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime\.HandlerNotFound$/,
      ),
      expect.stringMatching(
        /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: error\tError Type: Runtime\.HandlerNotFound$/,
      ),
    ])
    expect(out.log.at(-1)).toMatch(/\tStatus: error\tError Type: Runtime\.HandlerNotFound$/)
  })

  it('Runtime.HandlerNotFound: not a function', async () => {
    const fn = await deploy(lambda, 'export const handler = 42')
    const out = await call(lambda, fn)
    expect(out.json).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is not a function',
    })
  })

  it('Runtime.MalformedHandlerName: Bad handler', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => 1', { Handler: 'index' })
    const out = await call(lambda, fn)
    expect(out.json).toMatchObject({ errorType: 'Runtime.MalformedHandlerName', errorMessage: 'Bad handler' })
  })

  it('Runtime.UserCodeSyntaxError', async () => {
    const fn = await deploy(lambda, 'export const handler = async () => { return 1 +; }')
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('Runtime.UserCodeSyntaxError')
    expect(out.json.errorMessage).toMatch(/^SyntaxError: /)
  })

  it('Runtime.ImportModuleError for a missing handler file, package and relative module', async () => {
    const noFile = await deploy(lambda, { 'main.mjs': 'export const handler = async () => 1' })
    const a = await call(lambda, noFile)
    expect(a.json).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs",
    })
    expect(a.json.trace.slice(0, 3)).toEqual([
      "Runtime.ImportModuleError: Error: Cannot find module 'index'",
      'Require stack:',
      '- /var/runtime/index.mjs',
    ])

    const pkg = await deploy(lambda, 'import axios from "axios"; export const handler = async () => 1')
    expect((await call(lambda, pkg)).json).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Error: Cannot find package 'axios' imported from /var/task/index.mjs",
    })

    const cjs = await deploy(lambda, {
      'index.js': 'const x = require("./lib/missing"); exports.handler = async () => x',
    })
    expect((await call(lambda, cjs)).json).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage:
        "Error: Cannot find module './lib/missing'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs",
    })

    const unknownBuiltin = await deploy(lambda, {
      'index.js': 'const x = require("child_process"); exports.handler = async () => 1',
    })
    expect((await call(lambda, unknownBuiltin)).json.errorType).toBe('Runtime.ImportModuleError')
  })

  it('an exception thrown at module top level keeps its own name and message', async () => {
    const fn = await deploy(
      lambda,
      'class ConfigError extends Error { constructor(m) { super(m); this.name = "ConfigError" } }\nthrow new ConfigError("TABLE_NAME is not set")\nexport const handler = async () => 1',
    )
    const out = await call(lambda, fn)
    expect(out.json.errorType).toBe('ConfigError')
    expect(out.json.errorMessage).toBe('TABLE_NAME is not set')
    expect(out.json.trace[0]).toBe('ConfigError: TABLE_NAME is not set')
    const t = await deploy(lambda, { 'index.js': 'null.x; exports.handler = async () => 1' })
    expect((await call(lambda, t)).json.errorType).toBe('TypeError')
  })

  it('a failed init leaves no environment behind, and a fixed function then starts cleanly', async () => {
    const fn = await deploy(lambda, 'export const nope = 1')
    await call(lambda, fn)
    expect(lambda.describeEnvironments(fn)).toEqual([])
    await lambda.updateFunctionCode({
      FunctionName: fn,
      Files: { 'index.mjs': 'export const handler = async () => "fixed"' },
    })
    const out = await call(lambda, fn)
    expect(out.json).toBe('fixed')
    expect(out.$metadata.coldStart).toBe(true)
  })
})
