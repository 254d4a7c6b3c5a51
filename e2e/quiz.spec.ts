import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import {
  expect,
  fillQuestion,
  lessonChecks,
  lessons,
  openLesson,
  passLessonChecks,
  plainText,
  test,
} from './fixtures.ts'
import type { Question } from '../src/quiz/types.ts'

/** The first question of each kind in the course, with its lesson. */
async function firstOfEachKind() {
  const found = new Map<Question['kind'], { slug: string; q: Question }>()
  for (const l of lessons) {
    for (const q of (await lessonChecks(l.slug)).checks) if (!found.has(q.kind)) found.set(q.kind, { slug: l.slug, q })
  }
  return found
}

function group(page: Page, q: Question): Locator {
  return page.getByRole('group', { name: plainText(q.prompt), exact: true })
}

/** Answers a question right using only the keyboard: Tab, arrows, Space, Enter. */
async function answerWithKeyboard(page: Page, g: Locator, q: Question) {
  // Tab from the question's prompt into its first control, as a keyboard user would.
  await g.locator('.quiz-prompt').evaluate((el) => {
    el.setAttribute('tabindex', '-1')
    ;(el as HTMLElement).focus()
  })
  await page.keyboard.press('Tab')
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLSelectElement | HTMLButtonElement | null
      if (!el) return null
      const label = 'labels' in el && el.labels && el.labels[0] ? (el.labels[0].textContent ?? '') : ''
      const selected = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : ''
      return {
        tag: el.tagName,
        type: (el as HTMLInputElement).type,
        label,
        checked: (el as HTMLInputElement).checked,
        text: el.textContent ?? '',
        selected,
      }
    })
  const correctTexts = q.kind === 'match' ? [] : q.options.filter((o) => o.correct).map((o) => plainText(o.text))
  for (let step = 0; step < 60; step++) {
    const a = await active()
    if (!a) throw new Error('focus was lost')
    if (a.tag === 'BUTTON' && a.text.includes('Check answer')) {
      await page.keyboard.press('Enter')
      return
    }
    if (a.type === 'radio') {
      // Tabbing into a group with nothing chosen focuses the first radio without choosing it:
      // Space chooses it. Arrow keys then move through the group (and choose); stop on the right answer.
      if (!a.checked) await page.keyboard.press('Space')
      for (let i = 0; i < 10 && !correctTexts.includes((await active())!.label); i++)
        await page.keyboard.press('ArrowDown')
      expect(correctTexts).toContain((await active())!.label)
      await page.keyboard.press('Tab')
      continue
    }
    if (a.type === 'checkbox') {
      if (correctTexts.includes(a.label) !== a.checked) await page.keyboard.press('Space')
      await page.keyboard.press('Tab')
      continue
    }
    if (a.tag === 'SELECT' && q.kind === 'match') {
      const pair = q.pairs.find((p) => plainText(p.left) === a.label)!
      const want = plainText(pair.right)
      for (let i = 0; i < 12 && (await active())!.selected !== want; i++) await page.keyboard.press('ArrowDown')
      expect((await active())!.selected).toBe(want)
      await page.keyboard.press('Tab')
      continue
    }
    await page.keyboard.press('Tab')
  }
  throw new Error('never reached "Check answer"')
}

test('one question of each kind can be answered with the keyboard alone', async ({ page }) => {
  const kinds = await firstOfEachKind()
  expect([...kinds.keys()].sort()).toEqual(['match', 'select', 'single'])
  for (const [kind, { slug, q }] of kinds) {
    await openLesson(page, slug)
    const g = group(page, q)
    await expect(g).toBeVisible()
    await answerWithKeyboard(page, g, q)
    await expect(g.getByText('Correct.', { exact: true }), `${kind} question "${q.id}"`).toBeVisible()
  }
})

