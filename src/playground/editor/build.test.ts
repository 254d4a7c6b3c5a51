import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../../lambda/index.ts'
import { buildFunction, sourcePathFor } from './build.ts'

const lines = (s: string) => s.split('\n').length

describe('buildFunction: TypeScript → runnable ES modules', () => {
  const sources = {
    'index.ts': [
      "import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda'",
      "import { Orders, type Order } from './lib/orders.ts'",
      "import { shout } from './lib/util'",
      "import { VERSION } from './lib/version.js'",
      '',
      'enum Status {',
      '  Open = "OPEN",',
      '  Done = "DONE",',
      '}',
      'const enum Code { Ok = 200 }',
      '',
      'interface Reply {',
      '  status: Status',
      '  total: number',
      '}',
      '',
      'const defaults = { currency: "EUR" } satisfies Record<string, string>',
      '',
      'export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {',
      '  const orders = new Orders([{ id: 1, amount: 5 } as Order, { id: 2, amount: 7 }])',
      '  const reply: Reply = { status: Status.Done, total: orders.total() }',
      '  const name = event.queryStringParameters?.name ?? "world"',
      '  return { statusCode: Code.Ok, body: JSON.stringify({ ...reply, currency: defaults.currency, hi: shout(name), v: VERSION }) }',
      '}',
    ].join('\n'),
    'lib/orders.ts': [
      'export interface Order { id: number; amount: number }',
      'export class Orders {',
      '  constructor(private readonly items: Order[]) {}',
      '  total(): number {',
      '    return this.items.reduce((sum: number, o: Order) => sum + o.amount, 0)',
      '  }',
      '}',
    ].join('\n'),
    'lib/util.mts': 'export const shout = (s: string): string => s.toUpperCase() + "!"\n',
    'lib/version.ts': 'export const VERSION: string = "1.0"\n',
    'types.d.ts': 'declare const BUILD_ID: string\n',
    'data.json': '{ "a": 1 }\n',
  }

  let lambda: Lambda
  beforeAll(async () => {
    lambda = await createLambda({ prewarm: 0, wallClockCapMs: 2000 })
  })
  afterAll(() => lambda.dispose())

  it('transpiles .ts/.mts to .mjs, drops .d.ts, copies the rest, and rewrites relative imports', async () => {
    const out = await buildFunction(sources, { functionName: 'orders' })
    if (!out.ok) throw new Error(JSON.stringify(out.errors))
    expect(Object.keys(out.files)).toEqual([
      'index.mjs',
      'lib/orders.mjs',
      'lib/util.mjs',
      'lib/version.mjs',
      'data.json',
    ])
    const index = out.files['index.mjs']
    // Types gone, enums and imports kept as ES module code.
    expect(index).not.toMatch(/APIGatewayProxyEvent|interface|satisfies|: Promise</)
    expect(index).toContain("from './lib/orders.mjs'")
    expect(index).toContain("from './lib/util.mjs'")
    expect(index).toContain("from './lib/version.mjs'")
    expect(index).not.toMatch(/type Order/)
    expect(out.files['lib/orders.mjs']).toContain('this.items = items')
    // Sucrase keeps every line on its line, so runtime errors point at the TypeScript source.
    expect(lines(index)).toBe(lines(sources['index.ts']))
    expect(lines(out.files['lib/orders.mjs'])).toBe(lines(sources['lib/orders.ts']))
    expect(out.files['data.json']).toBe(sources['data.json'])
    expect(out.log[0]).toBe('Starting Build')
    expect(out.log).toContain(' Running TypeScript transpile (sucrase 3.35.1): index.ts -> index.mjs')
    expect(out.log).toContain(" Rewrote import './lib/util' -> './lib/util.mjs' in index.mjs")
    expect(out.log).toContain('Build Succeeded')
    expect(out.log.at(-1)).toBe(
      'Built Artifacts  : index.mjs, lib/orders.mjs, lib/util.mjs, lib/version.mjs, data.json',
    )
  })

  it('the built files run on the simulated Lambda with Handler index.handler', async () => {
    const out = await buildFunction(sources)
    if (!out.ok) throw new Error(JSON.stringify(out.errors))
    await lambda.createFunction({
      FunctionName: 'ts-built',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: out.files },
    })
    const res = await lambda.invoke({
      FunctionName: 'ts-built',
      Payload: JSON.stringify({ queryStringParameters: { name: 'ada' } }),
    })
    expect(res.FunctionError).toBeUndefined()
    const payload = JSON.parse(res.Payload)
    expect(payload.statusCode).toBe(200)
    expect(JSON.parse(payload.body)).toEqual({ status: 'DONE', total: 12, currency: 'EUR', hi: 'ADA!', v: '1.0' })
  })

  it('a runtime error in built code is at the same line as in the TypeScript source', async () => {
    const src = [
      'type N = number',
      'interface X {',
      '  a: N',
      '}',
      'export const handler = async (): Promise<N> => {',
      '  throw new Error("boom")',
      '}',
    ].join('\n')
    const out = await buildFunction({ 'index.ts': src })
    if (!out.ok) throw new Error(JSON.stringify(out.errors))
    await lambda.createFunction({
      FunctionName: 'ts-line',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { Files: out.files },
    })
    const res = await lambda.invoke({ FunctionName: 'ts-line', Payload: '{}' })
    const err = JSON.parse(res.Payload)
    expect(err.errorMessage).toBe('boom')
    expect(err.trace.join('\n')).toMatch(/index\.mjs:6:/)
    expect(sourcePathFor('index.mjs', { 'index.ts': src })).toBe('index.ts')
  })
})

