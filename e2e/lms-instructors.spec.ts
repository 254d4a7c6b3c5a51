/**
 * #/instructors: the pack builder (tick lessons, labs and checks; preview; the config to download)
 * and the learner's-eye preview it opens (#/lms/preview, the LMS route with no LMS).
 */
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { readCatalog } from '../scripts/package/catalog.ts'
import { checkPackConfig } from '../src/lms/pack.ts'
import { expect, lessons, test } from './fixtures.ts'

const root = path.resolve(import.meta.dirname, '..')

async function axe(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary, summary.join('\n')).toEqual([])
}

test('the pack builder writes a config the packager accepts, and previews the pack as a learner sees it', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const catalog = await readCatalog(root)
  const first = lessons[0]
  const withLab = lessons.find((l) => l.labs.length > 0 && l.checks.length > 0 && l.slug !== first.slug)!
  await page.goto('./#/instructors')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use Lambda Foundations in your course')
  const config = page.getByTestId('pack-config')
  await expect(config).toContainText(`- lesson: ${first.slug}`)

  // One check and the lab of another lesson.
  const activities = page.getByRole('list', { name: `Activities of “${withLab.title}”` })
  const checkBoxes = activities.getByRole('checkbox')
  await checkBoxes.first().check()
  await activities.getByRole('checkbox', { name: /^Lab / }).check()
  await page.getByLabel('Title (what the LMS shows)').fill('Week 2: handlers')
  await expect(config).toHaveText(
    [
      'id: week-2-handlers',
      'title: "Week 2: handlers"',
      'masteryScore: 0.8',
      'items:',
      `  - lesson: ${first.slug}`,
      `  - check: ${withLab.checks[0]}`,
      `  - lab: ${withLab.labs[0]}`,
      '',
    ].join('\n'),
  )
  await expect(page.getByTestId('pack-summary')).toContainText('3 items')

  // Only cmi5, no pass mark, as JSON.
  await page.getByRole('checkbox', { name: 'SCORM 1.2' }).uncheck()
  await page.getByRole('checkbox', { name: 'SCORM 2004 4th edition' }).uncheck()
  // The last format stays.
  await expect(page.getByRole('checkbox', { name: 'cmi5' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'cmi5' })).toBeDisabled()
  await page.getByRole('checkbox', { name: 'Learners pass at a score of' }).uncheck()
  await page.getByRole('button', { name: 'JSON' }).click()
  const json = JSON.parse((await config.textContent()) ?? '')
  expect(json).toMatchObject({ id: 'week-2-handlers', format: 'cmi5' })
  expect(json.masteryScore).toBeUndefined()

  // A bad id: the problems are shown and nothing can be downloaded.
  await page.getByLabel("Pack id (file names and the LMS's identifier)").fill('Week 2')
  await expect(page.getByTestId('pack-errors')).toContainText('id: "Week 2"; use lowercase words joined by dashes')
  await expect(page.getByRole('button', { name: 'Download Week 2.json' })).toBeDisabled()
  await page.getByLabel("Pack id (file names and the LMS's identifier)").fill('week-2')
  await page.getByRole('button', { name: 'YAML' }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download week-2.yaml' }).click(),
  ])
  const file = await download.path()
  const checked = checkPackConfig(parse(readFileSync(file, 'utf8')), catalog)
  expect(checked.ok && checked.formats).toEqual(['cmi5'])
  await axe(page)

  // The learner's view, with no LMS: nothing is saved, and it says so.
  const [preview] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Try it as a learner' }).click(),
  ])
  await expect(preview.getByTestId('lms-save')).toHaveText('Preview: nothing is saved')
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(first.title)
  await expect(preview.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
  await expect(preview.getByRole('navigation', { name: 'In this pack' }).getByRole('button')).toHaveCount(3)
  await expect(preview.getByTestId('lms-status')).toContainText(
    `0 of ${first.checks.length + first.labs.length + 2} done`,
  )
  await expect(preview.locator('.quiz').first()).toBeVisible()
  await expect(preview.locator('.quiz-loading')).toHaveCount(0)
  await expect(preview.locator('.activity-check-placeholder')).toHaveCount(0)
  await axe(preview)
  await preview.getByRole('button', { name: 'Next' }).click()
  await expect(preview.getByRole('heading', { level: 1 })).toBeFocused()
  await expect(preview.getByText('Knowledge check · 2 of 3')).toBeVisible()
})

test('a preview link with a bad pack says what is wrong', async ({ page }) => {
  const config = { id: 'p', title: 'P', items: [{ lab: 'no-such-lab' }] }
  const param = Buffer.from(JSON.stringify(config)).toString('base64url')
  await page.goto(`./#/lms/preview?pack=${param}`)
  await expect(page.getByRole('alert')).toContainText('This pack config has problems')
  await expect(page.getByRole('alert')).toContainText('items[0]: there is no lab "no-such-lab"')
  await page.goto('./#/lms/no-such-pack')
  await expect(page.getByRole('alert')).toContainText('This pack could not be found')
})
