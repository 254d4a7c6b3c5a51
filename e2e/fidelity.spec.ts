/**
 * Issue 12 in the real browser Worker: an unhandled promise rejection crashes the runtime as on
 * Lambda (QuickJS's own rejection tracker, through the patched .wasm the Worker compiles), and
 * traces show V8's frames.
 */
import { invokeAndWait, openPlayground, response as responseJson, setCode } from './playground-page.ts'
import { expect, test } from './fixtures.ts'

test.describe('fidelity (issue 12)', () => {
  test.describe.configure({ timeout: 90_000 })

  test('a forgotten rejection crashes the runtime on nodejs22.x; a thrown error shows V8 frames', async ({ page }) => {
    await openPlayground(page)
    await page.getByTestId('pg-tab-config').click()
    const runtime = page.getByTestId('config-runtime')
    await expect(runtime.locator('option')).toHaveText(['Node.js 24.x', 'Node.js 22.x', /^Node\.js 20\.x/])
    // Lambda blocks creating nodejs20.x functions since Aug 31, 2026: the picker shows it, disabled.
    await expect(runtime.locator('option[value="nodejs20.x"]')).toHaveText('Node.js 20.x (deprecated)')
    await expect(runtime.locator('option[value="nodejs20.x"]')).toBeDisabled()
    await runtime.selectOption('nodejs22.x')
    await setCode(
      page,
      "export const handler = async () => {\n  Promise.reject(new Error('forgot to await'))\n  await new Promise((r) => setTimeout(r, 10))\n  return 'done'\n}",
    )
    await invokeAndWait(page)
    await expect(page.getByTestId('error-type')).toHaveText('Runtime.UnhandledPromiseRejection')
    await expect(page.getByTestId('error-message')).toHaveText('Error: forgot to await')
    const log = page.getByTestId('log-output')
    await expect(log).toContainText(
      'ERROR\tUnhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection"',
    )
    await expect(log).toContainText('Runtime exited with error: exit status 128')

    await setCode(page, "export const handler = async () => {\n  throw new Error('boom')\n}")
    await invokeAndWait(page)
    await expect(page.getByTestId('error-type')).toHaveText('Error')
    const response = page.getByTestId('result')
    await expect(response).toContainText(/at Runtime\.handler \(file:\/\/\/var\/task\/index\.mjs:2:\d+\)/)
    await expect(response).toContainText('at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)')
  })
  test("an error caught in code reads V8's message and stack (the Worker rewrites catch clauses)", async ({ page }) => {
    await openPlayground(page)
    await setCode(
      page,
      "export const handler = async (event) => {\n  const client = {}\n  try { client.sendd() } catch (e) { return [e.message, e.stack.split('\\n')[1]] }\n}",
    )
    await invokeAndWait(page)
    expect(await responseJson(page)).toEqual([
      'client.sendd is not a function',
      expect.stringMatching(/^ {4}at BufferedInvokeProcessor\.handler \(file:\/\/\/var\/task\/index\.mjs:3:16\)$/),
    ])
  })
})
