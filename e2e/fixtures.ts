/**
 * Shared fixtures for every spec:
 * - fails the test if any request leaves the page's origin (other than data:/blob:/about:);
 * - fails the test on an uncaught page error.
 * Also exposes the course's lessons (read from content/ the way the build reads them).
 */
import { test as base, expect, type Page } from '@playwright/test'
import path from 'node:path'
import { scanLessons } from '../src/course/build/lessons.ts'

const root = path.resolve(import.meta.dirname, '..')
export const course = scanLessons(path.join(root, 'content', 'lessons'), root)
export const lessons = course.lessons
/** A lesson without a lab: passing its checks completes it. */
export const noLabLesson = lessons.find((l) => l.labs.length === 0 && l.checks.length > 0)!

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ context, baseURL }, use, testInfo) => {
      const origin = new URL(baseURL as string).origin
      const offOrigin: string[] = []
      const pageErrors: string[] = []
      context.on('request', (req) => {
        const url = req.url()
        if (/^(data|blob|about):/.test(url)) return
        if (new URL(url).origin !== origin) offOrigin.push(url)
      })
      // Block anything off-origin outright too, so a stray request cannot hang a test.
      await context.route(
        (url) => url.origin !== origin && !/^(data|blob|about):/.test(url.protocol),
        (route) => route.abort('blockedbyclient'),
      )
      context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)))
      await use()
      expect(offOrigin, `requests left the origin ${origin}`).toEqual([])
      if (!testInfo.title.includes('[allows page errors]')) {
        expect(pageErrors, 'uncaught errors in the page').toEqual([])
      }
    },
    { auto: true },
  ],
})

export { expect }

/** Waits until the app has rendered a page (the lazy route has loaded). */
export async function ready(page: Page) {
  await expect(page.locator('#main h1')).toBeVisible()
}

export async function openLesson(page: Page, slug: string, search = '') {
  await page.goto(`./#/lessons/${slug}${search}`)
  await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
}

export function lessonTitle(slug: string): string {
  const l = lessons.find((x) => x.slug === slug)
  if (!l) throw new Error(`no lesson ${slug}`)
  return l.title
}

/* Knowledge checks ------------------------------------------------------------------------ */

import { existsSync } from 'node:fs'
import type { Question } from '../src/quiz/types.ts'

/** The authored questions of a lesson (default export of content/checks/<slug>.ts). */
export async function lessonChecks(slug: string): Promise<{ checks: Question[]; assessment: Question[] }> {
  const file = path.join(root, 'content', 'checks', `${slug}.ts`)
  if (!existsSync(file)) return { checks: [], assessment: [] }
  const m = (await import(file)) as { default: Question[]; assessment?: Question[] }
  return { checks: [...m.default], assessment: [...(m.assessment ?? [])] }
}

/** Plain text of the inline markup used in check text. */
export function plainText(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1')
}

/**
 * Fills in a question inside `scope` (a check's group or an assessment question) with the right
 * answer, or a wrong one, by clicking labels and choosing options (not with the keyboard; the
 * keyboard path has its own test).
 */
export async function fillQuestion(scope: import('@playwright/test').Locator, q: Question, right = true) {
  if (q.kind === 'match') {
    const n = q.pairs.length
    for (let i = 0; i < n; i++) {
      const target = right ? q.pairs[i]!.right : q.pairs[(i + 1) % n]!.right
      await scope.getByLabel(plainText(q.pairs[i]!.left), { exact: true }).selectOption({ label: plainText(target) })
    }
    return
  }
  const correct = q.options.filter((o) => o.correct)
  const wrong = q.options.filter((o) => !o.correct)
  const pick = right ? correct : q.kind === 'single' ? [wrong[0]!] : [...wrong.slice(0, 1), ...correct.slice(1)]
  for (const o of pick) await scope.getByLabel(plainText(o.text), { exact: true }).check()
}

/** Passes every knowledge check in an open lesson page (the lesson then completes if it has no lab). */
export async function passLessonChecks(page: Page, slug: string) {
  const { checks } = await lessonChecks(slug)
  for (const q of checks) {
    const group = page.getByRole('group', { name: plainText(q.prompt), exact: true })
    await group.scrollIntoViewIfNeeded()
    await fillQuestion(group, q, true)
    await group.getByRole('button', { name: 'Check answer' }).click()
    await expect(group.getByText('Correct.', { exact: true })).toBeVisible()
  }
}