test('a wrong answer is marked and explained; try again, answer right; the result survives a reload', async ({
  page,
}) => {
  const { slug, q } = (await firstOfEachKind()).get('select')!
  if (q.kind !== 'select') throw new Error('unreachable')
  await openLesson(page, slug)
  const g = group(page, q)
  // Too few choices are refused before they count.
  await g.getByLabel(plainText(q.options.find((o) => o.correct)!.text), { exact: true }).check()
  await g.getByRole('button', { name: 'Check answer' }).click()
  await expect(g.locator('.quiz-problem')).toHaveText(`Select exactly ${q.select} options: you have selected 1.`)
  await g.getByLabel(plainText(q.options.find((o) => o.correct)!.text), { exact: true }).uncheck()

  await fillQuestion(g, q, false)
  await g.getByRole('button', { name: 'Check answer' }).click()
  await expect(g.getByText(new RegExp(`^Not quite: ${q.select - 1} of ${q.select} choices right\\.$`))).toBeVisible()
  // Every option explains itself.
  for (const o of q.options) await expect(g.getByText(plainText(o.why), { exact: false }).first()).toBeVisible()
  await expect(page.getByTestId('lesson-status')).toHaveText('In progress')

  await g.getByRole('button', { name: 'Try again' }).click()
  await expect(g.getByRole('checkbox', { checked: true })).toHaveCount(0)
  await fillQuestion(g, q, true)
  await g.getByRole('button', { name: 'Check answer' }).click()
  await expect(g.getByText('Correct.', { exact: true })).toBeVisible()

  await page.reload()
  await expect(group(page, q).getByText('Correct.', { exact: true })).toBeVisible()
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lf-progress') ?? '{}'))
  expect(stored.state.checks[q.id]).toMatchObject({ attempts: 2, lastScore: 1 })
  expect(stored.state.checks[q.id].passedAt).toEqual(expect.any(String))
})

test('the options keep the same order for a learner across reloads', async ({ page }) => {
  const { slug, q } = (await firstOfEachKind()).get('select')!
  await openLesson(page, slug)
  const labels = () => group(page, q).locator('.quiz-option-label').allTextContents()
  await expect(group(page, q)).toBeVisible()
  const first = await labels()
  await page.reload()
  await expect(group(page, q)).toBeVisible()
  expect(await labels()).toEqual(first)
})

test('a lesson completes when its checks pass, and the completion survives a reload', async ({ page }) => {
  const l = lessons[2] ?? lessons[0]!
  await openLesson(page, l.slug)
  await expect(page.getByTestId('complete-text')).toContainText('0 of')
  await passLessonChecks(page, l.slug)
  const labs = l.labs.length
  if (labs === 0) {
    await expect(page.getByTestId('lesson-status')).toHaveText('Completed')
    await page.reload()
    await expect(page.getByTestId('lesson-status')).toHaveText('Completed')
  } else {
    await expect(page.getByTestId('complete-text')).toContainText(
      `${l.checks.length} of ${l.checks.length + labs} done`,
    )
  }
})

test('the self-assessment scores per lesson and in total, reviews wrong answers, and is saved', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('./#/assessment')
  await page.getByRole('button', { name: /Start/ }).click()
  const all: Question[] = []
  for (const l of lessons) {
    const { checks, assessment } = await lessonChecks(l.slug)
    all.push(...checks, ...assessment)
  }
  expect(all.length).toBeGreaterThanOrEqual(25)
  await expect(page.getByTestId('answered-count')).toHaveText(`0 of ${all.length} answered`)
  const wrongOne = all.find((q) => q.kind === 'single') ?? all[0]!
  for (const q of all) {
    const scope = page.locator(`[data-question-id="${q.id}"]`)
    await fillQuestion(scope, q, q !== wrongOne)
  }
  await expect(page.getByTestId('answered-count')).toHaveText(`${all.length} of ${all.length} answered`)
  await page.getByRole('button', { name: 'Submit answers' }).click()
  const expected = Math.round(((all.length - 1 + (wrongOne.kind === 'single' ? 0 : 0.5)) / all.length) * 100)
  await expect(page.getByTestId('assessment-score')).toContainText(`${expected}%`)
  const review = page.getByTestId('review-item')
  await expect(review).toHaveCount(1)
  await expect(review).toContainText(plainText(wrongOne.prompt))
  // The review links back to the section that teaches it.
  await review.getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`section=${wrongOne.section}$`))
  await expect(page.locator(`#${wrongOne.section}`)).toBeInViewport()

  await page.goto('./#/progress')
  await expect(page.getByTestId('assessment-attempts').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('assessment-attempts')).toContainText(`${expected}%`)
  await page.reload()
  await expect(page.getByTestId('assessment-attempts').locator('tbody tr')).toHaveCount(1)
})

test('axe stays clean on a lesson page whose checks show feedback', async ({ page }) => {
  const { slug, q } = (await firstOfEachKind()).get('match')!
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    await openLesson(page, slug)
    const g = group(page, q)
    await fillQuestion(g, q, false)
    await g.getByRole('button', { name: 'Check answer' }).click()
    await expect(g.locator('.quiz-result-title')).toHaveText(/^Not quite/)
    const results = await new AxeBuilder({ page })
      .include('.quiz')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
    expect(summary, summary.join('\n')).toEqual([])
  }
})
