import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkContent, formatProblem } from './check-content.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const fm = (o: Record<string, string> = {}) =>
  [
    '---',
    o.title ?? 'title: A lesson',
    o.summary ?? 'summary: What this lesson is about.',
    o.module ?? 'module: Foundations',
    o.objectives ?? 'objectives:\n  - Do one thing\n  - Do another',
    o.duration ?? 'duration: 10',
    '---',
    '',
  ].join('\n')

const CHALLENGES = [
  '<Challenges>',
  '<Challenge title="One">\n\nDo one thing.\n\n<Hint>\n\nA nudge.\n\n</Hint>\n\n<Solution>\n\nThe answer.\n\n</Solution>\n</Challenge>',
  '<Challenge title="Two">\n\nDo another.\n\n<Solution>\n\nThe other answer.\n\n</Solution>\n</Challenge>',
  '</Challenges>',
].join('\n')

const body = (extra = '', check = 'first-check', challenges = CHALLENGES) =>
  `## First part\n\nSome text.\n\n### A detail\n\nMore.\n${extra}\n\n<Check id="${check}" />\n\n## Summary\n\nDone.\n\n${challenges}\n`

const checksFile = (id: string) => `export default [
  { id: '${id}', kind: 'single', prompt: 'Which?', section: 'first-part', explanation: 'Because.',
    options: [{ text: 'Right', correct: true, why: 'It is.' }, { text: 'Wrong', why: 'It is not.' }] },
]
`

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'lf-content-'))
  dirs.push(root)
  mkdirSync(path.join(root, 'content', 'lessons'), { recursive: true })
  mkdirSync(path.join(root, 'content', 'diagrams'), { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(root, 'content', name)
    mkdirSync(path.dirname(p), { recursive: true })
    writeFileSync(p, text)
  }
  return root
}

async function problems(files: Record<string, string>) {
  return (await checkContent({ root: project(files), minAssessment: 2 })).map(formatProblem)
}

const good = {
  'lessons/01-first-lesson.mdx':
    fm() +
    body(
      'See [the next lesson](/lessons/second-lesson#a-detail) and [AWS docs](https://docs.aws.amazon.com/lambda/latest/dg/welcome.html).\n\n```js\nexport const handler = async () => 1\n```',
    ),
  'lessons/02-second-lesson.mdx':
    fm({ title: 'title: Second' }) +
    "import { Box } from '../diagrams/Box'\n\n" +
    body('<Figure caption="A box"><Box /></Figure>\n\nBack to [the first part](#first-part).', 'second-check'),
  'diagrams/Box.tsx':
    "import { useId } from 'react'\nimport { helper } from './helper'\nexport function Box() { const id = useId(); return <svg role=\"img\" aria-labelledby={id}><title id={id}>{helper}</title></svg> }\n",
  'diagrams/helper.ts': "export const helper = 'A box'\n",
  'checks/first-lesson.ts': checksFile('first-check'),
  'checks/second-lesson.ts': checksFile('second-check'),
}

