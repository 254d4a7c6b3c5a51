// Lab validation: every failure names the file and says what to fix (broken fixture labs in a temp dir).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda, type Lambda } from '../src/lambda/index.ts'
import { checkLabs, labReferences, plannedLessonSlugs } from './check-labs.ts'

const dirs: string[] = []
let lambda: Lambda
beforeAll(async () => {
  lambda = await createLambda({ prewarm: 0, wallClockCapMs: 400 })
})
afterAll(() => {
  lambda.dispose()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const GOOD_FIELDS = `
  title: 'Double it',
  lesson: 'first-lesson',
  summary: 'Return twice the number.',
  instructions: '### Goal\\n\\nReturn { doubled: n * 2 }.',
  function: { Handler: 'index.handler', Runtime: 'nodejs22.x' },
  events: [{ name: 'Two', payload: { n: 2 } }],
  hints: ['Multiply.'],`

const DOUBLE_CHECK = `{
    name: 'doubles the number',
    async run(t) {
      const r = await t.invoke({ n: 2 })
      t.expect.succeeded(r, 'it got { n: 2 }')
      t.expect.equal(r.payload, { doubled: 4 }, 'Return { doubled: 4 } for { n: 2 }.')
    },
  }`

/** A lab.ts that needs no imports (defineLab is only a type helper). */
const labTs = (id: string, fields = GOOD_FIELDS, checks = `[${DOUBLE_CHECK}]`) =>
  `export default {\n  id: '${id}',${fields}\n  checks: ${checks},\n}\n`

const SOLUTION = 'export const handler = async (e) => ({ doubled: e.n * 2 })'
const STARTER = 'export const handler = async (e) => ({ doubled: e.n })'
/** A plausible mistake: the answer for the one event the learner tried, written in. */
const HARD_CODED = 'export const handler = async () => ({ doubled: 4 })'

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'lf-labs-'))
  dirs.push(root)
  const all: Record<string, string> = {
    'lessons/01-first-lesson.mdx': '---\ntitle: x\n---\n\n## A\n',
    'README.md': '| `01-first-lesson.mdx` | Foundations |\n| `02-planned-lesson.mdx` | Foundations |\n',
    ...files,
  }
  for (const [name, text] of Object.entries(all)) {
    if (text === undefined) continue
    const p = path.join(root, 'content', name)
    mkdirSync(path.dirname(p), { recursive: true })
    writeFileSync(p, text)
  }
  return root
}

const goodLab = (id: string) => ({
  [`labs/${id}/lab.ts`]: labTs(id),
  [`labs/${id}/starter/index.mjs`]: STARTER,
  [`labs/${id}/solution/index.mjs`]: SOLUTION,
  [`labs/${id}/wrong/no-doubling/index.mjs`]: STARTER.replace('e.n', 'e.n + 0'),
})

/** A check that tries a second value, so a hard-coded answer fails. */
const TWO_CHECKS = `[${DOUBLE_CHECK}, {
    name: 'doubles another number',
    async run(t) {
      const r = await t.invoke({ n: 5 })
      t.expect.equal(r.payload, { doubled: 10 }, 'Return { doubled: 10 } for { n: 5 }.')
    },
  }]`

