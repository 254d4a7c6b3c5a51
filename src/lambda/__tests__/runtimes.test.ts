// Issue 12: nodejs22.x and nodejs24.x beside nodejs20.x, each with its runtime client's behaviour
// (aws-lambda-nodejs-runtime-interface-client: 3.x `src/*.js` for nodejs18.x–22.x, the TypeScript
// rewrite `src/**/*.ts` for nodejs24.x).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lambda } from '../index.ts'
import { appLines, call, deploy, messageOf, newLambda } from './helpers.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await newLambda()
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