describe('buildFunction: errors', () => {
  it('reports a syntax error with its file, line and column', async () => {
    const out = await buildFunction({
      'index.mjs': 'export { total } from "./lib/orders.mjs"\n',
      'lib/orders.ts': 'export function total(items: number[]): number {\n  const x = ;\n  return 1\n}\n',
    })
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.errors).toEqual([{ file: 'lib/orders.ts', line: 2, column: 13, message: 'Unexpected token' }])
    expect(out.log).toContain('Build Failed')
    expect(out.log).toContain('Error: lib/orders.ts:2:13: Unexpected token')
    expect(out.log).toContain('      2 |   const x = ;')
    expect(out.log).toContain('        |             ^')
  })

  it('reports every broken TypeScript file, not only the first', async () => {
    const out = await buildFunction({ 'a.ts': 'let a: = 1', 'b.ts': 'const b = {', 'c.ts': 'export const c = 1' })
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.errors.map((e) => e.file)).toEqual(['a.ts', 'b.ts'])
    expect(out.errors[0]).toMatchObject({ line: 1, column: 8 })
  })

  it('refuses two files that build to the same path', async () => {
    const out = await buildFunction({ 'index.ts': 'export const handler = 1', 'index.mjs': 'export const handler = 2' })
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.errors[0]).toMatchObject({
      file: 'index.ts',
      message: 'index.ts builds to index.mjs, but index.mjs already has that name. Rename one of them.',
    })
    const both = await buildFunction({ 'a.ts': '', 'a.mts': '' })
    expect(both.ok).toBe(false)
    if (!both.ok) expect(both.errors[0].message).toBe('a.ts and a.mts both build to a.mjs. Rename one of them.')
  })

  it('refuses namespaces with values, export = and import = require (sucrase would drop or break them)', async () => {
    const ns = await buildFunction({
      'index.ts': 'const a = 1\nexport namespace Config {\n  export const region = "eu-west-1"\n}\n',
    })
    expect(ns.ok).toBe(false)
    if (!ns.ok)
      expect(ns.errors[0]).toMatchObject({
        file: 'index.ts',
        line: 2,
        column: 1,
        message: expect.stringContaining('Namespaces that hold values'),
      })
    const eq = await buildFunction({ 'index.ts': 'const handler = async () => 1\nexport = handler\n' })
    expect(eq.ok).toBe(false)
    if (!eq.ok) expect(eq.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('export =') })
    const req = await buildFunction({ 'index.ts': "import fs = require('fs')\n" })
    expect(req.ok).toBe(false)
    if (!req.ok) expect(req.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('require()') })
  })

  it('accepts type-only and declared namespaces', async () => {
    const out = await buildFunction({
      'index.ts':
        'namespace Api {\n  export interface Req { class: string; enum?: number }\n  export type Id = string\n}\ndeclare namespace G { const x: number }\nexport const handler = async (r: Api.Req) => r.class\n',
    })
    expect(out.ok).toBe(true)
  })

  it('rejects input that is not a file map, an empty function, and paths outside the folder', async () => {
    for (const bad of [null, [], 'index.mjs'] as unknown[]) {
      const out = await buildFunction(bad as Record<string, string>)
      expect(out.ok).toBe(false)
    }
    const empty = await buildFunction({})
    expect(empty.ok).toBe(false)
    if (!empty.ok) expect(empty.errors[0].message).toBe('The function has no files.')
    const outside = await buildFunction({ '../x.mjs': '', '/abs.mjs': '' })
    expect(outside.ok).toBe(false)
    if (!outside.ok) expect(outside.errors.map((e) => e.file)).toEqual(['../x.mjs', '/abs.mjs'])
    const notText = await buildFunction({ 'index.mjs': 42 as unknown as string })
    expect(notText.ok).toBe(false)
  })
})

