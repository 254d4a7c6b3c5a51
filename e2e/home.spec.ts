import { expect, lessons, ready, test } from './fixtures.ts'

test('home lists every lesson, grouped by module, with objectives and time estimates', async ({ page }) => {
  expect(lessons.length).toBeGreaterThanOrEqual(2)
  await page.goto('./')
  await ready(page)
  await expect(page).toHaveTitle(/Lambda Foundations/)
  await expect(page.locator('h1')).toHaveCount(1)

  const rows = page.getByTestId('lesson-row')
  await expect(rows).toHaveCount(lessons.length)
  for (const [i, l] of lessons.entries()) {
    const row = rows.nth(i)
    await expect(row.getByRole('link', { name: l.title, exact: true })).toHaveAttribute('href', `#/lessons/${l.slug}`)
    await expect(row).toContainText(l.summary)
    await expect(row).toContainText(`${l.duration} min`)
    await expect(row).toContainText('Not started')
  }
  for (const m of new Set(lessons.map((l) => l.module))) {
    await expect(page.getByRole('heading', { level: 3, name: m })).toBeVisible()
  }
  // A lesson's objectives are one click away.
  const first = rows.first()
  await first.getByText('What you will learn').click()
  await expect(first.getByText(lessons[0].objectives[0])).toBeVisible()
  // Course-level objectives
  await expect(page.getByRole('heading', { name: 'What you will be able to do' })).toBeVisible()
})

test('the start button opens the first lesson, and home then offers to continue there', async ({ page }) => {
  await page.goto('./')
  await page.getByTestId('start-link').click()
  await expect(page).toHaveURL(new RegExp(`#/lessons/${lessons[0].slug}$`))
  await expect(page.locator('h1')).toHaveText(lessons[0].title)
  await expect(page).toHaveTitle(`${lessons[0].title} · Lambda Foundations`)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course', exact: true }).click()
  await ready(page)
  await expect(page.getByTestId('continue-link')).toContainText(lessons[0].title)
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-status', 'in-progress')
})

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  expect(page.url()).not.toContain('#main')
})
