import { expect, lessons, ready, test } from './fixtures.ts'

const odd = [
  ['an unknown route', '#/no-such-page'],
  ['an unknown lesson slug', '#/lessons/no-such-lesson'],
  ['percent garbage', '#/lessons/%E0%A4%A'],
  ['percent garbage in a route', '#/%%%/%zz'],
  ['a very long URL', `#/lessons/${'x'.repeat(5000)}`],
  ['a lesson with a trailing segment', `#/lessons/${lessons[0].slug}/extra`],
] as const

for (const [name, hash] of odd) {
  test(`${name} lands on the 404 page, which leads home`, async ({ page }) => {
    await page.goto(`./${hash}`)
    await ready(page)
    await expect(page.getByTestId('not-found')).toBeVisible()
    await expect(page.locator('h1')).toHaveText(/We could not find that (page|lesson)/)
    await expect(page).toHaveTitle('Page not found · Lambda Foundations')
    await page.getByRole('link', { name: 'Go to the course overview' }).click()
    await expect(page).toHaveURL(/#\/$/)
    await expect(page.getByTestId('lesson-row')).toHaveCount(lessons.length)
  })
}

test('an unknown ?section= on a real lesson still shows the lesson', async ({ page }) => {
  await page.goto(`./#/lessons/${lessons[0].slug}?section=does-not-exist`)
  await expect(page.locator('h1')).toHaveText(lessons[0].title)
})
