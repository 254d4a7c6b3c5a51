import { readFile } from 'node:fs/promises'
import { expect, lessons, noLabLesson, openLesson, passLessonChecks, test } from './fixtures.ts'

// l1 completes by passing its checks (it has no lab); l2 is only visited.
const l1 = noLabLesson
const l2 = lessons.find((l) => l.slug !== l1.slug)!

test('progress exports to JSON and imports back (round trip)', async ({ page }) => {
  await openLesson(page, l1.slug)
  await passLessonChecks(page, l1.slug)
  await openLesson(page, l2.slug)

  await page.goto('./#/progress')
  await expect(page.locator('h1')).toHaveText('Your progress')
  await expect(page).toHaveTitle('Your progress · Lambda Foundations')
  await expect(page.getByTestId('completed-count')).toHaveText(`1 of ${lessons.length}`)
  const row = (slug: string) => page.locator(`[data-testid="progress-lesson"][data-slug="${slug}"]`)
  await expect(row(l1.slug)).toHaveAttribute('data-status', 'completed')
  await expect(row(l2.slug)).toHaveAttribute('data-status', 'in-progress')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-progress').click()])
  expect(download.suggestedFilename()).toMatch(/^lambda-foundations-progress-\d{4}-\d{2}-\d{2}\.json$/)
  const text = await readFile((await download.path()) as string, 'utf8')
  const exported = JSON.parse(text)
  expect(exported.format).toBe('lambda-foundations-progress')
  expect(exported.version).toBe(3)
  expect(Object.keys(exported.progress.lessons).sort()).toEqual([l1.slug, l2.slug].sort())
  expect(exported.progress.lessons[l1.slug].completedAt).toEqual(expect.any(String))

  // Reset, then import the file back.
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Reset progress' }).click()
  await expect(page.getByTestId('completed-count')).toHaveText(`0 of ${lessons.length}`)
  await expect(row(l1.slug)).toHaveAttribute('data-status', 'not-started')

  await page
    .getByTestId('import-progress')
    .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByTestId('transfer-message')).toContainText('Progress imported from “progress.json”: 2 lessons')
  await expect(row(l1.slug)).toHaveAttribute('data-status', 'completed')
  await expect(row(l2.slug)).toHaveAttribute('data-status', 'in-progress')

  // It is persisted, not just shown.
  await page.reload()
  await expect(page.getByTestId('completed-count')).toHaveText(`1 of ${lessons.length}`)
})

const bad: [string, string, RegExp][] = [
  ['not JSON', 'hello, world', /not valid JSON/],
  ['someone else’s JSON', JSON.stringify({ users: [1, 2] }), /not a Lambda Foundations progress export/],
  [
    'a newer format',
    JSON.stringify({ format: 'lambda-foundations-progress', version: 99, progress: {} }),
    /newer version/,
  ],
  [
    'a damaged export',
    JSON.stringify({
      format: 'lambda-foundations-progress',
      version: 2,
      exportedAt: '2026-01-01T00:00:00.000Z',
      progress: { lessons: { 'a-lesson': { firstVisitedAt: 'nope' } } },
    }),
    /damaged/,
  ],
]

for (const [name, content, message] of bad) {
  test(`importing ${name} shows a clear message and changes nothing`, async ({ page }) => {
    await openLesson(page, l1.slug)
    await passLessonChecks(page, l1.slug)
    await page.goto('./#/progress')
    const before = await page.evaluate(() => localStorage.getItem('lf-progress'))
    await page
      .getByTestId('import-progress')
      .setInputFiles({ name: 'file.json', mimeType: 'application/json', buffer: Buffer.from(content) })
    const msg = page.getByTestId('transfer-message')
    await expect(msg).toContainText(message)
    await expect(msg).toContainText('Nothing was changed')
    await expect(msg).toHaveAttribute('role', 'alert')
    await expect(page.getByTestId('completed-count')).toHaveText(`1 of ${lessons.length}`)
    expect(await page.evaluate(() => localStorage.getItem('lf-progress'))).toBe(before)
  })
}
