import { expect, lessons, noLabLesson, openLesson, passLessonChecks, ready, test } from './fixtures.ts'
import type { Page } from '@playwright/test'

const KEY = 'lf-progress'
const [l1, l2] = lessons

async function seed(page: Page, value: string) {
  await page.goto('./')
  await ready(page)
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value])
  await page.reload()
  await ready(page)
}

const garbage: [string, string][] = [
  ['not JSON at all', '{{{ this is not json'],
  ['a foreign object', JSON.stringify({ hello: 'world', items: [1, 2, 3] })],
  ['a number', '42'],
  ['null state', JSON.stringify({ state: null, version: 2 })],
  ['wrong types everywhere', JSON.stringify({ state: { lessons: 'yes', lastLocation: 7 }, version: 2 })],
]

for (const [name, value] of garbage) {
  test(`storage holding ${name} is recovered from: the app starts, says what it reset, and works`, async ({ page }) => {
    await seed(page, value)
    const notice = page.getByTestId('load-notice')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('reset')
    // The app works: lessons listed, a lesson opens and records progress.
    await expect(page.getByTestId('lesson-row')).toHaveCount(lessons.length)
    await openLesson(page, noLabLesson.slug)
    await passLessonChecks(page, noLabLesson.slug)
    await page.reload()
    await expect(page.getByTestId('lesson-status')).toHaveText('Completed')
    // The repaired record was saved: no notice on the next load; the original is backed up.
    await expect(page.getByTestId('load-notice')).toHaveCount(0)
    expect(await page.evaluate(() => localStorage.getItem('lf-progress:unreadable-backup'))).toBe(value)
  })
}

test('a partly corrupt record keeps its valid parts and resets only the rest', async ({ page }) => {
  const t = '2026-01-02T03:04:05.000Z'
  await seed(
    page,
    JSON.stringify({
      version: 2,
      state: {
        lessons: {
          [l1.slug]: { firstVisitedAt: t, lastVisitedAt: t, completedAt: t },
          [l2.slug]: { firstVisitedAt: 'yesterday', lastVisitedAt: 12, completedAt: {} },
        },
        lastLocation: { slug: l1.slug, section: null, at: t },
      },
    }),
  )
  const notice = page.getByTestId('load-notice')
  await expect(notice).toContainText(`Progress for the lesson "${l2.slug}" was unreadable`)
  const rows = page.getByTestId('lesson-row')
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'completed')
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'not-started')
  await notice.getByRole('button', { name: 'Dismiss this notice' }).click()
  await expect(notice).toHaveCount(0)
})

test('an old (version 1) record is migrated without a notice', async ({ page }) => {
  await seed(
    page,
    JSON.stringify({
      version: 1,
      state: {
        visited: [l1.slug, l2.slug],
        completed: [l1.slug],
        lastLesson: l2.slug,
        updatedAt: Date.UTC(2026, 0, 5),
      },
    }),
  )
  await expect(page.getByTestId('load-notice')).toHaveCount(0)
  const rows = page.getByTestId('lesson-row')
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'completed')
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'in-progress')
  await expect(page.getByTestId('continue-link')).toContainText(l2.title)
  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) as string)
  expect(stored.version).toBe(3)
  expect(stored.state.lessons[l1.slug].completedAt).toBe('2026-01-05T00:00:00.000Z')
})
