import { describe, expect, it } from 'vitest'
import { checkPackConfig, describeItems, packToConfig, packUnits, readPackFile, type Catalog } from './pack.ts'
import { evaluate } from './score.ts'

const catalog: Catalog = {
  lessons: [
    {
      slug: 'introduction-to-serverless',
      title: 'Introduction to serverless',
      checks: ['intro-a', 'intro-b'],
      labs: [],
    },
    { slug: 'authoring-functions', title: 'Authoring functions', checks: ['auth-a'], labs: ['first-handler'] },
    { slug: 'reading-only', title: 'A lesson to read', checks: [], labs: [] },
  ],
  labs: [
    { id: 'first-handler', title: 'Your first handler', lesson: 'authoring-functions' },
    { id: 'warm-starts', title: 'Warm starts' },
  ],
  checks: [
    { id: 'intro-a', prompt: 'Which of these are **features** of `Lambda`?', lesson: 'introduction-to-serverless' },
    { id: 'intro-b', prompt: 'Pick one', lesson: 'introduction-to-serverless' },
    { id: 'auth-a', prompt: 'Handlers', lesson: 'authoring-functions' },
  ],
}

const errorsOf = (raw: unknown) => {
  const r = checkPackConfig(raw, catalog)
  return r.ok ? [] : r.errors
}

describe('pack configs', () => {
  it('resolves items to titles and takes the defaults', () => {
    const r = checkPackConfig(
      {
        id: 'week-1',
        title: '  Week 1  ',
        items: [{ lesson: 'introduction-to-serverless' }, { lab: 'warm-starts' }, { check: 'intro-a' }],
        masteryScore: 0.8,
      },
      catalog,
    )
    expect(r).toEqual({
      ok: true,
      formats: ['scorm12', 'scorm2004', 'cmi5'],
      pack: {
        id: 'week-1',
        title: 'Week 1',
        description:
          '1 lesson, 1 hands-on lab and 1 knowledge check from Lambda Foundations, an interactive AWS Lambda course that runs in the browser.',
        masteryScore: 0.8,
        items: [
          { kind: 'lesson', id: 'introduction-to-serverless', title: 'Introduction to serverless' },
          { kind: 'lab', id: 'warm-starts', title: 'Warm starts' },
          { kind: 'check', id: 'intro-a', title: 'Which of these are features of Lambda?' },
        ],
      },
    })
  })

  it('names every bad entry, with a suggestion for a near miss', () => {
    const errors = errorsOf({
      id: 'Week 1',
      title: '',
      format: ['scorm12', 'aicc'],
      masteryScore: 80,
      extra: true,
      items: [
        { lesson: 'introduction-to-serverles' },
        { lab: 'no-such-lab-at-all-here' },
        { check: 'lambda-features' },
        { lesson: 'reading-only', lab: 'warm-starts' },
        'first-handler',
        { check: 12 },
        { lab: 'warm-starts' },
        { lab: 'warm-starts' },
      ],
    })
    expect(errors).toEqual([
      'unknown field "extra" (a pack config has: id, title, description, format, items, masteryScore)',
      'id: "Week 1"; use lowercase words joined by dashes, at most 64 characters (e.g. "lambda-basics")',
      'title: ""; give the pack a title of 1 to 200 characters',
      'format: "aicc" is not one of scorm12, scorm2004, cmi5 (or "all")',
      'masteryScore: 80 is not between 0 and 1 (for 80% write 0.8)',
      'items[0]: there is no lesson "introduction-to-serverles"; did you mean "introduction-to-serverless"?',
      'items[1]: there is no lab "no-such-lab-at-all-here"; the labs are: first-handler, warm-starts',
      'items[2]: there is no knowledge check "lambda-features"; the knowledge checks are: intro-a, intro-b, auth-a',
      'items[3]: an item names exactly one of lesson, lab or check',
      'items[4]: "first-handler" is not an item; write { lesson: <slug> }, { lab: <id> } or { check: <id> }',
      'items[5]: check must be an id (text), not 12',
      'items[7]: lab "warm-starts" is already in the pack',
    ])
  })

  it('suggests the prefixed id when the prefix was left out', () => {
    const c: Catalog = { ...catalog, checks: [{ id: 'intro-lambda-features', prompt: 'x' }] }
    const r = checkPackConfig({ id: 'p', title: 'P', items: [{ check: 'lambda-features' }] }, c)
    expect(r.ok ? [] : r.errors).toEqual([
      'items[0]: there is no knowledge check "lambda-features"; did you mean "intro-lambda-features"?',
    ])
  })

  it('refuses what is not a config, an empty or huge list, and hostile values', () => {
    expect(errorsOf(null)).toEqual(['a pack config must be an object with id, title and items'])
    expect(errorsOf([])).toEqual(['a pack config must be an object with id, title and items'])
    expect(errorsOf({ id: 'p', title: 'T', items: [] })).toEqual([
      'items: list at least one item, e.g. { lesson: <slug> }, { lab: <id> } or { check: <id> }',
    ])
    expect(
      errorsOf({ id: 'p', title: 'T', items: Array.from({ length: 201 }, () => ({ lab: 'warm-starts' })) }),
    ).toEqual(['items: 201 items; a pack holds at most 200'])
    expect(errorsOf({ id: 'p', title: 'T', masteryScore: Number.NaN, items: [{ lab: 'warm-starts' }] })).toEqual([
      'masteryScore: NaN is not between 0 and 1',
    ])
    expect(errorsOf({ id: 'p'.repeat(65), title: 'T', items: [{ lab: 'warm-starts' }] })[0]).toMatch(/^id: "p{60}…"/)
    expect(errorsOf({ id: 'p', title: 'T', masteryScore: 0.5, items: [{ lesson: 'reading-only' }] })).toEqual([
      'masteryScore: this pack has nothing to score (no knowledge checks or labs); leave masteryScore out',
    ])
    expect(errorsOf({ id: 'p', title: 'T', format: [], items: [{ lab: 'warm-starts' }] })).toEqual([
      'format: the list is empty; leave format out for every format',
    ])
  })

  it('counts a lesson’s checks and labs, a reading lesson as itself, and each activity once', () => {
    const r = checkPackConfig(
      {
        id: 'p',
        title: 'P',
        items: [
          { lesson: 'authoring-functions' },
          { lab: 'first-handler' },
          { lesson: 'reading-only' },
          { check: 'intro-b' },
        ],
      },
      catalog,
    )
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(packUnits(r.pack, catalog)).toEqual([
      { kind: 'check', id: 'auth-a' },
      { kind: 'lab', id: 'first-handler' },
      { kind: 'lesson', id: 'reading-only' },
      { kind: 'check', id: 'intro-b' },
    ])
  })

  it('a pack file round-trips, and a bad one is refused', () => {
    const r = checkPackConfig({ id: 'p', title: 'P', items: [{ lab: 'warm-starts' }], masteryScore: 0.5 }, catalog)
    if (!r.ok) throw new Error('bad')
    expect(readPackFile(JSON.parse(JSON.stringify({ ...r.pack, format: 'cmi5' })))).toEqual({
      pack: r.pack,
      format: 'cmi5',
    })
    expect(readPackFile(r.pack)).toEqual({ pack: r.pack, format: null })
    expect(readPackFile({ ...r.pack, items: [{ kind: 'video', id: 'x', title: 'x' }] })).toBeNull()
    expect(readPackFile({ ...r.pack, id: '../evil' })).toBeNull()
    expect(readPackFile('pack')).toBeNull()
    expect(packToConfig(r.pack, ['cmi5'])).toEqual({
      id: 'p',
      title: 'P',
      format: 'cmi5',
      masteryScore: 0.5,
      items: [{ lab: 'warm-starts' }],
    })
  })

  it('describes its items in words', () => {
    expect(describeItems([{ kind: 'check', id: 'a', title: 'A' }])).toMatch(/^1 knowledge check from/)
    expect(
      describeItems([
        { kind: 'lesson', id: 'a', title: 'A' },
        { kind: 'lesson', id: 'b', title: 'B' },
        { kind: 'check', id: 'c', title: 'C' },
      ]),
    ).toMatch(/^2 lessons and 1 knowledge check from/)
  })
})

