import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Catalog } from '../src/lms/pack.ts'
import { checkReferences } from './check-references.ts'
import { formatProblem } from './check-content.ts'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const catalog: Catalog = {
  lessons: [{ slug: 'how-lambda-works', title: 'How Lambda works', checks: ['intro-lambda-features'], labs: [] }],
  labs: [{ id: 'first-handler', title: 'First handler' }],
  checks: [{ id: 'intro-lambda-features', prompt: 'Which?' }],
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'lf-refs-'))
  dirs.push(root)
  const checks = path.join(root, 'content', 'checks')
  mkdirSync(checks, { recursive: true })
  writeFileSync(
    path.join(checks, 'how-lambda-works.ts'),
    "export default [{ id: 'intro-lambda-features' }]\nexport const assessment = [{ id: 'only-in-the-assessment' }]\n",
  )
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), text)
  }
  return root
}

describe('activities named in the docs and shipped pages', () => {
  it('finds every missing one, with file and line, and accepts the ones that exist', async () => {
    const root = project({
      'public/embed-example.html': '<p>\n<input value="./#/embed/check/lambda-features" />\n',
      'docs/embedding.md': [
        '`<course>/#/embed/check/<check-id>` is a placeholder.',
        'See `#/embed/check/intro-lambda-features` and `#/embed/check/only-in-the-assessment`.',
        'Or `embed-example.html?src=./%23/embed/lab/no-such-lab`.',
        'Lessons: [a link](/lessons/how-lambda-works#batching), `#/lessons/gone-lesson`.',
        '',
      ].join('\n'),
      'docs/instructors.md': [
        'Run `npm run package -- --lab first-handler` or `npm run package -- --format cmi5 --check nope`.',
        '',
        '```yaml',
        'id: week-1',
        'title: Week 1',
        'items:',
        '  - lesson: how-lambda-works',
        '  - lab: missing-lab',
        '```',
        '',
        '```yaml',
        'not: a pack config',
        '```',
        '',
      ].join('\n'),
      'content/README.md': 'Link as [How Lambda works](/lessons/how-lambda-works).\n',
    })
    const problems = (await checkReferences(root, catalog)).map(formatProblem)
    expect(problems).toEqual([
      'docs/embedding.md:3: names the lab "no-such-lab" (#/embed/lab/no-such-lab), which does not exist',
      'docs/embedding.md:4: names the lesson "gone-lesson" (/lessons/gone-lesson), which does not exist',
      'docs/instructors.md:1: runs npm run package --check nope, but there is no check "nope"',
      expect.stringMatching(
        /^docs\/instructors\.md:3: pack config example: items\[1\]: there is no lab "missing-lab"; /,
      ),
      'public/embed-example.html:2: names the knowledge check "lambda-features" (#/embed/check/lambda-features), which does not exist',
    ])
  })
})
