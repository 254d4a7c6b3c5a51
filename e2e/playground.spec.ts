/**
 * The playground (/playground) against the production build: invoke with a sample event, the
 * errors learners make (busy loop, syntax error, wrong handler, invalid JSON, memory bomb), the
 * timeline, logs, persistence across reloads and corrupt storage, share links, and that a lesson
 * page without a playground loads neither QuickJS nor Monaco.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { SLOW, editor, invokeAndWait, openPlayground, setCode, tab } from './playground-page.ts'
import { expect, lessons, test } from './fixtures.ts'

const KEY = 'lf-playground'

/** The open file's text as shown (Monaco, or its placeholder while it loads). */
function codeView(page: Page) {
  return page.getByTestId('playground').getByRole('tabpanel', { name: /\.(mjs|js|cjs|ts)$/ })
}

test.describe('playground', () => {
  test.describe.configure({ timeout: 90_000 })

  test('type a handler, pick a sample event, invoke: response, summary and the REPORT line; the second invoke is warm', async ({
    page,
  }) => {
    await openPlayground(page)
    await setCode(
      page,
      'export const handler = async (event) => {\n  const key = event.Records[0].s3.object.key;\n  console.log("new object", key);\n  return { key };\n};',
    )
    await tab(page, 'event')
    await page.getByTestId('event-picker').selectOption({ label: 's3 put' })
    await expect(page.getByTestId('event-json')).toHaveValue(/"eventName": "ObjectCreated:Put"/)
    await expect(page.getByText('S3 object created (put).')).toBeVisible()
    await invokeAndWait(page)
    await expect(page.getByTestId('result-status')).toContainText('succeeded')
    await expect(page.getByTestId('result-status')).toContainText('Cold start')
    await expect(page.getByTestId('response')).toContainText('"key": "mugs/stoneware-blue.jpg"')
    const log = page.getByTestId('log-output')
    await expect(log).toContainText(/^INIT_START Runtime Version: nodejs:24/)
    await expect(log).toContainText(
      /REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/,
    )
    await expect(log).toContainText('INFO\tnew object mugs/stoneware-blue.jpg')
    const summary = page.getByTestId('summary')
    await expect(summary).toContainText('Init duration')
    await expect(summary).toContainText('Memory size128 MB')
    // Warm: same environment, no Init duration.
    await invokeAndWait(page)
    await expect(page.getByTestId('result-status')).toContainText('Warm start')
    await expect(page.getByTestId('summary')).not.toContainText('Init duration')
    await expect(page.getByTestId('log-output')).not.toContainText('INIT_START')
  })

  test('a busy loop with Timeout 1 reports "Task timed out after 1.00 seconds" while the page keeps answering clicks', async ({
    page,
  }) => {
    await openPlayground(page)
    await setCode(page, 'export const handler = async () => {\n  while (true) {}\n};')
    await tab(page, 'config')
    await page.getByTestId('config-timeout').fill('1')
    await expect(page.getByTestId('config-summary')).toContainText('valid')
    await page.getByTestId('invoke').click()
    // The UI answers while the Worker spins: switching tabs works at once.
    for (const t of ['logs', 'timeline', 'event', 'config'] as const) {
      await tab(page, t)
      await expect(page.getByTestId(`pg-tab-${t}`)).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 })
    }
    await tab(page, 'result')
    await expect(page.getByTestId('error-type')).toHaveText('Sandbox.Timedout', SLOW)
    await expect(page.getByTestId('error-message')).toHaveText(
      /^RequestId: [0-9a-f-]{36} Error: Task timed out after 1.00 seconds$/,
    )
    await expect(page.getByTestId('log-output')).toContainText('Task timed out after 1.00 seconds')
    await expect(page.getByTestId('log-output')).toContainText('Status: timeout')
    // Nothing the learner typed was lost, and fixing it works.
    await expect(codeView(page)).toContainText('while (true) {}')
    await setCode(page, 'export const handler = async () => "done";')
    await invokeAndWait(page)
    await expect(page.getByTestId('response')).toHaveText('"done"')
  })

  test('invalid JSON disables Invoke and says why, at its line and column; fixing it enables Invoke', async ({
    page,
  }) => {
    await openPlayground(page)
    await tab(page, 'event')
    const json = page.getByTestId('event-json')
    await json.fill('{\n  "key1": "value1",\n  "key2": "value2",\n}')
    await expect(page.getByTestId('invoke')).toBeDisabled()
    await expect(page.getByTestId('invoke-blocked')).toContainText('Unexpected token } in JSON at line 4, column 1')
    await expect(page.getByTestId('event-json-error')).toContainText('JSON does not allow a comma before }')
    await expect(json).toHaveAttribute('aria-invalid', 'true')
    // Ctrl+Enter does not run either.
    await json.press('ControlOrMeta+Enter')
    await expect(page.getByTestId('result-status')).toHaveCount(0)
    await json.fill('{\n  "key1": "value1",\n  "key2": "value2"\n}')
    await expect(page.getByTestId('invoke')).toBeEnabled()
    await expect(page.getByTestId('invoke-blocked')).toHaveCount(0)
  })

  test('an invalid configuration disables Invoke with Lambda’s own message next to the field', async ({ page }) => {
    await openPlayground(page)
    await tab(page, 'config')
    await page.getByTestId('config-memory').fill('64')
    await expect(page.getByTestId('memory-error')).toHaveText(
      "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    )
    await expect(page.getByTestId('invoke')).toBeDisabled()
    await expect(page.getByTestId('invoke-blocked')).toContainText('Fix the configuration first (Memory)')
    await page.getByTestId('config-memory').fill('256')
    await expect(page.getByTestId('invoke')).toBeEnabled()
  })

  test('a syntax error comes back as Runtime.UserCodeSyntaxError and is marked in the editor at its line', async ({
    page,
  }) => {
    await openPlayground(page)
    await setCode(page, 'export const handler = async (event) => {\n  const order = {\n  return order;\n};')
    await invokeAndWait(page)
    await expect(page.getByTestId('error-type')).toHaveText('Runtime.UserCodeSyntaxError')
    // The marker: a badge on the file's tab, and a squiggle on line 3 of the editor.
    const fileTab = page.getByRole('tab', { name: /index\.mjs/ })
    await expect(fileTab).toContainText(/error/)
    const ed = await editor(page)
    await expect(ed.locator('.squiggly-error').first()).toBeVisible()
  })

  test('a wrong handler string shows Runtime.HandlerNotFound; a memory bomb is an out-of-memory result; the page recovers', async ({
    page,
  }) => {
    await openPlayground(page)
    await tab(page, 'config')
    await page.getByTestId('config-handler').fill('index.handlr')
    await invokeAndWait(page)
    await expect(page.getByTestId('error-type')).toHaveText('Runtime.HandlerNotFound')
    await expect(page.getByTestId('error-message')).toHaveText('index.handlr is undefined or not exported')
    await tab(page, 'config')
    await page.getByTestId('config-handler').fill('index.handler')
    await page.getByTestId('config-timeout').fill('30')
    await setCode(
      page,
      'export const handler = async () => {\n  const hoard = [];\n  while (true) hoard.push("x".repeat(1e6) + Math.random());\n};',
    )
    await invokeAndWait(page)
    await expect(page.getByTestId('error-type')).toHaveText('Runtime.OutOfMemory')
    await expect(page.getByTestId('error-message')).toContainText('Runtime exited with error: signal: killed')
    await setCode(page, 'export const handler = async () => ({ ok: true });')
    await invokeAndWait(page)
    await expect(page.getByTestId('response')).toContainText('"ok": true')
  })

  test('timeline: five invokes reuse one warm environment; advancing the clock shuts it down; the next invoke is cold', async ({
    page,
  }) => {
    await openPlayground(page)
    await tab(page, 'timeline')
    await page.getByTestId('invoke-5').click()
    await expect(page.getByTestId('timeline-summary')).toHaveText(
      '5 invocations: 1 cold start, 4 warm. 1 environment created, 1 still alive.',
      SLOW,
    )
    await expect(page.getByTestId('timeline-lane')).toHaveCount(1)
    await expect(page.getByTestId('timeline-lane').locator('[data-kind=cold]')).toHaveCount(1)
    await expect(page.getByTestId('timeline-lane').locator('[data-kind=warm]')).toHaveCount(4)
    // Keyboard: focus the lane, move through its segments; each is described.
    const track = page.getByTestId('timeline-track').first()
    await track.focus()
    await track.press('Home')
    await expect(page.getByTestId('timeline-detail')).toContainText(
      /^Environment 1: Init, [\d.]+ ms, succeeded\. Extension init 0\.00 ms, Runtime init [\d.]+ ms, Function init [\d.]+ ms/,
    )
    await track.press('ArrowRight')
    await expect(page.getByTestId('timeline-detail')).toContainText(
      /Environment 1: Invoke \(cold start\), request ID [0-9a-f-]{36}, duration/,
    )
    await expect(track).toHaveAttribute('aria-activedescendant', /.+/)
    await page.getByTestId('advance-15').click()
    await expect(page.getByTestId('timeline-summary')).toContainText('0 still alive')
    await expect(
      page.getByRole('option', { name: /^Environment 1: shut down at [\d:.]+ \(idle for too long\)\.$/ }),
    ).toBeAttached()
    await invokeAndWait(page)
    await expect(page.getByTestId('timeline-summary')).toHaveText(
      '6 invocations: 2 cold starts, 4 warm. 2 environments created, 1 still alive.',
    )
    // The text alternative lists the same.
    await page.getByText('Timeline as a table').click()
    await expect(page.getByTestId('timeline-table')).toContainText('Invoke (warm start)')
    await expect(page.getByTestId('timeline-table')).toContainText('idle for too long')
  })

  test('logs: the log group, one stream per environment, and a filter pattern', async ({ page }) => {
    await openPlayground(page)
    await setCode(
      page,
      'export const handler = async (event) => {\n  console.log("order", event.key1);\n  console.error("oops");\n  return 1;\n};',
    )
    await tab(page, 'timeline')
    await page.getByTestId('invoke-5').click()
    await expect(page.getByTestId('timeline-summary')).toContainText('5 invocations', SLOW)
    await tab(page, 'logs')
    await expect(page.getByTestId('log-group')).toHaveText('/aws/lambda/playground-default')
    await expect(page.getByTestId('log-events')).toContainText('REPORT RequestId:')
    await page.getByTestId('log-filter').fill('oops')
    await page.getByTestId('log-filter').press('Enter')
    const rows = page.getByTestId('log-events').locator('tbody tr')
    await expect(rows).toHaveCount(5)
    await expect(rows.first()).toContainText('ERROR\toops')
    await expect(page.getByTestId('log-stream').locator('option')).toHaveCount(2) // "All streams" + one stream
  })

  test('logs: a flood is shown a page of 100 at a time, "Show more" by keyboard, announced', async ({ page }) => {
    await openPlayground(page)
    await setCode(
      page,
      'export const handler = async () => {\n  for (let i = 0; i < 250; i++) console.log("line", i);\n  return 1;\n};',
    )
    await invokeAndWait(page)
    await tab(page, 'logs')
    const rows = page.getByTestId('log-events').locator('tbody tr')
    // INIT_START, START, 250 lines, END, REPORT: 254 events, 100 shown.
    await expect(page.getByTestId('log-shown')).toHaveText('Showing 100 of 254.', SLOW)
    await expect(rows).toHaveCount(100)
    const more = page.getByTestId('log-show-more')
    await expect(more).toHaveText('Show 100 more')
    await more.focus()
    await page.keyboard.press('Enter')
    await expect(rows).toHaveCount(200)
    await expect(more).toBeFocused()
    await expect(page.getByRole('status').filter({ hasText: 'Showing 200 of 254 events.' })).toBeAttached()
    await expect(more).toHaveText('Show 54 more')
    await page.keyboard.press('Space')
    await expect(rows).toHaveCount(254)
    await expect(rows.last()).toContainText('REPORT RequestId:')
    // The button went with the last page; the keyboard stays in the table.
    await expect(more).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Log events' })).toBeFocused()
  })

  test('a draft survives a reload: code, configuration, event and saved events', async ({ page }) => {
    await openPlayground(page)
    await setCode(page, 'export const handler = async () => "draft survives";')
    await tab(page, 'config')
    await page.getByTestId('config-memory').fill('512')
    await tab(page, 'event')
    await page.getByTestId('event-json').fill('{"order": "A-1042"}')
    await page.getByTestId('save-event-name').fill('order-a1042')
    await page.getByTestId('save-event').click()
    await expect(page.getByTestId('save-event-message')).toHaveText('Saved “order-a1042”.')
    await page.reload()
    await expect(codeView(page)).toContainText('draft survives', SLOW)
    await tab(page, 'config')
    await expect(page.getByTestId('config-memory')).toHaveValue('512')
    await tab(page, 'event')
    await expect(page.getByTestId('event-json')).toHaveValue('{"order": "A-1042"}')
    await expect(page.getByTestId('event-picker')).toHaveValue('saved:order-a1042')
  })

  test('the 11th saved event is refused with the console’s limit message', async ({ page }) => {
    await openPlayground(page)
    await tab(page, 'event')
    for (let i = 1; i <= 11; i++) {
      await page.getByTestId('save-event-name').fill(`event-${i}`)
      await page.getByTestId('save-event').click()
    }
    await expect(page.getByTestId('save-event-message')).toHaveText(
      'You have reached the limit of 10 saved test events for this function. Delete a saved event, or overwrite one, to save a new one.',
    )
    await expect(page.getByText('(10 of 10)')).toBeVisible()
  })

  test('corrupt storage: the playground says what it repaired and works [allows page errors]', async ({ page }) => {
    await page.goto('./#/')
    await page.evaluate(
      (k) =>
        localStorage.setItem(
          k,
          '{"state": {"workspaces": {"playground:default": {"files": 7, "config": {"memory": "256"}}}}, "version": 1}',
        ),
      KEY,
    )
    await openPlayground(page)
    await expect(page.getByTestId('pg-load-notice')).toContainText(
      'The code in the playground could not be read, so it was reset to the starter code.',
    )
    await tab(page, 'config')
    await expect(page.getByTestId('config-memory')).toHaveValue('256')
    await invokeAndWait(page)
    await expect(page.getByTestId('result-status')).toContainText('succeeded')
    expect(await page.evaluate(() => localStorage.getItem('lf-playground:unreadable-backup'))).toContain('"files": 7')
  })

  test('a share link round-trips, opens as a separate copy, never runs by itself, and asks before replacing', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000)
    await openPlayground(page)
    const code = 'export const handler = async (event) => ({ shared: event.item });'
    await setCode(page, code)
    await tab(page, 'event')
    await page.getByTestId('event-json').fill('{"item": "teapot"}')
    await tab(page, 'config')
    await page.getByTestId('config-timeout').fill('7')
    await page.getByTestId('share').click()
    const url = await page.getByTestId('share-url').inputValue()
    expect(url).toMatch(/#\/playground\?s=z1\.[A-Za-z0-9_-]+$/)
    // The learner's own playground then changes.
    await setCode(page, 'export const handler = async () => "mine";')
    await page.waitForTimeout(600) // the store coalesces writes

    const other = await context.newPage()
    await other.goto(url)
    await expect(other.getByTestId('shared-banner')).toBeVisible(SLOW)
    await expect(other).toHaveURL(/#\/playground\?w=share%3A[0-9a-z]+$/)
    await expect(codeView(other)).toContainText('shared: event.item', SLOW)
    await other.getByTestId('pg-tab-event').click()
    await expect(other.getByTestId('event-json')).toHaveValue('{"item": "teapot"}')
    await other.getByTestId('pg-tab-config').click()
    await expect(other.getByTestId('config-timeout')).toHaveValue('7')
    // Nothing ran: no result, no logs.
    await other.getByTestId('pg-tab-result').click()
    await expect(other.getByTestId('result-status')).toHaveCount(0)
    await other.getByTestId('pg-tab-logs').click()
    await expect(other.getByTestId('logs')).toContainText('No logs yet')
    // Invoking is the learner's choice.
    await other.getByTestId('invoke').click()
    await expect(other.getByTestId('response')).toContainText('"shared": "teapot"', SLOW)
    // Adopting it asks first, then replaces the learner's playground.
    await other.getByTestId('adopt').click()
    await expect(
      other.getByText('Replace the code, test event and settings of your playground with this one?'),
    ).toBeVisible()
    await other.getByTestId('adopt-confirm').click()
    await expect(other).toHaveURL(/#\/playground$/)
    await expect(codeView(other)).toContainText('shared: event.item', SLOW)
    await other.close()
  })

  test('a malformed or hostile share link shows the decode error and runs nothing', async ({ page }) => {
    for (const bad of ['z1.@@@', 'z9.abcd', 'nonsense', 'z1.' + 'A'.repeat(4001)]) {
      await page.goto(`./#/playground?s=${encodeURIComponent(bad)}`)
      await expect(page.getByTestId('share-open-error')).toBeVisible(SLOW)
      await expect(page.getByTestId('share-open-error')).toContainText('Nothing was run and nothing was changed.')
      await expect(page.getByTestId('result-status')).toHaveCount(0)
    }
  })

  test('a lesson page without a playground loads neither QuickJS nor Monaco', async ({ page }) => {
    const urls: string[] = []
    page.on('request', (r) => urls.push(r.url()))
    const withoutLab = lessons.find((l) => l.labs.length === 0)!
    await page.goto(`./#/lessons/${withoutLab.slug}`)
    await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    const heavy = urls.filter((u) =>
      /emscripten-module|lambda\.worker|quickjs|MonacoPane|editor\.worker|ts\.worker/i.test(u),
    )
    expect(heavy).toEqual([])
    // ... and the playground does load them.
    await openPlayground(page)
    await editor(page)
    await invokeAndWait(page)
    expect(urls.some((u) => /emscripten-module.*\.wasm$/.test(u))).toBe(true)
    expect(urls.some((u) => /MonacoPane/.test(u))).toBe(true)
  })

  test('phone width: stacked with tabs, no horizontal page scroll, invoke works', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await openPlayground(page)
    await expect(page.getByTestId('pg-tab-code')).toHaveAttribute('aria-selected', 'true')
    await editor(page)
    await invokeAndWait(page)
    await expect(page.getByTestId('pg-tab-result')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('result-status')).toContainText('succeeded')
    for (const t of ['timeline', 'logs', 'config', 'event'] as const) {
      await tab(page, t)
      const { sw, cw } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
      }))
      expect(sw, `page scrolls sideways on the ${t} tab`).toBeLessThanOrEqual(cw)
    }
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations on /playground (${theme}), before and after an invoke`, async ({ page }) => {
      test.setTimeout(120_000)
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
      await openPlayground(page)
      await editor(page)
      const check = async (what: string) => {
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze()
        const summary = results.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
              .slice(0, 5)
              .map((n) => n.target.join(' '))
              .join('\n  ')}`,
        )
        expect(summary, `${what}:\n${summary.join('\n')}`).toEqual([])
      }
      await check('event tab')
      await tab(page, 'timeline')
      await page.getByTestId('invoke-5').click()
      await expect(page.getByTestId('timeline-summary')).toContainText('5 invocations', SLOW)
      await page.getByText('Timeline as a table').click()
      await check('timeline tab')
      await tab(page, 'result')
      await check('result tab')
      await tab(page, 'config')
      await check('config tab')
      await tab(page, 'logs')
      await expect(page.getByTestId('log-events')).toBeVisible()
      await check('logs tab')
    })
  }
})
