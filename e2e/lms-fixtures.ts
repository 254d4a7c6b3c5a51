/**
 * Fixtures for the LMS package specs (e2e/lms-*.spec.ts): each worker packages a pack of one
 * knowledge check and one lab (picked from the course's registries) in the three formats, with
 * `npm run package`'s own code from the built dist/, unzips them and serves them from a
 * simulated LMS (e2e/lms-server.ts) on its own port (LF_LMS_PORT, default 4505, + the worker's
 * index: two checkouts testing side by side give each a range). As in every
 * spec, no request may leave the origin (here the LMS's: packages, player pages and LRS alike)
 * and no page may throw.
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { makePackages } from '../scripts/package/cli.ts'
import { readCatalog } from '../scripts/package/catalog.ts'
import type { Question } from '../src/quiz/types.ts'
import { fillQuestion, lessonChecks, plainText } from './fixtures.ts'
import { startLms, unpack, type SimulatedLms } from './lms-server.ts'

const root = path.resolve(import.meta.dirname, '..')

export interface LmsWorld extends SimulatedLms {
  packId: string
  check: Question
  lab: { id: string; title: string }
  mastery: number
}

/** Watches a browser context: requests off the LMS's origin are blocked and recorded, page errors recorded. */
export type Guard = (context: BrowserContext) => Promise<void>

export const test = base.extend<{ guard: Guard }, { lms: LmsWorld }>({
  lms: [
    // Playwright reads a fixture's dependencies from this destructuring: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const catalog = await readCatalog(root)
      const lab = catalog.labs.find((l) => l.lesson) ?? catalog.labs[0]
      const lesson = catalog.lessons.find((l) => l.checks.length > 0)!
      const check = (await lessonChecks(lesson.slug)).checks.find((q) => lesson.checks.includes(q.id))!
      const dir = mkdtempSync(path.join(tmpdir(), 'lf-lms-e2e-'))
      const packId = 'lf-e2e-pack'
      const mastery = 0.8
      const built = await makePackages({
        root,
        out: path.join(dir, 'zips'),
        config: {
          id: packId,
          title: 'E2E pack: a check and a lab',
          items: [{ check: check.id }, { lab: lab.id }],
          masteryScore: mastery,
        },
      })
      unpack(Object.fromEntries(built.map((b) => [b.format, b.file])), path.join(dir, 'pkg'))
      const server = await startLms(
        Number(process.env.LF_LMS_PORT ?? 4505) + workerInfo.parallelIndex,
        path.join(dir, 'pkg'),
      )
      await use({ ...server, packId, check, lab, mastery })
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  guard: [
    async ({ context, lms }, use) => {
      const offOrigin: string[] = []
      const pageErrors: string[] = []
      const guard: Guard = async (c) => {
        c.on('request', (req) => {
          const url = req.url()
          if (/^(data|blob|about):/.test(url)) return
          if (new URL(url).origin !== lms.origin) offOrigin.push(url)
        })
        c.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)))
        for (const p of c.pages()) p.on('pageerror', (e) => pageErrors.push(e.message))
        await c.route(
          (url) => url.origin !== lms.origin && !/^(data|blob|about):/.test(url.protocol),
          (route) => route.abort('blockedbyclient'),
        )
      }
      await guard(context)
      await use(guard)
      expect(offOrigin, `requests left the LMS's origin ${lms.origin}`).toEqual([])
      expect(pageErrors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})

/** Another computer: a fresh browser context (no storage), guarded like the first. */
export async function anotherComputer(browser: Browser, guard: Guard): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })
  await guard(context)
  return context.newPage()
}

/** The pack inside the LMS player's frame. */
export const packFrame = (page: Page, frame = '#sco') => page.frameLocator(frame)

export async function answerCheck(page: Page, lms: LmsWorld, frame = '#sco') {
  const f = packFrame(page, frame)
  const group = f.getByRole('group', { name: plainText(lms.check.prompt), exact: true })
  await expect(group).toBeVisible({ timeout: 30_000 })
  await fillQuestion(group, lms.check, true)
  await group.getByRole('button', { name: 'Check answer' }).click()
  await expect(group.getByText('Correct.', { exact: true })).toBeVisible()
}

export async function passLab(page: Page, lms: LmsWorld, frame = '#sco') {
  const f = packFrame(page, frame)
  await f.getByRole('button', { name: 'Next' }).click()
  const lab = f.locator(`[data-lab-id="${lms.lab.id}"]`)
  await expect(lab.getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 30_000 })
  await lab.getByRole('button', { name: 'Show the solution' }).click()
  await lab
    .getByRole('region', { name: 'The solution, as changes to your code' })
    .getByRole('button', { name: 'Use the solution' })
    .click()
  await lab.getByTestId('run-checks').click()
  await expect(lab.getByTestId('lab-result-title')).toHaveText(/^All \d+ checks passed\. Lab complete!$/, {
    timeout: 120_000,
  })
}

export { expect }
