import { expect, noLabLesson, passLessonChecks, lessons, lessonTitle, openLesson, test } from './fixtures.ts'

const [l1, l2] = lessons

test('a lesson opens with its header, and next/previous move between lessons 01 and 02', async ({ page }) => {
  await openLesson(page, l1.slug)
  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.locator('h1')).toHaveText(l1.title)
  await expect(page.getByText(l1.summary)).toBeVisible()
  for (const o of l1.objectives)
    await expect(page.getByRole('region', { name: 'In this lesson you will' })).toContainText(o)
  await expect(page.getByTestId('prev-lesson')).toHaveCount(0)
  // The in-page outline is built on a direct load too (not only after client navigation).
  const firstH2 = (await page.getByTestId('lesson-body').locator('h2[id]').first().textContent()) as string
  await expect(
    page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: firstH2, exact: true }),
  ).toBeVisible()

  await page.getByTestId('next-lesson').click()
  await expect(page).toHaveURL(new RegExp(`#/lessons/${l2.slug}$`))
  await expect(page.locator('h1')).toHaveText(l2.title)
  await expect(page).toHaveTitle(`${l2.title} · Lambda Foundations`)
  await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()

  await page.getByTestId('prev-lesson').click()
  await expect(page).toHaveURL(new RegExp(`#/lessons/${l1.slug}$`))
  await expect(page.locator('h1')).toHaveText(lessonTitle(l1.slug))
})

test('a lesson page loads only its own lesson body', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').pop() as string)
  })
  await openLesson(page, l2.slug)
  expect(scripts.some((s) => s.startsWith(`${String(l2.order).padStart(2, '0')}-${l2.slug}`))).toBe(true)
  for (const other of lessons.filter((l) => l.slug !== l2.slug)) {
    expect(scripts.some((s) => s.startsWith(`${String(other.order).padStart(2, '0')}-${other.slug}`))).toBe(false)
  }
})

test('the in-page outline links to sections, and a ?section= deep link survives a reload', async ({ page }) => {
  await openLesson(page, l2.slug)
  // The lesson's own sections (not the headings inside a lab, which loads later).
  const headings = page.getByTestId('lesson-body').locator(':scope > h2[id]')
  const count = await headings.count()
  expect(count).toBeGreaterThan(2)
  const id = (await headings.nth(count - 1).getAttribute('id')) as string
  const target = page.locator(`#${id}`)
  const text = (await target.textContent()) as string

  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: text, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`#/lessons/${l2.slug}\\?section=${id}$`))
  await expect(target).toBeInViewport()

  await page.reload()
  await expect(page.locator('h1')).toHaveText(l2.title)
  await expect(page.locator(`#${id}`)).toBeInViewport()

  // A fresh deep link in a new page lands on the same place.
  const other = await page.context().newPage()
  await other.goto(`./#/lessons/${l2.slug}?section=${id}`)
  await expect(other.locator(`#${id}`)).toBeInViewport()
  await other.close()
})

test('passing every check completes the lesson; it persists and shows in the sidebar and on home', async ({ page }) => {
  const done = noLabLesson
  await openLesson(page, done.slug)
  await expect(page.getByTestId('lesson-status')).toHaveText('In progress')
  await passLessonChecks(page, done.slug)
  await expect(page.getByTestId('lesson-status')).toHaveText('Completed')
  await expect(page.getByRole('heading', { name: 'Lesson completed' })).toBeVisible()

  await page.reload()
  await expect(page.getByTestId('lesson-status')).toHaveText('Completed')
  await expect(
    page.getByRole('navigation', { name: 'Course contents' }).getByRole('img', { name: 'Completed' }),
  ).toHaveCount(1)

  await page.goto('./')
  await expect(page.locator(`[data-testid="lesson-row"][data-slug="${done.slug}"]`)).toHaveAttribute(
    'data-status',
    'completed',
  )
  // Continue now points at the first unfinished lesson.
  await expect(page.getByTestId('continue-link')).toContainText(l1.title)
})

test('on a phone the course contents are a disclosure that works from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await openLesson(page, l1.slug)
  const toggle = page.getByRole('button', { name: /Course contents/ })
  const toc = page.getByRole('navigation', { name: 'Course contents' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(toc).toBeHidden()
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(toc).toBeVisible()
  await toc.getByRole('link', { name: l2.title }).click()
  await expect(page.locator('h1')).toHaveText(l2.title)
  await expect(page.getByRole('button', { name: /Course contents/ })).toHaveAttribute('aria-expanded', 'false')
})

test('a lesson whose content cannot be downloaded says so and offers a reload', async ({ page }) => {
  const file = `${String(l2.order).padStart(2, '0')}-${l2.slug}`
  await page.route(
    (url) => url.pathname.includes(`/assets/${file}-`),
    (route) => route.abort('failed'),
  )
  await page.goto(`./#/lessons/${l2.slug}`)
  await expect(page.locator('h1')).toHaveText(l2.title)
  await expect(page.getByRole('alert')).toContainText('This lesson could not be loaded')
  await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible()
  // The rest of the page still works.
  await page.getByTestId('prev-lesson').click()
  await expect(page.locator('h1')).toHaveText(l1.title)
})

test('challenges: hint and solution stay hidden until asked for, from the keyboard too, and Try it opens the playground', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openLesson(page, l1.slug)
  const challenges = page.getByRole('region', { name: 'Try it yourself' })
  await challenges.scrollIntoViewIfNeeded()
  const first = challenges.getByRole('article').first()
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('Greet from a JSON body')

  // Nothing of the solution is in the page before it is asked for.
  const solutionText = 'name = JSON.parse(event.body).name'
  await expect(page.getByText(solutionText)).toHaveCount(0)
  const showSolution = first.getByRole('button', { name: 'Show the solution' })
  await expect(showSolution).toHaveAttribute('aria-expanded', 'false')

  // The hint opens on its own, with the keyboard.
  const showHint = first.getByRole('button', { name: 'Show the hint' })
  await showHint.focus()
  await page.keyboard.press('Enter')
  await expect(first.getByRole('region', { name: /^Hint:/ })).toContainText('JSON.parse(event.body)')
  await expect(first.getByRole('button', { name: 'Hide the hint' })).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByText(solutionText)).toHaveCount(0)

  await showSolution.focus()
  await page.keyboard.press('Space')
  await expect(first.getByRole('region', { name: /^Solution:/ })).toContainText(solutionText)
  await first.getByRole('button', { name: 'Hide the solution' }).click()
  await expect(page.getByText(solutionText)).toHaveCount(0)

  // The starter code opens in the playground, with the challenge's test event.
  await first.getByRole('button', { name: 'Open in the playground' }).click()
  await expect(page.getByTestId('shared-banner')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('playground').getByRole('tabpanel', { name: /index\.mjs$/ })).toContainText(
    "event.queryStringParameters?.name ?? 'friend'",
    { timeout: 60_000 },
  )
  await expect(page.getByTestId('event-json')).toHaveValue(/"body":\s*"\{\\"name\\":\\"Ada\\"\}"/)
})
