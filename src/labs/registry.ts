// The lab registry for the browser build: lab.ts modules and their starter/solution files, all
// lazy, so a page loads only the lab it shows (each lab.ts and each file is its own small chunk).
//
//   import { labIds, loadLab, listLabs } from '../labs/registry.ts'
//   const { lab, starter, solution } = await loadLab('first-handler')
import type { LabDefinition, LabMeta, LoadedLab } from './types.ts'
import { validateLabDefinition } from './validate.ts'

type LabModule = { default: LabDefinition }

// Lazy only (never glob these eagerly elsewhere: mixing eager and lazy defeats code splitting).
const labModules = import.meta.glob<LabModule>('/content/labs/*/lab.ts')
const labFiles = import.meta.glob<string>('/content/labs/*/{starter,solution}/**/*', {
  query: '?raw',
  import: 'default',
})

const PREFIX = '/content/labs/'

/** Every lab's id (its folder name), sorted. Costs nothing: no module is loaded. */
export const labIds: readonly string[] = Object.keys(labModules)
  .map((k) => k.slice(PREFIX.length, -'/lab.ts'.length))
  .sort()

export class LabLoadError extends Error {
  constructor(
    readonly labId: string,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message)
    this.name = 'LabLoadError'
  }
}

export function hasLab(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(labModules, `${PREFIX}${id}/lab.ts`)
}

async function loadDefinition(id: string): Promise<LabDefinition> {
  const load = labModules[`${PREFIX}${id}/lab.ts`]
  if (!load) throw new LabLoadError(id, `There is no lab "${id}".`)
  const mod = await load()
  const problems = validateLabDefinition(mod.default, id)
  if (problems.length) throw new LabLoadError(id, `The lab "${id}" is not valid: ${problems[0]}`, problems)
  return mod.default
}

async function loadFiles(id: string, which: 'starter' | 'solution'): Promise<Record<string, string>> {
  const base = `${PREFIX}${id}/${which}/`
  const keys = Object.keys(labFiles).filter((k) => k.startsWith(base))
  const texts = await Promise.all(keys.map((k) => labFiles[k]()))
  const out: Record<string, string> = {}
  keys.forEach((k, i) => {
    out[k.slice(base.length)] = texts[i]
  })
  return out
}

/** A lab with its starter and solution files. Rejects with a LabLoadError when it is missing or invalid. */
export async function loadLab(id: string): Promise<LoadedLab> {
  const [lab, starter, solution] = await Promise.all([
    loadDefinition(id),
    loadFiles(id, 'starter'),
    loadFiles(id, 'solution'),
  ])
  return { lab, starter, solution }
}

/** Title, lesson and summary of every valid lab (loads each lab.ts chunk, a few KB each). */
export async function listLabs(): Promise<LabMeta[]> {
  const all = await Promise.all(
    labIds.map(async (id) => {
      try {
        const { title, lesson, summary } = await loadDefinition(id)
        return { id, title, lesson, summary }
      } catch {
        return undefined
      }
    }),
  )
  return all.filter((m): m is LabMeta => m !== undefined)
}
