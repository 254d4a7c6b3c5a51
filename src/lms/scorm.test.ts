/**
 * The SCO side (scorm-api.ts, scorm-session.ts) against scorm-again, a real LMS-side SCORM
 * runtime, in Node: what the LMS ends up holding after a session.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { ScormConnection, findScormApi, scorm12Time, scorm2004Time, type ApiWindow } from './scorm-api.ts'
import { createScormSession } from './scorm-session.ts'
import type { Evaluation } from './score.ts'

const evaluation = (over: Partial<Evaluation> = {}): Evaluation => ({
  done: 1,
  total: 2,
  progress: 0.5,
  scored: 2,
  scaled: 0.5,
  percent: 50,
  completed: false,
  success: 'unknown',
  mastery: 0.8,
  ...over,
})

const settings = { logLevel: 5 as const, autocommit: false }

describe('finding the LMS API', () => {
  const api12 = new Scorm12API(settings)
  const api04 = new Scorm2004API(settings)

  it('finds the API on a parent, a grandparent, or the opener’s chain; 2004 first when asked', () => {
    const top: ApiWindow = { API: api12, API_1484_11: api04 }
    top.parent = top
    const mid: ApiWindow = { parent: top }
    const sco: ApiWindow = { parent: mid, top }
    expect(findScormApi(sco, '2004')?.version).toBe('2004')
    expect(findScormApi(sco, '1.2')?.version).toBe('1.2')

    const lms: ApiWindow = { API: api12 }
    lms.parent = lms
    const popupTop: ApiWindow = { opener: lms }
    popupTop.parent = popupTop
    const popup: ApiWindow = { parent: popupTop, top: popupTop }
    expect(findScormApi(popup, '2004')).toMatchObject({ version: '1.2' })
  })

  it('stops at a cross-origin frame, and at a window that is its own parent', () => {
    const crossOrigin = {} as ApiWindow
    Object.defineProperty(crossOrigin, 'API', {
      get() {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError')
      },
    })
    const sco: ApiWindow = { parent: crossOrigin }
    expect(findScormApi(sco)).toBeNull()
    const alone: ApiWindow = {}
    alone.parent = alone
    expect(findScormApi(alone)).toBeNull()
  })

  it('ignores an object named API that is not a SCORM API', () => {
    const w: ApiWindow = { API: { LMSInitialize: 1 } }
    w.parent = w
    expect(findScormApi(w)).toBeNull()
  })

  it('gives up on an endless chain of parents', () => {
    let w: ApiWindow = {}
    w.parent = w
    for (let i = 0; i < 600; i++) w = { parent: w }
    expect(findScormApi(w)).toBeNull()
  })
})

describe('a SCORM 1.2 session, with scorm-again as the LMS', () => {
  it('marks the first launch incomplete, reports score and status, saves, exits with suspend', async () => {
    const lms = new Scorm12API(settings)
    lms.loadFromJSON({ core: { student_name: 'Doe, Jane' }, student_data: { mastery_score: '75' } } as never)
    const session = createScormSession(new ScormConnection({ version: '1.2', api: lms }), () => 0)
    const start = await session.start()
    expect(start).toEqual({ suspendData: '', mastery: 0.75, learner: 'Doe, Jane', mode: 'normal', returnUrl: null })
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete')

    await session.report({ evaluation: evaluation(), suspendData: 'AQID', location: 'lab:first-handler' })
    expect(await session.save()).toBe(true)
    expect(lms.LMSGetValue('cmi.core.score.raw')).toBe('50')
    expect(lms.LMSGetValue('cmi.core.score.max')).toBe('100')
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete')
    expect(lms.LMSGetValue('cmi.suspend_data')).toBe('AQID')
    expect(lms.LMSGetValue('cmi.core.lesson_location')).toBe('lab:first-handler')

    await session.report({
      evaluation: evaluation({ scaled: 1, percent: 100, completed: true, success: 'passed' }),
      suspendData: 'AQIE',
      location: 'lab:first-handler',
    })
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('passed')
    await session.finish(
      {
        evaluation: evaluation({ scaled: 1, percent: 100, completed: true, success: 'passed' }),
        suspendData: 'AQIE',
        location: null,
      },
      'unload',
    )
    const cmi = lms.renderCommitCMI(true) as { cmi: { core: Record<string, unknown>; suspend_data: string } }
    expect(cmi.cmi.core.exit).toBe('suspend')
    expect(cmi.cmi.suspend_data).toBe('AQIE')
    expect(lms.isTerminated()).toBe(true)
    expect(session.problems()).toEqual([])
  })

  it('without a mastery score, a complete pack is "completed"; in review mode nothing is recorded', async () => {
    const lms = new Scorm12API(settings)
    const s = createScormSession(new ScormConnection({ version: '1.2', api: lms }))
    expect((await s.start()).mastery).toBeNull()
    await s.report({ evaluation: evaluation({ completed: true, mastery: null }), suspendData: null, location: null })
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('completed')

    const review = new Scorm12API(settings)
    review.loadFromJSON({ core: { lesson_mode: 'review', lesson_status: 'passed' } } as never)
    const r = createScormSession(new ScormConnection({ version: '1.2', api: review }))
    expect((await r.start()).mode).toBe('review')
    await r.report({
      evaluation: evaluation({ success: 'failed', completed: true }),
      suspendData: 'x',
      location: 'lab:a',
    })
    expect(review.LMSGetValue('cmi.core.lesson_status')).toBe('passed')
    expect([review.LMSGetValue('cmi.suspend_data'), review.LMSGetValue('cmi.core.lesson_location')]).toEqual(['', ''])
  })

  it('a refused value is reported as a problem, not thrown', async () => {
    const lms = new Scorm12API(settings)
    const s = createScormSession(new ScormConnection({ version: '1.2', api: lms }))
    await s.start()
    await s.report({ evaluation: evaluation({ percent: 50 }), suspendData: null, location: 'x'.repeat(300) })
    expect(lms.LMSGetValue('cmi.core.lesson_location')).toHaveLength(255)
    const conn = new ScormConnection({ version: '1.2', api: lms })
    expect(conn.set('cmi.core.student_id', 'me')).toBe(false)
    expect(conn.errors[0]).toMatchObject({ call: 'SetValue(cmi.core.student_id)', code: 403 })
  })

  it('an LMS that will not initialize stops the session with a clear message', async () => {
    const lms = new Scorm12API(settings)
    lms.LMSInitialize('')
    lms.LMSFinish('')
    const s = createScormSession(new ScormConnection({ version: '1.2', api: lms }))
    await expect(s.start()).rejects.toThrow(/The LMS did not start the session \(LMSInitialize failed: error \d+\)/)
  })
})

describe('a SCORM 2004 session, with scorm-again as the LMS', () => {
  it('reports completion and success apart, scaled score and progress, and resumes', async () => {
    let t = 0
    const lms = new Scorm2004API(settings)
    const session = createScormSession(new ScormConnection({ version: '2004', api: lms }), () => t)
    const start = await session.start()
    expect(start).toMatchObject({ suspendData: '', mastery: null, mode: 'normal' })
    expect(lms.GetValue('cmi.completion_status')).toBe('incomplete')
    await session.report({ evaluation: evaluation(), suspendData: 'AQID', location: 'check:a' })
    expect(lms.GetValue('cmi.score.scaled')).toBe('0.5')
    expect(lms.GetValue('cmi.progress_measure')).toBe('0.5')
    expect(lms.GetValue('cmi.success_status')).toBe('unknown')
    await session.report({
      evaluation: evaluation({ completed: true, success: 'failed', scaled: 0.25, percent: 25, progress: 1 }),
      suspendData: 'AQIF',
      location: 'check:a',
    })
    expect(lms.GetValue('cmi.completion_status')).toBe('completed')
    expect(lms.GetValue('cmi.success_status')).toBe('failed')
    t = 3_723_450
    await session.finish(
      { evaluation: evaluation({ completed: true, success: 'failed' }), suspendData: 'AQIF', location: null },
      'exit',
    )
    const cmi = lms.renderCommitCMI(true) as { cmi: Record<string, unknown> }
    expect(cmi.cmi.exit).toBe('suspend')
    expect(cmi.cmi.session_time).toBe('PT1H2M3.45S')

    // The LMS launches again with what it kept.
    const again = new Scorm2004API(settings)
    again.loadFromJSON({
      suspend_data: 'AQIF',
      location: 'check:a',
      entry: 'resume',
      scaled_passing_score: '0.6',
    } as never)
    const s2 = createScormSession(new ScormConnection({ version: '2004', api: again }))
    expect(await s2.start()).toMatchObject({ suspendData: 'AQIF', mastery: 0.6 })
  })

  it('a suspend_data over 64,000 characters is refused by the LMS and reported', async () => {
    const lms = new Scorm2004API(settings)
    const s = createScormSession(new ScormConnection({ version: '2004', api: lms }))
    await s.start()
    await s.report({ evaluation: evaluation(), suspendData: 'x'.repeat(64001), location: null })
    expect(s.problems().join(' ')).toMatch(/The LMS refused SetValue\(cmi.suspend_data\): error 406/)
  })
})

describe('session time formats', () => {
  it('SCORM 1.2 CMITimespan and SCORM 2004 timeinterval', () => {
    expect(scorm12Time(0)).toBe('00:00:00.00')
    expect(scorm12Time(3_723_450)).toBe('01:02:03.45')
    expect(scorm12Time(400 * 3600_000)).toBe('400:00:00.00')
    expect(scorm2004Time(0)).toBe('PT0S')
    expect(scorm2004Time(61_000)).toBe('PT1M1S')
    expect(scorm2004Time(3_723_450)).toBe('PT1H2M3.45S')
    expect(scorm2004Time(1_500)).toBe('PT1.5S')
  })
})
