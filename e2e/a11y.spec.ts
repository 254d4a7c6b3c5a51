import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, lessons, test } from './fixtures.ts'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  )
}

/** Figures and labs load as the reader nears them: scroll through the lesson so axe sees them all. */
async function scrollThrough(page: Page) {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y)
    await page.waitForTimeout(60)
  }
  await expect(page.getByText('Loading the figure…')).toHaveCount(0, { timeout: 30_000 })
  for (const lab of await page.locator('[data-lab-id]').all())
    await expect(lab.getByTestId('playground')).toBeVisible({ timeout: 60_000 })
  await page.evaluate(() => window.scrollTo(0, 0))
}

const pages = [
  { name: 'home', hash: '#/' },
  ...lessons.map((l) => ({ name: `lesson ${l.slug}`, hash: `#/lessons/${l.slug}` })),
  { name: 'progress', hash: '#/progress' },
  { name: 'assessment', hash: '#/assessment' },
  { name: 'instructors', hash: '#/instructors' },
  { name: '404', hash: '#/no-such-page' },
]

for (const theme of ['light', 'dark'] as const) {
  for (const p of pages) {
    test(`axe finds no violations on ${p.name} (${theme})`, async ({ page }) => {
      test.setTimeout(120_000) // axe on a long lesson is slow on a busy 2-core machine
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
      await page.goto(`./${p.hash}`)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expect(page.locator('#main h1')).toBeVisible()
      if (p.hash.startsWith('#/lessons/')) {
        await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
        // Knowledge checks load after the text: wait for them too.
        await expect(page.locator('.quiz').first()).toBeVisible()
        await expect(page.locator('.quiz-loading')).toHaveCount(0)
        await expect(page.locator('.activity-check-placeholder')).toHaveCount(0)
        await scrollThrough(page)
      }
      // Open the disclosures so their content is checked too.
      for (const d of await page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''))
      const summary = await violations(page)
      expect(summary, summary.join('\n')).toEqual([])
    })
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations while a lesson is still loading (${theme})`, async ({ page }) => {
    test.setTimeout(120_000)
    // Hold the lesson's own chunk (assets/NN-<slug>-<hash>.js) back, so the page shows its skeleton.
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    await page.route(/\/assets\/\d{2}-[^/]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    await page.goto(`./#/lessons/${lessons[0]!.slug}`)
    await expect(page.locator('#main h1')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Loading the lesson…' })).toBeAttached()
    const summary = await violations(page)
    expect(summary, summary.join('\n')).toEqual([])
    release()
    await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Loading the lesson…' })).toHaveCount(0)
  })
}
