import { describe, expect, it } from 'vitest'
import { createLambda } from '../lambda/index.ts'
import { isEsmJs, locateSyntaxErrors } from './syntax.ts'

describe('locating syntax errors for editor markers', () => {
  it('finds the line and column in an ES module, a CommonJS file and a JSON file', async () => {
    const files = {
      'index.mjs': 'export const handler = async (event) => {\n  return 1 +;\n}\n',
      'lib/a.cjs': 'module.exports = {\n  x: )\n}',
      'ok.cjs': 'return 1', // top-level return is fine in CommonJS (a function body)
      'data.json': '{\n  "a": 1,\n}',
      'readme.txt': 'not code (',
    }
    expect(await locateSyntaxErrors(files)).toEqual([
      { file: 'index.mjs', line: 2, column: 13, message: 'Unexpected token' },
      { file: 'lib/a.cjs', line: 2, column: 6, message: 'Unexpected token' },
      { file: 'data.json', line: 3, column: 1, message: 'Unexpected token } in JSON at line 3, column 1' },
    ])
  })

  it('.js follows the nearest package.json "type"', async () => {
    const files = {
      'package.json': '{"type":"module"}',
      'index.js': 'export const handler = () => 1',
      'lib/package.json': '{}',
      'lib/x.js': 'return 2',
    }
    expect(isEsmJs(files, 'index.js')).toBe(true)
    expect(isEsmJs(files, 'lib/x.js')).toBe(false)
    expect(await locateSyntaxErrors(files)).toEqual([])
    // import/export in a CommonJS .js file is a syntax error there
    expect(await locateSyntaxErrors({ 'index.js': 'exports.a = 1\nexport const b = 2' })).toEqual([
      {
        file: 'index.js',
        line: 2,
        column: 1,
        message: "'import' and 'export' may appear only with 'sourceType: module'",
      },
    ])
  })

  it('agrees with the engine: what it reports as Runtime.UserCodeSyntaxError is located', async () => {
    const lambda = await createLambda({ prewarm: 0 })
    const cases = [
      'export const handler = async (event) => {\n  const x = {\n  return 1\n}\n',
      'export const handler = async () => {\n  await\n}',
      'export const handler = async () => { let let = 1 }',
      'export const handler = async () => `unterminated',
    ]
    try {
      for (const [i, src] of cases.entries()) {
        await lambda.createFunction({
          FunctionName: `s${i}`,
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Code: { Files: { 'index.mjs': src } },
        })
        const out = await lambda.invoke({ FunctionName: `s${i}`, Payload: '{}' })
        expect(JSON.parse(out.Payload).errorType, src).toBe('Runtime.UserCodeSyntaxError')
        const found = await locateSyntaxErrors({ 'index.mjs': src })
        expect(found, src).toHaveLength(1)
      }
    } finally {
      lambda.dispose()
    }
  })
})
