/**
 * Between the learner's progress record (the course's ProgressData) and what a pack saves in the
 * LMS (a Snapshot of the pack's own activities). Pure.
 */
import { emptyProgress, type ProgressData } from '../course/index.ts'
import type { Pack, Unit } from './pack.ts'
import type { Snapshot } from './suspend.ts'

/** The pack's lessons: the lesson items (their visits and completion are saved). */
function packLessons(pack: Pick<Pack, 'items'>): string[] {
  return pack.items.filter((i) => i.kind === 'lesson').map((i) => i.id)
}

export function snapshotOf(
  p: Pick<ProgressData, 'checks' | 'labs' | 'lessons' | 'seed'>,
  pack: Pick<Pack, 'id' | 'items'>,
  units: readonly Unit[],
  at: string | null,
  now: number,
): Snapshot {
  const s: Snapshot = {
    pack: pack.id,
    seed: p.seed,
    at,
    checks: {},
    labs: {},
    lessons: {},
    savedAt: Math.floor(now / 1000) * 1000,
  }
  for (const u of units) {
    if (u.kind === 'check') {
      const c = p.checks[u.id]
      if (c && c.attempts > 0)
        s.checks[u.id] = { attempts: c.attempts, score: c.lastScore, passed: Boolean(c.passedAt), answer: c.answer }
    } else if (u.kind === 'lab') {
      const l = p.labs[u.id]
      if (l && l.attempts > 0) s.labs[u.id] = { attempts: l.attempts, passed: Boolean(l.passedAt) }
    }
  }
  for (const slug of packLessons(pack)) {
    const l = p.lessons[slug]
    if (l) s.lessons[slug] = Boolean(l.completedAt)
  }
  return s
}

/**
 * The progress record a snapshot stands for: the pack's activities only (what the LMS holds),
 * with the save time for every timestamp. Activities that are not in the pack any more (an
 * updated package) are left out.
 */
export function progressOf(s: Snapshot, pack: Pick<Pack, 'items'>, units: readonly Unit[]): ProgressData {
  const t = new Date(s.savedAt).toISOString()
  const data = emptyProgress()
  data.seed = s.seed
  const checkIds = new Set(units.filter((u) => u.kind === 'check').map((u) => u.id))
  const labIds = new Set(units.filter((u) => u.kind === 'lab').map((u) => u.id))
  for (const [id, c] of Object.entries(s.checks)) {
    if (!checkIds.has(id)) continue
    data.checks[id] = {
      attempts: c.attempts,
      lastAt: t,
      lastScore: c.score,
      passedAt: c.passed ? t : null,
      answer: c.answer ? c.answer.slice(0, 20) : null,
    }
  }
  for (const [id, l] of Object.entries(s.labs)) {
    if (!labIds.has(id)) continue
    data.labs[id] = { attempts: l.attempts, lastAt: t, passedAt: l.passed ? t : null }
  }
  const lessons = new Set(packLessons(pack))
  for (const [slug, done] of Object.entries(s.lessons)) {
    if (!lessons.has(slug)) continue
    data.lessons[slug] = { firstVisitedAt: t, lastVisitedAt: t, completedAt: done ? t : null }
  }
  return data
}
