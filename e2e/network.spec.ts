/**
 * The playground's network (issue 13): the simulation has no internet. A handler's fetch to an
 * unknown host fails as on Lambda (TypeError: fetch failed, cause getaddrinfo ENOTFOUND) and the
 * playground says so plainly; a host the workspace declares in hosts.json answers.
 */
import type { Page } from '@playwright/test'
import { SLOW, invokeAndWait, openPlayground, setEvent } from './playground-page.ts'
import { expect, test } from './fixtures.ts'

const KEY = 'lf-playground'

const HANDLER = `export const handler = async (event) => {
  try {
    const res = await fetch(event.url)
    return { status: res.status, body: await res.json() }
  } catch (err) {
    return { error: err.message, cause: err.cause && err.cause.message, code: err.cause && err.cause.code }
  }
}`
const HOSTS = JSON.stringify(
  { 'api.example.com': { latencyMs: 40, routes: { 'GET /hello': { json: { message: 'hi from the fake API' } } } } },
  null,
  2,
)

/** Invokes with this event and waits for the result. */
async function invokeWith(page: Page, event: object) {
  await setEvent(page, JSON.stringify(event))
  expect(await invokeAndWait(page, 'result')).toBe('result')
}

test.describe('playground network', () => {
  test.describe.configure({ timeout: 120_000 })

  test('an unknown host is fetch failed / ENOTFOUND with a plain message; a host declared in hosts.json answers', async ({
    page,
  }) => {
    await openPlayground(page)
    // Let the playground save its workspace, then give it our handler and a hosts.json.
    await page.getByTestId('pg-tab-event').click()
    await page.getByTestId('event-json').fill('{}')
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY), SLOW).not.toBeNull()
    // Before the app's scripts on the next load (the app would write its own state over ours on unload).
    await page.addInitScript(
      ([k, handler, hosts]) => {
        if (sessionStorage.getItem('lf-e2e-seeded')) return
        sessionStorage.setItem('lf-e2e-seeded', '1')
        const saved = JSON.parse(localStorage.getItem(k)!)
        const ws = saved.state.workspaces['playground:default']
        ws.files = { 'index.mjs': handler, 'hosts.json': hosts }
        ws.activeFile = 'index.mjs'
        localStorage.setItem(k, JSON.stringify(saved))
      },
      [KEY, HANDLER, HOSTS],
    )
    await page.reload()
    await expect(page.getByTestId('invoke')).toBeVisible(SLOW)
    await expect(page.getByTestId('playground')).toContainText('hosts.json', SLOW)

    await invokeWith(page, { url: 'https://api.openai.com/v1/models' })
    const result = page.getByTestId('playground')
    await expect(result).toContainText('fetch failed', SLOW)
    await expect(result).toContainText('getaddrinfo ENOTFOUND api.openai.com')
    await expect(result).toContainText('ENOTFOUND')
    const notice = page.getByTestId('pg-network-notice')
    await expect(notice).toContainText('The simulation has no internet')
    await expect(notice).toContainText('Declared hosts: api.example.com.')

    await invokeWith(page, { url: 'https://api.example.com/hello' })
    await expect(result).toContainText('hi from the fake API', SLOW)
    await expect(page.getByTestId('result-status')).toContainText('succeeded')
    await expect(notice).toHaveCount(0)
  })
})
