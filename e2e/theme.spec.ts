import { expect, lessons, openLesson, ready, test } from './fixtures.ts'

test('the theme follows the system preference until the learner picks one', async ({ browser, baseURL }) => {
  const dark = await browser.newContext({ colorScheme: 'dark', baseURL })
  const page = await dark.newPage()
  await page.goto('./')
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true')
  await dark.close()
})

test('the theme toggle persists across a reload, with no flash of the other theme', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  const bgLight = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)

  await page.getByRole('button', { name: 'Dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  const bgDark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bgDark).not.toBe(bgLight)

  // Record the theme as soon as the document exists, before any app script runs.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      ;(window as unknown as { __themeAtDomReady: string | null }).__themeAtDomReady =
        document.documentElement.getAttribute('data-theme')
    })
  })
  await page.reload()
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await page.evaluate(() => (window as unknown as { __themeAtDomReady: string | null }).__themeAtDomReady)).toBe(
    'dark',
  )

  // It holds on other pages too, and "light" overrides a dark system preference.
  await openLesson(page, lessons[0].slug)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: 'Light theme' }).click()
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: 'System theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
