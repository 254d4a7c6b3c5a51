import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, lessons, openLesson, test } from './fixtures.ts'

const lesson = lessons.find((l) => l.labs.includes('first-handler'))!
// Lesson 1 opens with its lab (near the top, so it loads with the page); lesson 2's lab is far
// down the page, which is what the load-on-approach tests need.
const deep = lessons.find((l) => l.labs.includes('sync-async-errors'))!

async function openLab(page: Page) {
  await openLesson(page, lesson.slug)
  const lab = page.locator('[data-lab-id="first-handler"]')
  const heading = lab.getByRole('heading', { level: 2 })
  // The placeholder card gives way to the lab while the page settles: scroll again until it is in.
  await expect(async () => {
    await lab.scrollIntoViewIfNeeded({ timeout: 5_000 })
    await expect(heading).toBeVisible({ timeout: 5_000 })
  }).toPass({ timeout: 60_000 })
  return lab
}

test('a lesson loads its lab, the Worker and the WebAssembly only when the reader nears the lab', async ({ page }) => {
  test.setTimeout(120_000)
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const heavy = () =>
    requests.filter((u) => /\.wasm(\?|$)|lambda\.worker|\/LabView-|\/PlaygroundPanel-|MonacoPane|monaco/i.test(u))
  await openLesson(page, deep.slug)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(500)
  expect(heavy(), 'nothing of the lab loads while the reader is at the top').toEqual([])

  // Its place is held: a card of about the lab's size, saying what will be there.
  const lab = page.locator('[data-lab-id="sync-async-errors"]')
  await expect(lab).toContainText('Hands-on lab')
  expect((await lab.boundingBox())!.height).toBeGreaterThan(1000)

  // Scrolling to it loads it, and it works.
  await lab.scrollIntoViewIfNeeded()
  await expect(lab.getByRole('heading', { level: 2 })).toBeVisible({ timeout: 30_000 })
  await lab.getByTestId('invoke').click()
  await expect(lab.getByTestId('result-status')).toBeVisible({ timeout: 60_000 })
  expect(requests.some((u) => /\.wasm(\?|$)/.test(u))).toBe(true)
  expect(requests.some((u) => /lambda\.worker/.test(u))).toBe(true)
})

test('a link to the section after a lab loads the lab, and the section stays in view', async ({ page }) => {
  test.setTimeout(120_000)
  await openLesson(page, deep.slug, '?section=summary')
  const lab = page.locator('[data-lab-id="sync-async-errors"]')
  // Two screens above the reader: near enough to load without scrolling.
  await expect(lab.getByTestId('invoke')).toBeAttached({ timeout: 60_000 })
  await expect(page.locator('#summary')).toBeInViewport()
})

