import AxeBuilder from '@axe-core/playwright'
import { expect, lessons, test } from './fixtures.ts'

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
      }
      // Open the disclosures so their content is checked too.
      for (const d of await page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''))
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
      expect(summary, summary.join('\n')).toEqual([])
    })
  }
}