async function check(files: Record<string, string>) {
  const lines: string[] = []
  const result = await checkLabs({ root: project(files), lambda, log: (l) => lines.push(l) })
  return {
    ...result,
    messages: result.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`),
    lines,
  }
}

describe('check-labs', () => {
  it('passes a good lab and prints each check for the solution and the starter', async () => {
    const r = await check(goodLab('double-it'))
    expect(r.messages).toEqual([])
    expect(r.notes).toEqual([])
    expect(r.labs.map((l) => [l.id, l.solution?.pass, l.starter?.pass, l.wrong?.map((w) => w.run.pass)])).toEqual([
      ['double-it', true, false, [false]],
    ])
    expect(r.lines.join('\n')).toMatch(
      /double-it \(lesson first-lesson\)\n {4}solution {2}pass {2}doubles the number\n {4}starter {3}FAIL {2}doubles the number — Return \{ doubled: 4 \} for \{ n: 2 \}\. \[Expected \{"doubled":4\}, got \{"doubled":2\}\.\]\n {4}wrong {5}no-doubling: caught by "doubles the number"/,
    )
  })

  it('fails when a known-wrong solution passes every check, and says which check catches it once fixed', async () => {
    const weak = await check({ ...goodLab('double-it'), 'labs/double-it/wrong/hard-coded/index.mjs': HARD_CODED })
    expect(weak.messages).toEqual([
      'content/labs/double-it/wrong/hard-coded: passes every check, but it is a known-wrong solution: add or tighten a check so that it fails (a check a wrong solution passes teaches the wrong thing)',
    ])
    expect(weak.lines.join('\n')).toContain('hard-coded: NOT CAUGHT: it passes every check')
    const strong = await check({
      ...goodLab('double-it'),
      'labs/double-it/lab.ts': labTs('double-it', GOOD_FIELDS, TWO_CHECKS),
      'labs/double-it/wrong/hard-coded/index.mjs': HARD_CODED,
    })
    expect(strong.messages).toEqual([])
    expect(strong.lines.join('\n')).toContain('hard-coded: caught by "doubles another number"')
  })

  it('lays a wrong solution over the starter, so it holds only the files a learner changes', async () => {
    const r = await check({
      ...goodLab('double-it'),
      'labs/double-it/starter/lib/fixed.mjs': 'export const factor = 2\n',
      'labs/double-it/solution/lib/fixed.mjs': 'export const factor = 2\n',
      'labs/double-it/solution/index.mjs':
        "import { factor } from './lib/fixed.mjs'\nexport const handler = async (e) => ({ doubled: e.n * factor })",
      'labs/double-it/wrong/no-doubling/index.mjs':
        "import { factor } from './lib/fixed.mjs'\nexport const handler = async (e) => ({ doubled: e.n * factor + 1 })",
    })
    expect(r.messages).toEqual([])
    expect(r.labs[0].wrong?.[0].run.results[0].message).toBe('Return { doubled: 4 } for { n: 2 }.')
  })

  it('requires at least one known-wrong solution, and well-formed wrong/ folders', async () => {
    const { 'labs/double-it/wrong/no-doubling/index.mjs': _w, ...noWrong } = goodLab('double-it')
    const none = await check(noWrong)
    expect(none.messages).toEqual([
      'content/labs/double-it: has no known-wrong solution: add wrong/<what-is-wrong>/ with the files of a plausible mistake (a hard-coded answer, a missing validation…); check:content makes sure the checks catch it',
    ])
    const bad = await check({
      ...goodLab('double-it'),
      'labs/double-it/wrong/Hard Coded/index.mjs': STARTER,
    })
    expect(bad.messages).toEqual([
      'content/labs/double-it/wrong/Hard Coded: the folder name must say what is wrong, in lowercase words joined by dashes',
    ])
  })

  it('reports a lab.ts that does not load', async () => {
    const r = await check({
      ...goodLab('broken'),
      'labs/broken/lab.ts': 'export default {\n  id: "broken",\n  title: \n}\n',
    })
    expect(r.messages).toHaveLength(1)
    expect(r.messages[0]).toMatch(/^content\/labs\/broken\/lab\.ts: lab\.ts does not load: /)
  })

  it('names every missing or ill-typed field, and a folder name that differs from the id', async () => {
    const fields = `
  title: '',
  lesson: 'First Lesson',
  instructions: '# Big heading\\n\\n\`\`\`md\\n# fine inside a fence\\n\`\`\`',
  function: { Handler: 'index', Runtime: 'nodejs16.x', MemorySize: 64, Timeout: 0 },
  events: [{ name: 'A', payload: 1 }, { name: 'A', payload: 2 }, { payload: 3 }],
  hints: [],`
    const r = await check({
      ...goodLab('other-name'),
      'labs/other-name/lab.ts': labTs('wrong-id', fields, `[{ name: 'x', run() {} }, { name: 'x' }]`),
    })
    expect(r.messages).toEqual([
      'content/labs/other-name/lab.ts: "id" is "wrong-id" but the folder is "other-name"; they must be the same',
      'content/labs/other-name/lab.ts: "title" is missing or empty',
      'content/labs/other-name/lab.ts: "summary" is missing or empty',
      'content/labs/other-name/lab.ts: "lesson" "First Lesson" is not a lesson slug (lowercase words joined by dashes)',
      'content/labs/other-name/lab.ts: "instructions" line 1 is a "#" heading; headings in instructions start at ###',
      'content/labs/other-name/lab.ts: "function.Handler" must look like "index.handler" (file.export); found "index"',
      'content/labs/other-name/lab.ts: "function.Runtime" must be one of nodejs24.x, nodejs22.x; found "nodejs16.x"',
      'content/labs/other-name/lab.ts: "function.MemorySize" must be a whole number of MB from 128 to 10240',
      'content/labs/other-name/lab.ts: "function.Timeout" must be a whole number of seconds from 1 to 900',
      'content/labs/other-name/lab.ts: "events" has two events named "A"',
      'content/labs/other-name/lab.ts: "events[2]" needs a "name"',
      'content/labs/other-name/lab.ts: "hints" must list at least one hint (a nudge first, nearly the answer last)',
      'content/labs/other-name/lab.ts: "checks" has two checks named "x"',
      'content/labs/other-name/lab.ts: "checks[1]" ("x") needs a "run" function',
    ])
  })

  it('requires the lesson to exist; a lesson planned in content/README.md but not written is only a note', async () => {
    const missing = await check({
      ...goodLab('double-it'),
      'labs/double-it/lab.ts': labTs('double-it', GOOD_FIELDS.replace("'first-lesson'", "'no-such-lesson'")),
    })
    expect(missing.messages).toEqual([
      'content/labs/double-it/lab.ts: "lesson" is "no-such-lesson", but there is no lesson with that slug (content/lessons/NN-no-such-lesson.mdx)',
    ])
    const planned = await check({
      ...goodLab('double-it'),
      'labs/double-it/lab.ts': labTs('double-it', GOOD_FIELDS.replace("'first-lesson'", "'planned-lesson'")),
    })
    expect(planned.messages).toEqual([])
    expect(planned.notes).toEqual([
      'content/labs/double-it/lab.ts: lesson "planned-lesson" is planned but not written yet; the lab is checked anyway',
    ])
  })

  it('requires starter/ and solution/ with the handler file', async () => {
    const { 'labs/double-it/starter/index.mjs': _s, ...noStarter } = goodLab('double-it')
    const r = await check({
      ...noStarter,
      'labs/double-it/solution/index.mjs': undefined as never,
      'labs/double-it/solution/main.mjs': SOLUTION,
    })
    expect(r.messages).toEqual([
      'content/labs/double-it: starter/ is missing or empty',
      'content/labs/double-it: solution/ has no file for the handler "index.handler" (expected index.mjs, index.js or index.cjs)',
    ])
    expect(r.labs).toEqual([])
  })

  it("fails when the solution fails a check, with the check's message", async () => {
    const r = await check({ ...goodLab('double-it'), 'labs/double-it/solution/index.mjs': STARTER })
    expect(r.messages).toEqual([
      'content/labs/double-it/solution: fails the check "doubles the number": Return { doubled: 4 } for { n: 2 }. (Expected {"doubled":4}, got {"doubled":2}.)',
    ])
  })

  it('fails when the starter already passes every check', async () => {
    const r = await check({ ...goodLab('double-it'), 'labs/double-it/starter/index.mjs': SOLUTION })
    expect(r.messages).toEqual([
      'content/labs/double-it/starter: passes every check; the starter must leave the learner something to do (at least one check must fail)',
    ])
  })

  it('reports a check that crashes in the solution run', async () => {
    const r = await check({
      ...goodLab('double-it'),
      'labs/double-it/lab.ts': labTs(
        'double-it',
        GOOD_FIELDS,
        `[{ name: 'crashes', run(t) { return t.nope.call() } }]`,
      ),
    })
    expect(r.messages).toHaveLength(1)
    expect(r.messages[0]).toMatch(
      /^content\/labs\/double-it\/solution: fails the check "crashes": The check itself crashed \(TypeError: Cannot read properties of undefined \(reading 'call'\)\)/,
    )
  })

  it('reports <Lab id> references to labs that do not exist (not inside code fences), and folders without lab.ts', async () => {
    const r = await check({
      ...goodLab('double-it'),
      'lessons/01-first-lesson.mdx':
        '---\ntitle: x\n---\n\n## A\n\n<Lab id="double-it" />\n\n<Lab id="nope"/>\n\n```mdx\n<Lab id="in-a-fence" />\n```\n',
      'labs/stray/starter/index.mjs': SOLUTION,
      'labs/_shared/events.ts': 'export const x = 1\n',
    })
    expect(r.messages).toEqual([
      'content/labs/stray: has no lab.ts (every lab folder needs one; put shared helpers in a folder whose name starts with _)',
      'content/lessons/01-first-lesson.mdx:9: <Lab id="nope"> names a lab that does not exist (labs: double-it)',
    ])
  })

  it('reads lab references and planned slugs', () => {
    const root = project({ 'lessons/02-b.mdx': '<Lab id=\'single\' />\n<Lab title="x" id={"braced"} />\n' })
    expect(labReferences(path.join(root, 'content', 'lessons'), root)).toEqual([
      { file: 'content/lessons/02-b.mdx', line: 1, id: 'single' },
      { file: 'content/lessons/02-b.mdx', line: 2, id: 'braced' },
    ])
    expect([...plannedLessonSlugs(root)]).toEqual(['first-lesson', 'planned-lesson'])
  })
})