describe('check-content', () => {
  it('passes valid content', async () => {
    expect(await problems(good)).toEqual([])
  })

  it('catches an MDX file that does not compile, with file and line', async () => {
    const p = await problems({
      ...good,
      'lessons/02-second-lesson.mdx': fm() + '## Part\n\nText\n\n<Callout kind="note">\nunclosed\n\n## Summary\n',
    })
    expect(p.some((l) => /^content\/lessons\/02-second-lesson\.mdx:\d+: does not compile: /.test(l))).toBe(true)
  })

  it('catches missing frontmatter', async () => {
    const p = await problems({ ...good, 'lessons/02-second-lesson.mdx': body() })
    expect(p).toContainEqual(expect.stringMatching(/^content\/lessons\/02-second-lesson\.mdx:1: missing frontmatter/))
  })

  it('catches each missing or ill-typed frontmatter field', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ title: '' }, /frontmatter is missing "title"/],
      [{ summary: 'summary: ""' }, /"summary" must be a non-empty string/],
      [{ module: 'module: 3' }, /"module" must be a non-empty string/],
      [{ objectives: 'objectives: []' }, /"objectives" must be a non-empty list/],
      [{ objectives: 'objectives: Learn things' }, /"objectives" must be a non-empty list/],
      [{ objectives: 'objectives:\n  - ok\n  - 42' }, /every item of frontmatter "objectives"/],
      [{ duration: 'duration: 0' }, /"duration" must be a positive integer/],
      [{ duration: 'duration: 7.5' }, /"duration" must be a positive integer/],
      [{ duration: 'duration: "ten"' }, /"duration" must be a positive integer/],
      [{ duration: '' }, /frontmatter is missing "duration"/],
      [{ title: 'title: [unclosed' }, /frontmatter is not valid YAML/],
    ]
    for (const [o, re] of cases) {
      const p = await problems({ ...good, 'lessons/01-first-lesson.mdx': fm(o) + body() })
      expect(p, JSON.stringify(o)).toContainEqual(
        expect.stringMatching(new RegExp(`^content/lessons/01-first-lesson\\.mdx:\\d+: .*${re.source}`)),
      )
    }
  })

  it('catches duplicate slugs', async () => {
    const p = await problems({ ...good, 'lessons/03-first-lesson.mdx': fm() + body() })
    expect(p).toContainEqual(
      'content/lessons/03-first-lesson.mdx: duplicate slug "first-lesson" (also used by content/lessons/01-first-lesson.mdx)',
    )
  })

  it('catches bad file names, duplicate and out-of-sequence prefixes', async () => {
    expect(await problems({ ...good, 'lessons/3-bad.mdx': fm() + body() })).toContainEqual(
      expect.stringMatching(/^content\/lessons\/3-bad\.mdx: file name must look like NN-slug\.mdx/),
    )
    expect(await problems({ ...good, 'lessons/02-other.mdx': fm() + body() })).toContainEqual(
      expect.stringMatching(/^content\/lessons\/02-second-lesson\.mdx: duplicate number prefix 02/),
    )
    expect(await problems({ ...good, 'lessons/04-gap.mdx': fm() + body() })).toContainEqual(
      expect.stringMatching(/^content\/lessons\/04-gap\.mdx: number prefix 04 is out of sequence \(expected 03/),
    )
  })

  it('catches a link to a lesson that does not exist', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx': fm() + body('Read [this](/lessons/no-such-lesson).'),
    })
    expect(p).toContainEqual(
      'content/lessons/01-first-lesson.mdx:17: links to a lesson that does not exist: /lessons/no-such-lesson',
    )
  })

  it('catches links to headings that do not exist, in another lesson or on the same page', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx':
        fm() +
        body(
          'See [x](/lessons/second-lesson#nope) and [y](#also-nope) and <a href="/lessons/second-lesson#gone">z</a>.',
        ),
    })
    expect(p).toContainEqual(
      expect.stringMatching(
        /01-first-lesson\.mdx:17: links to a heading that does not exist: \/lessons\/second-lesson#nope/,
      ),
    )
    expect(p).toContainEqual(
      expect.stringMatching(/01-first-lesson\.mdx:17: links to a heading that does not exist on this page: #also-nope/),
    )
    expect(p).toContainEqual(
      expect.stringMatching(/links to a heading that does not exist: \/lessons\/second-lesson#gone/),
    )
  })

  it('catches external links that are not AWS documentation, other paths, and remote images', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx':
        fm() +
        body(
          '[a](https://example.com/x) [b](http://docs.aws.amazon.com/lambda/) [c](/progress) ![d](https://example.com/i.png)',
        ),
    })
    expect(p).toContainEqual(expect.stringMatching(/external link to example\.com/))
    expect(p).toContainEqual(expect.stringMatching(/external link to docs\.aws\.amazon\.com: .*https/))
    expect(p).toContainEqual(expect.stringMatching(/link "\/progress" is not a lesson link/))
    expect(p).toContainEqual(expect.stringMatching(/image "https:\/\/example\.com\/i\.png" is not local/))
  })

  it('catches structure problems: a # heading, no Summary at the end, duplicate heading ids', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx': fm() + '# Title again\n\n## Part\n\n## Part\n\n## Summary\n\n## Afterword\n',
    })
    expect(p).toContainEqual(expect.stringMatching(/has a "# Title again" heading/))
    expect(p).toContainEqual(
      expect.stringMatching(/must end with a "## Summary" section \(the last "##" is "Afterword"\)/),
    )
    expect(p).toContainEqual(expect.stringMatching(/heading "Part" appears twice/))
  })

  it('requires two or more challenges after the Summary, each with a title and a solution', async () => {
    const none = await problems({ ...good, 'lessons/01-first-lesson.mdx': fm() + body('', 'first-check', '') })
    expect(none).toEqual([
      'content/lessons/01-first-lesson.mdx:21: the "## Summary" section has no <Challenges>: add two or three tasks for the playground, each a <Challenge title="…"> with a <Hint> and a <Solution>',
    ])
    const thin = await problems({
      ...good,
      'lessons/01-first-lesson.mdx':
        fm() +
        body(
          '',
          'first-check',
          '<Challenges>\n<Challenge>\n\nDo it.\n\n<Hint>\n\nA nudge.\n\n</Hint>\n</Challenge>\n</Challenges>',
        ),
    })
    expect(thin).toEqual([
      'content/lessons/01-first-lesson.mdx:25: <Challenges> holds 1 <Challenge>; give two or three tasks',
      'content/lessons/01-first-lesson.mdx:26: <Challenge> needs a title="…"',
      'content/lessons/01-first-lesson.mdx:26: <Challenge> has no <Solution>: say what the answer is, with its code and why',
    ])
  })

  it('catches unknown or missing code fence languages', async () => {
    const p = await problems({ ...good, 'lessons/01-first-lesson.mdx': fm() + body('```cobol\nx\n```\n\n```\ny\n```') })
    expect(p).toContainEqual(expect.stringMatching(/code fence language "cobol" is not highlighted/))
    expect(p).toContainEqual(expect.stringMatching(/code fence has no language/))
  })

  it('catches lesson imports outside diagrams, missing diagrams, and diagrams that import app code or remote URLs', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx':
        fm() + "import x from '../../src/app/App'\nimport { Gone } from '../diagrams/Gone'\n\n" + body(),
      'diagrams/Bad.tsx':
        'import { lessons } from \'../../src/course/registry\'\nexport const Bad = () => <img src="https://example.com/a.png" alt="" />\n',
    })
    expect(p).toContainEqual(
      expect.stringMatching(
        /01-first-lesson\.mdx:\d+: imports "\.\.\/\.\.\/src\/app\/App"; lessons may import only diagrams/,
      ),
    )
    expect(p).toContainEqual(expect.stringMatching(/imports "\.\.\/diagrams\/Gone", which does not exist/))
    expect(p).toContainEqual(
      'content/diagrams/Bad.tsx:1: imports "../../src/course/registry"; diagrams may import only React or other diagrams (./…)',
    )
    expect(p).toContainEqual(
      'content/diagrams/Bad.tsx:2: references a remote URL; diagrams must not load anything from elsewhere',
    )
  })

  it('lets the figure loader, and only it, use src/shared', async () => {
    const helper =
      "import { useNearViewport } from '../../src/shared/useNearViewport.ts'\nexport const x = useNearViewport\n"
    const p = await problems({ ...good, 'diagrams/lazy.tsx': helper, 'diagrams/Other.tsx': helper })
    expect(p.filter((line) => line.includes('diagrams/lazy.tsx'))).toEqual([])
    expect(p).toContainEqual(
      'content/diagrams/Other.tsx:1: imports "../../src/shared/useNearViewport.ts"; diagrams may import only React or other diagrams (./…)',
    )
  })

  it('reports an empty lessons folder', async () => {
    expect(await problems({})).toContainEqual('content/lessons: no lessons found (expected NN-slug.mdx files)')
  })
})