test('a lab: checks fail on the starter, the solution diff fixes it (undoably), checks pass, completion is saved', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const lab = await openLab(page)

  // Hints come one at a time.
  await lab.getByRole('button', { name: /Show a hint \(1 of \d\)/ }).click()
  await expect(lab.getByRole('note', { name: /^Hint 1 of/ })).toBeVisible()
  await expect(lab.getByRole('note', { name: /^Hint 2 of/ })).toHaveCount(0)

  // The lab's events are its saved test events: the first is selected, the others can be picked.
  await expect(lab.locator('.pg-event-name')).toHaveText('Event: get-teapot-blue (saved)')
  await lab.getByTestId('pg-tab-event').click()
  const picker = lab.getByTestId('event-picker')
  await expect(picker.locator('optgroup[label="Saved events"] option')).toHaveText([
    'get-teapot-blue',
    'list-products',
    'get-kettle-gold',
  ])
  await picker.selectOption('saved:list-products')
  await expect(lab.getByTestId('event-json')).toHaveValue(/"resource": "\/products"/)
  await lab.getByTestId('invoke').click()
  // The starter reads event.pathParameters.id, and pathParameters is null for GET /products.
  await expect(lab.getByTestId('error-message')).toContainText("Cannot read properties of null (reading 'id')", {
    timeout: 60_000,
  })

  await lab.getByTestId('run-checks').click()
  await expect(lab.getByTestId('lab-result-title')).toHaveText(/^0 of \d checks passed\.$/, { timeout: 90_000 })
  const failed = lab.getByTestId('lab-check')
  await expect(failed.first()).toContainText('failed')

  // Show the solution as a diff, use it, undo, use it again.
  await lab.getByRole('button', { name: 'Show the solution' }).click()
  const solution = lab.getByRole('region', { name: 'The solution, as changes to your code' })
  await expect(solution.locator('.lab-diff-add').first()).toBeVisible()
  await solution.getByRole('button', { name: 'Use the solution' }).click()
  await expect(lab.getByRole('region', { name: 'The solution, as changes to your code' })).toContainText(
    'Your code is the same as the solution.',
  )
  await lab.getByRole('button', { name: 'Undo: restore my code' }).click()
  await expect(solution.locator('.lab-diff-add').first()).toBeVisible()
  await solution.getByRole('button', { name: 'Use the solution' }).click()

  // The draft survives a reload.
  await page.reload()
  const again = await openLab(page)
  await again.getByRole('button', { name: 'Show the solution' }).click()
  await expect(again.getByRole('region', { name: 'The solution, as changes to your code' })).toContainText(
    'Your code is the same as the solution.',
  )

  await again.getByTestId('run-checks').click()
  await expect(again.getByTestId('lab-result-title')).toHaveText(/^All \d checks passed\. Lab complete!$/, {
    timeout: 90_000,
  })
  await expect(page.getByTestId('complete-card')).toContainText('Hands-on lab')

  await page.goto('./#/progress')
  await expect(page.locator(`[data-testid="progress-lesson"][data-slug="${lesson.slug}"]`)).toContainText('lab passed')
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lf-progress') ?? '{}'))
  expect(stored.state.labs['first-handler'].passedAt).toEqual(expect.any(String))
})

test('reset asks first and can be undone', async ({ page }) => {
  test.setTimeout(120_000)
  const lab = await openLab(page)
  await lab.getByRole('button', { name: 'Show the solution' }).click()
  await lab.getByRole('button', { name: 'Use the solution' }).click()
  await lab.getByRole('button', { name: 'Reset to the starter' }).click()
  await lab.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Reset' }).click()
  await expect(lab.getByRole('region', { name: 'The solution, as changes to your code' })).toContainText(
    'What the solution changes',
  )
  await lab.getByRole('button', { name: 'Undo reset' }).click()
  await expect(lab.getByRole('region', { name: 'The solution, as changes to your code' })).toContainText(
    'Your code is the same as the solution.',
  )
})

test('an embedded lab posts a passed statement to its host page', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto(`./embed-example.html?src=${encodeURIComponent('./#/embed/lab/first-handler')}`)
  const frame = page.frameLocator('#frame')
  const lab = frame.locator('[data-lab-id="first-handler"]')
  await expect(lab.getByRole('heading', { level: 2 })).toBeVisible({ timeout: 60_000 })
  await lab.getByRole('button', { name: 'Show the solution' }).click()
  await lab.getByRole('button', { name: 'Use the solution' }).click()
  await lab.getByTestId('run-checks').click()
  await expect(lab.getByTestId('lab-result-title')).toHaveText(/Lab complete/, { timeout: 120_000 })
  const got = await page.waitForFunction(() => {
    const r = (window as unknown as { received: { type: string }[] }).received.filter(
      (m) => m.type === 'lambda-foundations:statement',
    )
    return r.length > 0 ? r : null
  })
  const [msg] = (await got.jsonValue()) as unknown as {
    kind: string
    statement: { verb: { display: { 'en-US': string } }; result: { success: boolean; completion: boolean } }
  }[]
  expect(msg!.kind).toBe('lab')
  expect(msg!.statement.verb.display['en-US']).toBe('passed')
  expect(msg!.statement.result).toMatchObject({ success: true, completion: true })
})

test('axe is clean on a lesson with a lab', async ({ page }) => {
  test.setTimeout(180_000)
  const lab = await openLab(page)
  await expect(lab.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 })
  const results = await new AxeBuilder({ page })
    .include('[data-lab-id]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  )
  expect(summary, summary.join('\n')).toEqual([])
})
