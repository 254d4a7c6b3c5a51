/**
 * The account in the playground (issue 13): a handler's call that IAM denies shows "Denied, because…"
 * in the Calls view and beside the error in the Result tab, with the closest statement highlighted;
 * the Permissions view lists the execution role and the resource-based policy; a reload keeps the
 * account (saved with the playground, restored into the Worker). Screenshots: desktop and phone,
 * light and dark.
 */
import type { Browser, Page } from '@playwright/test'
import { ORDER_HANDLER, SEEDED_ROLE, SEEDED_SNAPSHOT } from './account-ui-seed.ts'
import { expect, test } from './fixtures.ts'

const KEY = 'lf-playground'
const SLOW = { timeout: 60_000 }

/** A playground whose saved record holds our handler and our account, as if the learner had made them. */
async function seededPlayground(browser: Browser, baseURL: string, options: { dark?: boolean; phone?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL,
    colorScheme: options.dark ? 'dark' : 'light',
    ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  })
  await context.addInitScript(
    ([k, handler, snapshot]) => {
      if (sessionStorage.getItem('lf-e2e-seeded')) return
      sessionStorage.setItem('lf-e2e-seeded', '1')
      const ws = {
        files: { 'index.mjs': handler },
        activeFile: 'index.mjs',
        config: { handler: 'index.handler', runtime: 'nodejs22.x', memory: '2048', timeout: '30', env: [] },
        eventText: '{"id": "o-1"}',
        eventSource: { kind: 'custom' },
        savedEvents: [],
        updatedAt: '2026-12-08T00:00:00.000Z',
      }
      const record = {
        state: {
          workspaces: { 'playground:default': ws },
          account: { snapshot, savedAt: '2026-12-08T00:00:00.000Z' },
        },
        version: 2,
      }
      localStorage.setItem(k, JSON.stringify(record))
    },
    [KEY, ORDER_HANDLER, SEEDED_SNAPSHOT] as const,
  )
  const page = await context.newPage()
  await page.goto('./#/playground')
  await expect(page.getByTestId('invoke')).toBeVisible(SLOW)
  return { context, page }
}

/**
 * Invokes until the handler gets past Init: on a loaded machine, evaluating the SDK in the first
 * environment can exceed Lambda's 10-second init limit (Sandbox.Timedout); the next environment is warm.
 */
async function invokeUntilDenied(page: Page) {
  for (let i = 0; i < 4; i++) {
    await invoke(page)
    if ((await page.getByTestId('error-type').textContent()) !== 'Sandbox.Timedout') return
  }
}

async function invoke(page: Page) {
  const status = page.getByTestId('result-status')
  const before = (await status.count()) ? await status.getAttribute('data-request-id') : null
  await page.getByTestId('invoke').click()
  await expect
    .poll(async () => {
      if (await page.getByTestId('service-error').count()) return 'service error'
      const id = (await status.count()) ? await status.getAttribute('data-request-id') : null
      return id && id !== before ? 'result' : 'waiting'
    }, SLOW)
    .toBe('result')
  await page.getByTestId('pg-tab-result').click()
}

test.describe('the account in the playground', () => {
  test.describe.configure({ timeout: 360_000 })

  test('a denied call explains itself in Result and Calls; Permissions lists the role and resource policy; reload keeps the account', async ({
    browser,
    baseURL,
  }, testInfo) => {
    // Invoked at a phone's width first. On a loaded machine, evaluating the SDK in Init can run past
    // Lambda's 10-second init limit (Sandbox.Timedout): invokeUntilDenied tries again, up to 4 times.
    const { context, page } = await seededPlayground(browser, baseURL!, { phone: true })
    await expect(page.getByTestId('pg-load-notice')).toHaveCount(0)
    await invokeUntilDenied(page)
    await expect(page.getByTestId('error-type')).toHaveText('AccessDeniedException', SLOW)
    const beside = page.getByTestId('result-denial')
    await expect(beside).toContainText('Denied, because')
    await expect(beside).toContainText(`assumed-role/${SEEDED_ROLE}/playground-default`)
    await expect(beside).toContainText('No statement matched')
    await expect(beside.getByTestId('policy-highlight')).toContainText('"Sid": "ArchiveOnly"')

    await page.getByTestId('pg-tab-calls').click()
    const calls = page.getByTestId('calls')
    await expect(calls.locator('[data-testid="call-row"][data-outcome="Denied"]').first()).toContainText(
      'dynamodb:PutItem',
    )
    await expect(calls.getByTestId('denial')).toContainText(
      'Denied, because no statement in the identity-based policies',
    )
    await expect(calls.getByTestId('policy-highlight')).toContainText('table/archive')

    await page.getByTestId('pg-tab-permissions').click()
    const perms = page.getByTestId('permissions')
    await expect(perms.getByTestId('role-name')).toHaveText(SEEDED_ROLE, SLOW)
    await expect(perms.getByTestId('resource-summary')).toContainText('Amazon DynamoDB')
    await expect(perms.getByTestId('resource-summary')).toContainText('Amazon CloudWatch Logs')
    await expect(perms.getByTestId('resource-policy')).toContainText('s3-invoke')
    await expect(perms.getByTestId('resource-policy')).toContainText('s3.amazonaws.com')
    await expect(perms.getByTestId('resource-policy')).toContainText('arn:aws:s3:::orders-uploads')
    await perms.getByTestId('role-name').click()
    await expect(perms.getByTestId('role-details')).toHaveAttribute('open', '')

    // Screenshots: desktop and phone, light and dark, of Result, Calls and Permissions.
    for (const [name, width, height, theme] of [
      ['desktop-light', 1280, 900, 'Light theme'],
      ['desktop-dark', 1280, 900, 'Dark theme'],
      ['phone-light', 390, 844, 'Light theme'],
      ['phone-dark', 390, 844, 'Dark theme'],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.getByRole('button', { name: theme }).click()
      for (const view of ['result', 'calls', 'permissions'] as const) {
        await page.getByTestId(`pg-tab-${view}`).click()
        const shown = page.getByTestId(view === 'result' ? 'result-denial' : view)
        await expect(shown).toBeVisible()
        await shown.scrollIntoViewIfNeeded()
        await page.screenshot({ path: testInfo.outputPath(`account-${view}-${name}.png`) })
      }
    }

    // The account is saved with the playground: a reload restores it into a fresh Worker.
    await expect
      .poll(
        () =>
          page.evaluate(
            (k) => JSON.parse(localStorage.getItem(k) ?? '{}').state?.account?.snapshot?.services?.iam?.roles?.length,
            KEY,
          ),
        SLOW,
      )
      .toBe(1)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect(page.getByTestId('invoke')).toBeVisible(SLOW)
    await expect(page.getByTestId('pg-load-notice')).toHaveCount(0)
    // The fresh Worker has the saved account; the function is deployed again on the next invoke, and
    // finds its role (and its resource-based policy) there.
    await invokeUntilDenied(page)
    await expect(page.getByTestId('error-type')).toHaveText('AccessDeniedException', SLOW)
    await page.getByTestId('pg-tab-permissions').click()
    await expect(page.getByTestId('role-name')).toHaveText(SEEDED_ROLE, SLOW)
    await expect(page.getByTestId('resource-policy')).toContainText('s3-invoke')
    await context.close()
  })
})
