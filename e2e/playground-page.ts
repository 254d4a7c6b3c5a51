/**
 * The playground as a learner drives it, for every spec that opens one: open it, paste code,
 * set the event, switch tabs, invoke and wait for this invocation's outcome, read the response.
 */
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** Lazy chunks (the playground, Monaco, the engine's WebAssembly) load slowly on a busy CI machine. */
export const SLOW = { timeout: 60_000 }

export type PlaygroundTab = 'event' | 'config' | 'result' | 'logs' | 'timeline' | 'code'

export async function openPlayground(page: Page, hash = '#/playground') {
  await page.goto(`./${hash}`)
  await expect(page.locator('#main h1')).toHaveText('Playground', SLOW)
  await expect(page.getByTestId('invoke')).toBeVisible(SLOW)
}

/** The Monaco editor, once loaded (the light placeholder comes first). */
export async function editor(page: Page) {
  const ed = page.getByTestId('playground').locator('.monaco-editor').first()
  await expect(ed).toBeVisible(SLOW)
  return ed
}

/**
 * Replaces the open file's text the way a learner pastes it: select all, paste. (Typing or
 * inserting text would go through Monaco's auto-closing brackets and auto-indent.)
 */
export async function setCode(page: Page, code: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const ed = await editor(page)
  await ed.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((text) => navigator.clipboard.writeText(text), code)
  await page.keyboard.press('ControlOrMeta+V')
  await expect(ed.locator('.view-lines')).toContainText(code.split('\n')[0].trim().slice(0, 30))
}

export async function tab(page: Page, name: PlaygroundTab) {
  await page.getByTestId(`pg-tab-${name}`).click()
}

/** Types the test event's JSON text (Event tab). */
export async function setEvent(page: Page, text: string) {
  await tab(page, 'event')
  await page.getByTestId('event-json').fill(text)
}

/**
 * Clicks Invoke and waits for this invocation's outcome (a new request ID, or a service error),
 * whichever tab is shown; answers which it was. `show` opens a tab afterwards.
 */
export async function invokeAndWait(page: Page, show?: PlaygroundTab): Promise<'result' | 'service error'> {
  const status = page.getByTestId('result-status')
  const serviceError = page.getByTestId('service-error')
  const before = (await status.count()) ? await status.getAttribute('data-request-id') : null
  await page.getByTestId('invoke').click()
  let outcome: 'result' | 'service error' | 'waiting' = 'waiting'
  await expect
    .poll(async () => {
      if (await serviceError.count()) return (outcome = 'service error')
      const id = (await status.count()) ? await status.getAttribute('data-request-id') : null
      return (outcome = id && id !== before ? 'result' : 'waiting')
    }, SLOW)
    .not.toBe('waiting')
  await expect(page.getByTestId('invoke')).toHaveText('Invoke', SLOW)
  if (show) await tab(page, show)
  return outcome as 'result' | 'service error'
}

/** The response as JSON (the Result tab shows it pretty-printed). */
export async function response(page: Page): Promise<unknown> {
  return JSON.parse((await page.getByTestId('response').textContent()) ?? 'null')
}
