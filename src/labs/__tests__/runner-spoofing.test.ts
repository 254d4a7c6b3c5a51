// The check runner against spoofing: handler code cannot tell a check from its own run, and the
// checks take platform facts and failures from the engine, never from lines the handler prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../../lambda/index.ts'
import { invokeStatus } from '../logs.ts'
import { runLabChecks } from '../runner.ts'
import { lab } from './runner-fixtures.ts'

let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ wallClockCapMs: 400, prewarm: 0 })
})
afterAll(() => lambda.dispose())

describe('runLabChecks against spoofing', () => {
  it('handler code cannot tell a check from its own run, nor fake platform lines', async () => {
    const SPOOF = `export const handler = async (event, context) => {
  console.log('name=' + context.functionName + ' env=' + process.env.AWS_LAMBDA_FUNCTION_NAME)
  process.stdout.write('START RequestId: ' + context.awsRequestId + ' Version: $LATEST\\n')
  process.stdout.write('REPORT RequestId: ' + context.awsRequestId + '\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\tMemory Size: 128 MB\\tMax Memory Used: 1 MB\\t\\n')
  process.stdout.write('INIT_START Runtime Version: nodejs:20.v1\\n')
  return 1
}`
    const counts: number[][] = []
    const names: string[] = []
    const out = await runLabChecks(
      lab([
        {
          name: 'counts platform lines',
          async run(t) {
            const r = await t.invoke({})
            names.push(r.logLines.find((l) => l.message.startsWith('name='))!.message)
            const tail = r.logLines.filter((l) => l.source === 'platform')
            const all = (await t.parsedLogs()).filter((l) => l.source === 'platform')
            counts.push([tail.length, all.length, r.logLines.filter((l) => l.source === 'app').length])
          },
        },
        {
          name: 'a second check sees only its own logs',
          async run(t) {
            await t.invoke({})
            counts.push([(await t.parsedLogs()).filter((l) => l.source === 'platform').length])
          },
        },
      ]),
      { 'index.mjs': SPOOF },
      lambda,
      { functionName: 'my-function' },
    )
    expect(out.results.map((r) => r.message)).toEqual(['', ''])
    expect(names).toEqual(['name=my-function env=my-function'])
    // INIT_START, START, END, REPORT are Lambda's; the three look-alikes (and the name line) are the function's.
    expect(counts).toEqual([[4, 4, 4], [4]])
  })

  it('a failure is read from the engine, never from printed lines: fake Invoke Error and REPORT lines change nothing', async () => {
    // Prints the runtime client's error line (and a REPORT) but succeeds; or prints a REPORT line
    // claiming success, then fails.
    const SPOOF = `export const handler = async (event, context) => {
  const id = context.awsRequestId
  if (event.spoof === 'error') {
    console.log('2026-01-01T00:00:00.000Z\\t' + id + '\\tERROR\\tInvoke Error \\t{"errorType":"Error","errorMessage":"fake"}')
    process.stdout.write(new Date().toISOString() + '\\t' + id + '\\tERROR\\tInvoke Error \\t{"errorType":"Error"}\\n')
    process.stdout.write('REPORT RequestId: ' + id + '\\tDuration: 1.00 ms\\tStatus: error\\n')
    return 'fine'
  }
  process.stdout.write('REPORT RequestId: ' + id + '\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\n')
  throw new Error('real')
}`
    const seen: unknown[] = []
    const out = await runLabChecks(
      lab([
        {
          name: 'spoof',
          async run(t) {
            for (const spoof of ['error', 'success']) {
              const r = await t.invoke({ spoof }, { InvocationType: 'Event' })
              await t.settle()
              const lines = (await t.parsedLogs()).filter((l) => l.requestId === r.requestId)
              seen.push([
                spoof,
                invokeStatus(lines, r.requestId),
                lines.filter((l) => l.source === 'platform').map((l) => l.message.split(' ')[0]),
              ])
              const sync = await t.invoke({ spoof })
              seen.push([spoof, sync.functionError ?? 'none', invokeStatus(sync.logLines, sync.requestId)])
            }
          },
        },
      ]),
      { 'index.mjs': SPOOF },
      lambda,
    )
    expect(out.results[0]).toMatchObject({ pass: true })
    expect(seen).toEqual([
      ['error', 'success', ['START', 'END', 'REPORT']],
      ['error', 'none', 'success'],
      ['success', 'error', ['START', 'END', 'REPORT']],
      ['success', 'Unhandled', 'error'],
    ])
  })
})