describe('score, completion and success', () => {
  const units = [
    { kind: 'check' as const, id: 'a' },
    { kind: 'check' as const, id: 'b' },
    { kind: 'lab' as const, id: 'l' },
    { kind: 'lesson' as const, id: 'read' },
  ]
  const none = { checks: {}, labs: {}, lessons: {} }
  const t = '2026-01-01T00:00:00.000Z'

  it('starts at zero, incomplete, unknown', () => {
    expect(evaluate(units, none, 0.8)).toEqual({
      done: 0,
      total: 4,
      progress: 0,
      scored: 3,
      scaled: 0,
      percent: 0,
      completed: false,
      success: 'unknown',
      mastery: 0.8,
    })
  })

  it('gives partial credit, keeps a pass, counts a passed lab, and passes at the mastery score', () => {
    const p = {
      checks: {
        a: { attempts: 2, lastScore: 0.5, passedAt: null },
        b: { attempts: 3, lastScore: 0, passedAt: t }, // passed once, then answered wrong: still 1
      },
      labs: { l: { attempts: 1, passedAt: t } },
      lessons: {},
    }
    const e = evaluate(units, p, 0.8)
    expect(e).toMatchObject({ done: 3, scaled: 0.8333, percent: 83, completed: false, success: 'passed' })
    expect(evaluate(units, p, 0.9)).toMatchObject({ success: 'unknown' })
    const all = { ...p, lessons: { read: { completedAt: null } } }
    expect(evaluate(units, all, 0.9)).toMatchObject({ completed: true, success: 'failed', progress: 1 })
    expect(evaluate(units, all, null)).toMatchObject({ completed: true, success: 'unknown' })
  })

  it('a lab counts only once it passes; a reading-only pack has no score', () => {
    expect(
      evaluate(units, { checks: {}, labs: { l: { attempts: 5, passedAt: null } }, lessons: {} }, null),
    ).toMatchObject({ done: 0, scaled: 0 })
    expect(
      evaluate(
        [{ kind: 'lesson', id: 'read' }],
        { checks: {}, labs: {}, lessons: { read: { completedAt: null } } },
        0.8,
      ),
    ).toMatchObject({
      scaled: null,
      percent: null,
      completed: true,
      success: 'unknown',
    })
  })
})
