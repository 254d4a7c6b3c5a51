/**
 * The cmi5 package inside a simulated LMS with a minimal LRS: the AU launches with the LMS's
 * fetch URL and endpoint, sends initialized → passed → completed → terminated (the LMS sent
 * "launched"), each with the registration, the context template and the cmi5 categories; its
 * progress lives in the LRS's state API, so a relaunch on another computer resumes.
 */
import { STATE_ID } from '../src/lms/cmi5-launch.ts'
import { decodeSnapshot } from '../src/lms/suspend.ts'
import { answerCheck, anotherComputer, expect, packFrame, passLab, test, type LmsWorld } from './lms-fixtures.ts'
import type { Statement } from './lms-server.ts'

const VERB = 'http://adlnet.gov/expapi/verbs/'
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon'
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'

const verbs = (list: Statement[]) => list.map((s) => s.verb.id.replace(VERB, ''))

function saved(lms: LmsWorld, learner: string) {
  const session = lms.records.sessions.find((s) => s.learner === learner)
  if (!session) return null
  const doc = lms.records.state.get(`${session.activityId}|${session.registration}|${STATE_ID}`) as
    { suspendData?: string; completed?: boolean; passed?: boolean } | undefined
  if (!doc?.suspendData) return null
  const d = decodeSnapshot(doc.suspendData, lms.packId)
  return d.ok ? { ...doc, snapshot: d.snapshot } : null
}

test('cmi5: the AU reports to the LMS’s LRS in the spec’s order, and a relaunch elsewhere resumes', async ({
  page,
  browser,
  lms,
  guard,
}) => {
  test.setTimeout(300_000)
  const learner = 'carol'
  const mine = () =>
    lms.records.statements.filter((s) => (s.actor as { account?: { name?: string } }).account?.name === learner)
  await page.goto(`${lms.origin}/host/cmi5.html?pkg=cmi5&learner=${learner}`)
  const frame = packFrame(page, '#au')
  await expect(frame.getByTestId('lms-save')).toContainText('Saved in your LMS (cmi5)', { timeout: 30_000 })
  await expect.poll(() => verbs(mine())).toEqual(['launched', 'initialized'])

  await answerCheck(page, lms, '#au')
  await expect.poll(() => saved(lms, learner)?.snapshot.checks[lms.check.id]?.passed, { timeout: 15_000 }).toBe(true)
  expect(verbs(mine())).toEqual(['launched', 'initialized'])

  await passLab(page, lms, '#au')
  await expect
    .poll(() => verbs(mine()), { timeout: 15_000 })
    .toEqual(['launched', 'initialized', 'passed', 'completed'])
  await expect.poll(() => saved(lms, learner)).toMatchObject({ completed: true, passed: true })

  // Exit: "terminated", then the LMS's returnURL.
  await frame.getByRole('button', { name: 'Exit' }).click()
  await expect(packFrame(page, '#au').getByRole('heading', { name: 'Back in the LMS' })).toBeVisible()
  expect(verbs(mine())).toEqual(['launched', 'initialized', 'passed', 'completed', 'terminated'])

  const [session] = lms.records.sessions.filter((s) => s.learner === learner)
  const au = mine().slice(1)
  for (const s of au) {
    expect(s.object.id).toBe(session.activityId)
    expect(s.context?.registration).toBe(session.registration)
    expect(s.context?.extensions?.[SESSION_ID]).toBe(session.id)
    expect(s.context?.contextActivities?.grouping?.[0].id).toMatch(/\/packs\/lf-e2e-pack\/au$/)
    expect(s.context?.contextActivities?.category?.map((c) => c.id)).toContain(CMI5_CATEGORY)
  }
  const [, passed, completed, terminated] = au
  expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } })
  expect(passed.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(lms.mastery)
  expect(passed.context?.contextActivities?.category?.map((c) => c.id)).toContain(MOVEON_CATEGORY)
  expect(completed.result).toMatchObject({ completion: true })
  expect(completed.result?.score).toBeUndefined()
  expect(terminated.result?.duration).toMatch(/^PT/)
  for (const s of au) expect(Date.parse(s.timestamp!)).toBeGreaterThanOrEqual(Date.parse(au[0].timestamp!))

  // Another computer, a new session in the same registration: the progress comes from the LRS.
  const other = await anotherComputer(browser, guard)
  await other.goto(`${lms.origin}/host/cmi5.html?pkg=cmi5&learner=${learner}`)
  const again = packFrame(other, '#au')
  await expect(again.getByTestId('lms-status')).toContainText('Passed', { timeout: 30_000 })
  await expect(again.getByTestId('lms-status')).toContainText('2 of 2 done')
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(lms.lab.title)
  await expect.poll(() => verbs(mine()).slice(5)).toEqual(['launched', 'initialized'])
  // Closing the window ends the session with "terminated" (sent with keepalive); passed and
  // completed are not sent twice in a registration.
  await other.goto('about:blank')
  await expect.poll(() => verbs(mine()).slice(5)).toEqual(['launched', 'initialized', 'terminated'])
  await other.context().close()
})

test('cmi5: reloading the AU after its session ended says so, and asks for a new launch', async ({ page, lms }) => {
  await page.goto(`${lms.origin}/host/cmi5.html?pkg=cmi5&learner=dave`)
  const frame = packFrame(page, '#au')
  await expect(frame.getByTestId('lms-save')).toContainText('Saved in your LMS (cmi5)', { timeout: 30_000 })
  // A reload of the frame itself (the LMS did not launch it again): the fetch URL is spent.
  await page.locator('#au').evaluate((f: HTMLIFrameElement) => f.contentWindow!.location.reload())
  await expect(frame.getByRole('alert')).toContainText(
    'This cmi5 session ended when the page was closed or reloaded. Open the pack again from your LMS to go on.',
  )
})
