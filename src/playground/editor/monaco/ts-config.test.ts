/**
 * The editor's TypeScript configuration, checked with the TypeScript version Monaco 0.57 bundles
 * (5.9), the same way its worker runs it: a language service over the function's files,
 * @types/aws-lambda and the runtime globals.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { RUNTIME_GLOBALS_DTS } from './runtime-globals.ts'
import { compilerOptions, filterSemanticDiagnostics, IGNORED_DIAGNOSTICS, scriptKindOf } from './ts-config.ts'

const root = path.resolve(import.meta.dirname, '../../../..')
const typesDir = path.join(root, 'node_modules/@types/aws-lambda')

function awsLambdaTypes(): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.d.ts'))
        out[`/node_modules/@types/aws-lambda/${path.relative(typesDir, p)}`] = readFileSync(p, 'utf8')
    }
  }
  walk(typesDir)
  return out
}

const libs = { ...awsLambdaTypes(), '/node_modules/@types/lambda-foundations-runtime/index.d.ts': RUNTIME_GLOBALS_DTS }

function check(
  files: Record<string, string>,
  options: ts.CompilerOptions = compilerOptions as unknown as ts.CompilerOptions,
) {
  const all: Record<string, string> = { ...libs, ...files }
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(all),
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      const text = f in all ? all[f] : ts.sys.readFile(f)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getScriptKind: (f) => (scriptKindOf(f) ?? ts.ScriptKind.TS) as ts.ScriptKind,
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f in all || ts.sys.fileExists(f),
    readFile: (f) => (f in all ? all[f] : ts.sys.readFile(f)),
  }
  const service = ts.createLanguageService(host)
  const result: Record<string, string[]> = {}
  for (const f of Object.keys(files)) {
    const diags = [
      ...service.getSyntacticDiagnostics(f),
      ...filterSemanticDiagnostics(f, service.getSemanticDiagnostics(f)),
    ].filter((d) => !IGNORED_DIAGNOSTICS.includes(d.code))
    result[f] = diags.map((d) => `${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
  }
  return { result, service }
}

describe('editor TypeScript settings', () => {
  it('types handlers from @types/aws-lambda, across JS, TS and JSON files, with the runtime globals', () => {
    const { result } = check({
      '/index.ts': [
        "import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda'",
        "import { readFileSync } from 'node:fs'",
        "import path from 'path'",
        "import { total } from './lib/orders.mjs'",
        "import { VERSION } from './util.mts'",
        "import data from './data.json'",
        'export const handler = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {',
        "  const name = event.queryStringParameters?.name ?? 'world'",
        '  const region: string | undefined = process.env.AWS_REGION',
        "  const b64 = Buffer.from(name).toString('base64')",
        '  await new Promise((r) => setTimeout(r, 10))',
        '  console.log(region, b64, context.getRemainingTimeInMillis(), crypto.randomUUID(), new URL("https://x.test/a").pathname)',
        '  const copy = structuredClone({ a: data.a })',
        "  return { statusCode: 200, body: JSON.stringify({ name, total: total([1, 2]), copy, v: VERSION, p: path.join('a', 'b'), f: typeof readFileSync }) }",
        '}',
      ].join('\n'),
      '/lib/orders.mjs': '/** @param {number[]} xs */\nexport const total = (xs) => xs.reduce((a, b) => a + b, 0)\n',
      '/util.mts': 'export const VERSION: string = "1"\n',
      '/data.json': '{ "a": 1 }',
      '/handler.mjs':
        "/** @param {import('aws-lambda').S3Event} event */\nexport const handler = async (event, context) => {\n  try { return event.Records.map((r) => r.s3.object.key) } catch (err) { console.log(err.message, context) }\n}\n",
      '/legacy.cjs':
        "const fs = require('fs')\nexports.handler = async function (event) {\n  return fs.readFileSync(__dirname + '/x', 'utf8') + this\n}\n",
    })
    expect(result).toEqual({
      '/index.ts': [],
      '/lib/orders.mjs': [],
      '/util.mts': [],
      '/data.json': [],
      '/handler.mjs': [],
      '/legacy.cjs': [],
    })
  })

  it('flags wrong event fields, missing modules and globals the runtime lacks', () => {
    const { result } = check({
      '/index.ts': [
        "import type { APIGatewayProxyEvent } from 'aws-lambda'",
        "import http2 from 'http2'",
        'export const handler = async (event: APIGatewayProxyEvent, context) => {',
        '  new XMLHttpRequest()',
        '  return event.queryStringParams',
        '}',
      ].join('\n'),
      '/handler.mjs':
        "/** @param {import('aws-lambda').S3Event} event */\nexport const handler = async (event) => event.Records[0].s3.bucket.nmae\n",
    })
    expect(result['/index.ts'].map((d) => d.split(' ')[0])).toEqual(['2307', '7006', '2304', '2551'])
    expect(result['/index.ts'][3]).toContain(
      "Property 'queryStringParams' does not exist on type 'APIGatewayProxyEvent'. Did you mean 'queryStringParameters'?",
    )
    expect(result['/handler.mjs']).toEqual([expect.stringContaining("2339 Property 'nmae' does not exist")])
  })

  it('in JavaScript only, drops the errors strict adds for untyped code', () => {
    const js = { '/a.mjs': 'export const f = (x) => x\n', '/a.ts': 'export const g = (x) => x\n' }
    const { result } = check(js)
    expect(result['/a.mjs']).toEqual([])
    expect(result['/a.ts']).toEqual(["7006 Parameter 'x' implicitly has an 'any' type."])
    expect(scriptKindOf('x.mts')).toBe(ts.ScriptKind.TS)
    expect(scriptKindOf('x.cjs')).toBe(ts.ScriptKind.JS)
    expect(scriptKindOf('x.json')).toBe(ts.ScriptKind.JSON)
  })

  it('reports re-exported types without `export type` (the build transpiles file by file)', () => {
    const { result } = check({
      '/types.ts': 'export interface Order { id: number }\n',
      '/index.ts': "export { Order } from './types.ts'\n",
    })
    expect(result['/index.ts'][0]).toMatch(/^1205 /)
  })

  it('the runtime globals declaration has no errors of its own', () => {
    const { service } = check(
      { '/empty.ts': 'export {}\n' },
      { ...(compilerOptions as unknown as ts.CompilerOptions), skipLibCheck: false },
    )
    const file = '/node_modules/@types/lambda-foundations-runtime/index.d.ts'
    const diags = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]
    expect(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([])
  })
})
