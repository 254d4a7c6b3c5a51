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