describe('check-content: knowledge checks', () => {
  const select = (n: number) => `export default [
  { id: 'first-check', kind: 'select', select: ${n}, prompt: 'Which two?', section: 'first-part', explanation: 'Because.',
    options: [{ text: 'A', correct: true, why: 'w' }, { text: 'B', correct: true, why: 'w' }, { text: 'C', why: 'w' }, { text: 'D', why: 'w' }] },
]
`
  it('fails a "select N" question whose number of correct options is not N, naming the file', async () => {
    expect(await problems({ ...good, 'checks/first-lesson.ts': select(2) })).toEqual([])
    expect(await problems({ ...good, 'checks/first-lesson.ts': select(3) })).toContain(
      'content/checks/first-lesson.ts: check 1 "first-check": says "select 3" but 2 options are marked correct.',
    )
  })
  it('fails a matching question with a missing or duplicate pair', async () => {
    const match = (pairs: string) =>
      `export default [{ id: 'first-check', kind: 'match', prompt: 'Match', section: 'a-detail', explanation: 'e', pairs: [${pairs}] }]\n`
    expect(
      await problems({
        ...good,
        'checks/first-lesson.ts': match("{ left: 'a', right: 'x' }, { left: 'b', right: 'y' }"),
      }),
    ).toEqual([])
    const dup = await problems({
      ...good,
      'checks/first-lesson.ts': match("{ left: 'a', right: 'x' }, { left: 'b', right: 'x' }"),
    })
    expect(dup.join('\n')).toMatch(
      /^content\/checks\/first-lesson\.ts: check 1 "first-check": pair 2 repeats the right side "x"/m,
    )
    const missing = await problems({
      ...good,
      'checks/first-lesson.ts': match("{ left: 'a', right: 'x' }, { left: 'b' }"),
    })
    expect(missing.join('\n')).toMatch(/pair 2 is missing its right side/)
  })
  it('fails a lesson with no check', async () => {
    const { ['checks/second-lesson.ts']: _, ...rest } = good
    const p = await problems({
      ...rest,
      'lessons/02-second-lesson.mdx': fm({ title: 'title: Second' }) + '## Part\n\nText.\n\n## Summary\n\nDone.\n',
    })
    expect(p).toContain(
      'content/lessons/02-second-lesson.mdx: has no knowledge check: add questions to content/checks/second-lesson.ts and place each with <Check id="…"/>',
    )
  })
  it('fails a placed check that does not exist, and a defined check that is never placed', async () => {
    const p = await problems({ ...good, 'lessons/01-first-lesson.mdx': fm() + body('', 'no-such-check') })
    expect(
      p.some((l) => /^content\/lessons\/01-first-lesson\.mdx:\d+: <Check id="no-such-check"\/> does not exist/.test(l)),
    ).toBe(true)
    expect(p.some((l) => l.startsWith('content/checks/first-lesson.ts: check "first-check" is never placed'))).toBe(
      true,
    )
  })
  it('fails duplicate ids across lessons, a dead section, and a checks file with no lesson', async () => {
    const p = await problems({
      ...good,
      'checks/second-lesson.ts': checksFile('first-check').replace("section: 'first-part'", "section: 'nowhere'"),
      'checks/ghost-lesson.ts': checksFile('ghost'),
    })
    const text = p.join('\n')
    expect(text).toMatch(
      /content\/checks\/second-lesson\.ts: check "first-check": the id is already used in content\/checks\/first-lesson\.ts/,
    )
    expect(text).toMatch(/section "nowhere" is not a heading id in its lesson/)
    expect(text).toMatch(/content\/checks\/ghost-lesson\.ts: there is no lesson with the slug "ghost-lesson"/)
  })
  it('fails when the self-assessment has too few questions', async () => {
    const p = (await checkContent({ root: project(good), minAssessment: 25 })).map(formatProblem)
    expect(p).toContain(
      'content/checks: the self-assessment has 2 questions; it needs at least 25 (add "assessment" exports)',
    )
  })
})

// Labs are validated by scripts/check-labs.ts (its own tests cover each message); this checks the wiring.
describe('check-content: labs', () => {
  it('includes lab problems: a <Lab id> naming no lab, and a lab folder without lab.ts', async () => {
    const p = await problems({
      ...good,
      'lessons/01-first-lesson.mdx': fm() + body('<Lab id="no-such-lab" />'),
      'labs/stray/starter/index.mjs': 'export const handler = async () => 1\n',
    })
    expect(p).toContain(
      'content/labs/stray: has no lab.ts (every lab folder needs one; put shared helpers in a folder whose name starts with _)',
    )
    expect(
      p.some((l) =>
        /^content\/lessons\/01-first-lesson\.mdx:\d+: <Lab id="no-such-lab"> names a lab that does not exist$/.test(l),
      ),
    ).toBe(true)
  })
})
