/** "Show solution" as a diff: per file, what the solution changes in the learner's files. */
import { diffLines } from 'diff'

export type DiffLine = { kind: 'same' | 'add' | 'del'; text: string }

export interface FileDiff {
  path: string
  status: 'changed' | 'added' | 'removed' | 'same'
  lines: DiffLine[]
  added: number
  removed: number
}

function split(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export function diffFiles(current: Record<string, string>, target: Record<string, string>): FileDiff[] {
  const paths = [...new Set([...Object.keys(current), ...Object.keys(target)])].sort()
  return paths.map((path) => {
    const a = current[path]
    const b = target[path]
    if (a === undefined) {
      const lines = split(b ?? '').map((text) => ({ kind: 'add' as const, text }))
      return { path, status: 'added', lines, added: lines.length, removed: 0 }
    }
    if (b === undefined) {
      const lines = split(a).map((text) => ({ kind: 'del' as const, text }))
      return { path, status: 'removed', lines, added: 0, removed: lines.length }
    }
    if (a === b) return { path, status: 'same', lines: [], added: 0, removed: 0 }
    const lines: DiffLine[] = []
    let added = 0
    let removed = 0
    for (const part of diffLines(a, b)) {
      const kind = part.added ? 'add' : part.removed ? 'del' : 'same'
      for (const text of split(part.value)) {
        lines.push({ kind, text })
        if (kind === 'add') added++
        if (kind === 'del') removed++
      }
    }
    return { path, status: 'changed', lines, added, removed }
  })
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one gap marker. */
export function withContext(lines: DiffLine[], context = 3): (DiffLine | { kind: 'gap'; count: number })[] {
  const keep = lines.map(() => false)
  lines.forEach((l, i) => {
    if (l.kind === 'same') return
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true
  })
  const out: (DiffLine | { kind: 'gap'; count: number })[] = []
  let gap = 0
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (gap) out.push({ kind: 'gap', count: gap })
      gap = 0
      out.push(l)
    } else gap++
  })
  if (gap) out.push({ kind: 'gap', count: gap })
  return out
}