describe('buildFunction: JavaScript', () => {
  it('copies JavaScript and JSON untouched when there is no TypeScript', async () => {
    const files = {
      'index.mjs':
        "import { total } from './lib/orders.mjs'\n// import x from './x.ts'\nexport const handler = async () => total([1, 2])\n",
      'lib/orders.mjs': 'export const total = (xs) => xs.reduce((a, b) => a + b, 0)\n',
      'legacy.cjs': 'module.exports = { x: require("./data.json") }\n',
      'data.json': '{"x": 1}',
      'broken.js': 'this is not javascript (',
    }
    const out = await buildFunction(files)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.files).toEqual(files)
    expect(out.log).toEqual([
      'Starting Build',
      "Building codeuri: . runtime: nodejs24.x metadata: {'BuildMethod': 'sucrase'}",
      ' Running CopySource: 5 files',
      '',
      'Build Succeeded',
      '',
      'Built Artifacts  : index.mjs, lib/orders.mjs, legacy.cjs, data.json, broken.js',
    ])
  })

  it('in JavaScript, rewrites only imports that name a TypeScript file', async () => {
    const out = await buildFunction({
      'index.mjs':
        "import { a } from './lib/a.ts'\nimport { b } from './lib/b'\nconst c = await import('./lib/a.ts')\nconst s = \"import './lib/a.ts'\"\nexport const handler = async () => [a, b, c.a, s]\n",
      'lib/a.ts': 'export const a: number = 1\n',
      'lib/b.ts': 'export const b: number = 2\n',
    })
    if (!out.ok) throw new Error(JSON.stringify(out.errors))
    expect(out.files['index.mjs']).toBe(
      "import { a } from './lib/a.mjs'\nimport { b } from './lib/b'\nconst c = await import('./lib/a.mjs')\nconst s = \"import './lib/a.ts'\"\nexport const handler = async () => [a, b, c.a, s]\n",
    )
  })

  it('resolves imports between folders and leaves unknown or bare specifiers alone', async () => {
    const out = await buildFunction({
      'src/handlers/get.ts':
        "import { db } from '../db'\nimport { nope } from './missing.ts'\nimport { x } from 'some-package'\nexport const handler = async () => [db, nope, x]\n",
      'src/db/index.ts': 'export const db = {}\n',
    })
    if (!out.ok) throw new Error(JSON.stringify(out.errors))
    expect(out.files['src/handlers/get.mjs']).toBe(
      "import { db } from '../db/index.mjs'\nimport { nope } from './missing.ts'\nimport { x } from 'some-package'\nexport const handler = async () => [db, nope, x]\n",
    )
  })
})
