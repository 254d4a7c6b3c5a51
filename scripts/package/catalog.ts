/**
 * What the course holds, read from content/ in Node the way the build reads it: the lessons (and
 * the checks and labs each places), every knowledge check placed in a lesson, every lab. The
 * browser builds the same catalog from its registries (src/app/lms/catalog.ts).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { scanLessons } from '../../src/course/build/lessons.ts'
import { listLabIds } from '../../src/labs/node.ts'
import type { Catalog } from '../../src/lms/pack.ts'

export async function readCatalog(root: string): Promise<Catalog> {
  const scan = scanLessons(path.join(root, 'content', 'lessons'), root)
  const lessons = scan.lessons.map((l) => ({ slug: l.slug, title: l.title, checks: l.checks, labs: l.labs }))
  const checks: Catalog['checks'][number][] = []
  for (const l of scan.lessons) {
    const file = path.join(root, 'content', 'checks', `${l.slug}.ts`)
    if (!existsSync(file)) continue
    let mod: { default?: { id?: unknown; prompt?: unknown }[] }
    try {
      mod = (await import(pathToFileURL(file).href)) as typeof mod
    } catch {
      continue // content validation reports a checks file that does not load
    }
    for (const q of mod.default ?? []) {
      if (typeof q?.id === 'string' && l.checks.includes(q.id))
        checks.push({ id: q.id, prompt: typeof q.prompt === 'string' ? q.prompt : q.id, lesson: l.slug })
    }
  }
  const labsDir = path.join(root, 'content', 'labs')
  const labs: Catalog['labs'][number][] = []
  for (const id of listLabIds(labsDir)) {
    let mod: { default?: { title?: unknown } } = {}
    try {
      mod = (await import(pathToFileURL(path.join(labsDir, id, 'lab.ts')).href)) as typeof mod
    } catch {
      // content validation reports a lab that does not load; its id still names it
    }
    const title = typeof mod.default?.title === 'string' ? mod.default.title : id
    const lesson = lessons.find((l) => l.labs.includes(id))?.slug
    labs.push({ id, title, ...(lesson ? { lesson } : {}) })
  }
  return { lessons, labs, checks }
}
