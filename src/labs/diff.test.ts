import { describe, expect, it } from 'vitest'
import { diffFiles, withContext } from './diff.ts'
import { renderMarkdown } from './markdown.ts'

describe('solution diff', () => {
  it('diffs each file and counts lines', () => {
    const d = diffFiles(
      { 'index.mjs': 'a\nb\nc\n', 'old.mjs': 'x\n', 'same.mjs': 's\n' },
      { 'index.mjs': 'a\nB\nc\n', 'lib/new.mjs': 'n1\nn2\n', 'same.mjs': 's\n' },
    )
    expect(d.map((f) => [f.path, f.status, f.added, f.removed])).toEqual([
      ['index.mjs', 'changed', 1, 1],
      ['lib/new.mjs', 'added', 2, 0],
      ['old.mjs', 'removed', 0, 1],
      ['same.mjs', 'same', 0, 0],
    ])
    expect(d[0]!.lines).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'del', text: 'b' },
      { kind: 'add', text: 'B' },
      { kind: 'same', text: 'c' },
    ])
  })
  it('folds long unchanged runs', () => {
    const lines = Array.from({ length: 20 }, (_, i) => ({ kind: 'same' as const, text: String(i) }))
    lines[10] = { kind: 'add' as never, text: 'new' }
    const out = withContext(lines, 2)
    expect(out[0]).toEqual({ kind: 'gap', count: 8 })
    expect(out.at(-1)).toEqual({ kind: 'gap', count: 7 })
    expect(out.filter((l) => l.kind !== 'gap')).toHaveLength(5)
  })
})

describe('lab markdown', () => {
  it('renders Markdown and escapes raw HTML', () => {
    expect(renderMarkdown('Use `event.body`, **not** <script>alert(1)</script>')).toBe(
      '<p>Use <code>event.body</code>, <strong>not</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    )
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('javascript:')
    expect(renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |')).toContain('<table>')
  })
})
