/**
 * SCORM 1.2 and SCORM 2004 packages inside a simulated LMS (scorm-again provides the API): the
 * package opens, a check is answered and a lab passed, the LMS records status, score and
 * suspend_data; a relaunch on another computer resumes from what the LMS kept. And a damaged
 * suspend_data: a clear notice, a fresh start, and the LMS session goes on.
 */
import { decodeSnapshot } from '../src/lms/suspend.ts'
import { answerCheck, anotherComputer, expect, packFrame, passLab, test, type LmsWorld } from './lms-fixtures.ts'

type Cmi = Record<string, any>
const kept = (lms: LmsWorld, pkg: string, learner: string): Cmi | undefined =>
  lms.records.scorm.get(`${pkg}|${learner}`)?.cmi

function suspended(lms: LmsWorld, cmi: Cmi | undefined) {
  const text = cmi?.suspend_data
  if (typeof text !== 'string' || text === '') return null
  const d = decodeSnapshot(text, lms.packId)
  return d.ok ? d.snapshot : null
}

for (const v of ['12', '2004'] as const) {
  const pkg = v === '12' ? 'scorm12' : 'scorm2004'
  const name = v === '12' ? 'SCORM 1.2' : 'SCORM 2004'
  // What the LMS shows for the pack: status and score, in each version's own elements.
  const status = (cmi: Cmi | undefined) =>
    v === '12'
      ? { status: cmi?.core?.lesson_status, raw: cmi?.core?.score?.raw }
      : { completion: cmi?.completion_status, success: cmi?.success_status, scaled: cmi?.score?.scaled }

  test(`${name}: the LMS records status, score and suspend_data, and a relaunch elsewhere resumes`, async ({
    page,
    browser,
    lms,
    guard,
  }) => {
    test.setTimeout(300_000)
    const learner = `alice-${v}`
    await page.goto(`${lms.origin}/host/scorm.html?v=${v}&pkg=${pkg}&learner=${learner}`)
    const frame = packFrame(page)
    await expect(frame.getByTestId('lms-save')).toContainText(`Saved in your LMS (${name})`, { timeout: 30_000 })
    await expect(frame.getByTestId('lms-status')).toContainText('0 of 2 done')

    await answerCheck(page, lms)
    await expect(frame.getByTestId('lms-status')).toContainText('Score 50% (pass: 80%)')
    await expect
      .poll(() => status(kept(lms, pkg, learner)), { timeout: 15_000 })
      .toEqual(
        v === '12'
          ? { status: 'incomplete', raw: '50' }
          : { completion: 'incomplete', success: 'unknown', scaled: '0.5' },
      )
    expect(suspended(lms, kept(lms, pkg, learner))?.checks[lms.check.id]).toMatchObject({ attempts: 1, passed: true })

    await passLab(page, lms)
    await expect(frame.getByTestId('lms-status')).toContainText('Passed')
    await expect
      .poll(() => status(kept(lms, pkg, learner)), { timeout: 15_000 })
      .toEqual(
        v === '12' ? { status: 'passed', raw: '100' } : { completion: 'completed', success: 'passed', scaled: '1' },
      )
    const cmi = kept(lms, pkg, learner)!
    if (v === '12') expect(cmi.core.score).toMatchObject({ min: '0', max: '100' })
    else expect([cmi.progress_measure, cmi.score.raw, cmi.score.max]).toEqual(['1', '100', '100'])
    expect(suspended(lms, cmi)).toMatchObject({ at: `lab:${lms.lab.id}`, labs: { [lms.lab.id]: { passed: true } } })

    // Leaving: LMSFinish/Terminate on pagehide, with exit "suspend" and the session time.
    await page.goto('about:blank')
    await expect
      .poll(() => {
        const c = kept(lms, pkg, learner)
        return v === '12'
          ? [c?.core?.exit, /^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/.test(c?.core?.session_time ?? '')]
          : [c?.exit, /^PT/.test(c?.session_time ?? '')]
      })
      .toEqual(['suspend', true])

    // Another computer: nothing in its browser; everything comes from the LMS.
    const other = await anotherComputer(browser, guard)
    await other.goto(`${lms.origin}/host/scorm.html?v=${v}&pkg=${pkg}&learner=${learner}`)
    const again = packFrame(other)
    await expect(again.getByTestId('lms-status')).toContainText('Passed', { timeout: 30_000 })
    await expect(again.getByTestId('lms-status')).toContainText('2 of 2 done')
    await expect(again.getByTestId('lms-status')).toContainText('Score 100%')
    // It opens where the learner was (the lab), with the lab passed.
    await expect(again.getByRole('heading', { level: 1 })).toHaveText(lms.lab.title)
    await expect(
      again.getByRole('navigation', { name: 'In this pack' }).getByRole('button', { name: /\(done\)$/ }),
    ).toHaveCount(2)
    await again.getByRole('button', { name: 'Previous' }).click()
    await expect(again.getByRole('group', { name: /./ }).getByText('Correct.', { exact: true })).toBeVisible({
      timeout: 30_000,
    })
    await other.context().close()
  })
}

test('SCORM 1.2: a damaged suspend_data gives a clear notice, starts fresh, and the LMS session goes on', async ({
  page,
  lms,
}) => {
  const learner = 'bob'
  lms.records.scorm.set(`scorm12|${learner}`, {
    cmi: { core: { lesson_status: 'incomplete', exit: 'suspend' }, suspend_data: 'AQ7xN2-cut-off-by-the-LMS' },
  })
  await page.goto(`${lms.origin}/host/scorm.html?v=12&pkg=scorm12&learner=${learner}`)
  const frame = packFrame(page)
  await expect(frame.getByTestId('lms-notice')).toContainText(
    'Your saved progress in this LMS could not be read (it was damaged or cut short), so this pack starts fresh.',
  )
  await expect(frame.getByTestId('lms-status')).toContainText('0 of 2 done')
  await answerCheck(page, lms)
  await expect.poll(() => kept(lms, 'scorm12', learner)?.core?.score?.raw, { timeout: 15_000 }).toBe('50')
  expect(suspended(lms, kept(lms, 'scorm12', learner))?.checks[lms.check.id]).toMatchObject({ passed: true })
  await frame.getByRole('button', { name: 'Dismiss' }).click()
  await expect(frame.getByTestId('lms-notice')).toHaveCount(0)
})
