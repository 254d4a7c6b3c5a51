// Loading labs from disk in Node (content validation, tests, scripts). The browser uses
// registry.ts (Vite globs) over the same files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LabDefinition, LoadedLab } from './types.ts'
import { validateLabDefinition } from './validate.ts'

/** Folder names under content/labs/ that hold a lab.ts, sorted. */
export function listLabIds(labsDir: string): string[] {
  if (!existsSync(labsDir)) return []
  return readdirSync(labsDir)
    .filter((name) => existsSync(path.join(labsDir, name, 'lab.ts')))
    .sort()
}

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes. */
export function readFileTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name)
      if (statSync(abs).isDirectory()) walk(abs)
      else out[path.relative(dir, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8')
    }
  }
  walk(dir)
  return out
}

export type LoadLabResult = { ok: true; loaded: LoadedLab } | { ok: false; problems: string[] }

/** Import content/labs/<id>/lab.ts and read its starter/ and solution/ files. */
export async function loadLabFromDisk(labsDir: string, id: string): Promise<LoadLabResult> {
  const dir = path.join(labsDir, id)
  let mod: { default?: unknown }
  try {
    mod = (await import(pathToFileURL(path.join(dir, 'lab.ts')).href)) as { default?: unknown }
  } catch (err) {
    const e = err as Error
    return { ok: false, problems: [`lab.ts does not load: ${e.name}: ${e.message.split('\n')[0]}`] }
  }
  const problems = validateLabDefinition(mod.default, id)
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    loaded: {
      lab: mod.default as LabDefinition,
      starter: readFileTree(path.join(dir, 'starter')),
      solution: readFileTree(path.join(dir, 'solution')),
    },
  }
}
