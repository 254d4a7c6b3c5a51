/**
 * Issue 10's stack probes in the real browser Worker of the built app, where the native stack is
 * smallest (a module Worker gives QuickJS about 440 KB): recursion to the limit, a 2,001-level
 * result, deep JSON inside the handler, a 10,000-deep payload, and a payload past the nesting
 * limit. Each answer is Lambda's, and the function's warm state (a counter in its module)
 * survives every one: no probe costs the environment.
 */
import { SLOW, invokeAndWait, openPlayground, response, setCode, setEvent } from './playground-page.ts'
import { expect, test } from './fixtures.ts'

const HANDLER = `let n = 0
const f = (d) => f(d + 1) + 1
export const handler = async (event) => {
  n++
  if (event.op === 'recurse') return f(0)
  if (event.op === 'recurse-catch') { try { f(0) } catch (e) { return { n, caught: e.name } } }
  if (event.op === 'nest') { let a = []; for (let i = 0; i < 2000; i++) a = [a]; return a }
  if (event.op === 'parse') { let v = JSON.parse('['.repeat(10000) + ']'.repeat(10000)), d = 1; while (v.length) { v = v[0]; d++ } return { n, parsed: d } }
  if (event.op === 'stringify') { let a = []; for (let i = 0; i < 10000; i++) a = [a]; try { JSON.stringify(a) } catch (e) { return { n, caught: e.name + ': ' + e.message } } }
  if (Array.isArray(event)) { let v = event, d = 1; while (v.length) { v = v[0]; d++ } return { n, depth: d } }
  return { n }
}`

test.describe('stack probes in the Worker (issue 10)', () => {
  test.describe.configure({ timeout: 180_000 })

  test("Lambda's answers to deep recursion and deep JSON, and the environment stays warm through them all", async ({
    page,
  }) => {
    await openPlayground(page)
    // Parsing a 100,000-deep payload without native recursion takes about a second of the
    // function's time on a loaded machine: more than the default 3 s would leave for a busy CI.
    await page.getByTestId('pg-tab-config').click()
    await page.getByTestId('config-timeout').fill('30')
    await setCode(page, HANDLER)
    let n = 0
    const warm = async (expected: Record<string, unknown>) => {
      expect(await response(page)).toEqual({ n: ++n, ...expected })
      await expect(page.getByTestId('result-status')).toContainText(n === 1 ? 'Cold start' : 'Warm start')
    }

    await setEvent(page, '{}')
    await invokeAndWait(page, 'result')
    await warm({})

    // Recursion to the limit: Node's RangeError, uncaught (a function error) and caught.
    await setEvent(page, '{"op":"recurse"}')
    await invokeAndWait(page, 'result')
    await expect(page.getByTestId('error-type')).toHaveText('RangeError')
    await expect(page.getByTestId('error-message')).toHaveText('Maximum call stack size exceeded')
    n++
    await setEvent(page, '{"op":"recurse-catch"}')
    await invokeAndWait(page, 'result')
    await warm({ caught: 'RangeError' })

    // A 2,001-level result: what the runtime client answers when JSON.stringify refuses it.
    await setEvent(page, '{"op":"nest"}')
    await invokeAndWait(page, 'result')
    await expect(page.getByTestId('error-type')).toHaveText('Error')
    await expect(page.getByTestId('error-message')).toHaveText('Unable to stringify response body')
    n++

    // Deep JSON inside the handler: parsed as Node parses it; stringified with Node's RangeError.
    await setEvent(page, '{"op":"parse"}')
    await invokeAndWait(page, 'result')
    await warm({ parsed: 10_000 })
    await setEvent(page, '{"op":"stringify"}')
    await invokeAndWait(page, 'result')
    await warm({ caught: 'RangeError: Maximum call stack size exceeded' })

    // A deep payload reaches the handler as on Node. (A 100,000-deep one does too, in Node's tests;
    // in this Worker on a loaded 2-core machine its non-recursive parse outlasted the invoke's 2 s
    // real-time budget and ended as a timeout, so it is not asserted here.)
    await setEvent(page, '['.repeat(10_000) + ']'.repeat(10_000))
    await invokeAndWait(page, 'result')
    await warm({ depth: 10_000 })

    // Past the nesting limit: the front end's error, and the function never runs.
    await setEvent(page, '['.repeat(100_001) + ']'.repeat(100_001))
    await page.getByTestId('invoke').click()
    await expect(page.getByTestId('service-error')).toContainText('exceeds the maximum allowed (100000', SLOW)
    await expect(page.getByTestId('invoke')).toHaveText('Invoke', SLOW)

    await setEvent(page, '{}')
    await invokeAndWait(page, 'result')
    await warm({})
  })
})
