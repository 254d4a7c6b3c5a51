/**
 * File-set helpers for the code editor: pure functions, no DOM, no Monaco (usable from Node).
 *
 * A function's code is a map of relative paths (`index.mjs`, `lib/orders.mjs`) to text. The
 * key order is the tab order.
 */

/** The extensions a function file may have, in the order the "new file" hint lists them. */
export const ALLOWED_EXTENSIONS = ['.mjs', '.js', '.cjs', '.ts', '.mts', '.json'] as const
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number]

/** Monaco language ids. JavaScript and TypeScript both use the 'typescript' language service (see monaco/setup.ts). */
export type FileKind = 'javascript' | 'typescript' | 'json'

const MAX_PATH_LENGTH = 200
const SEGMENT = /^[A-Za-z0-9_@][A-Za-z0-9._@-]*$/

/** The extension of a path including the dot (`.mjs`), or '' when there is none. `.d.ts` counts as `.ts`. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

export function isTypeScriptFile(path: string): boolean {
  const ext = extensionOf(path)
  return ext === '.ts' || ext === '.mts'
}

export function isDeclarationFile(path: string): boolean {
  return /\.d\.m?ts$/i.test(path)
}

export function kindOf(path: string): FileKind {
  const ext = extensionOf(path)
  if (ext === '.json') return 'json'
  if (ext === '.ts' || ext === '.mts') return 'typescript'
  return 'javascript'
}

/** A short human name for a file's language, for labels. */
export function kindLabel(path: string): string {
  const ext = extensionOf(path)
  if (ext === '.json') return 'JSON'
  if (ext === '.ts' || ext === '.mts') return 'TypeScript'
  if (ext === '.cjs') return 'JavaScript (CommonJS)'
  if (ext === '.mjs') return 'JavaScript (ES module)'
  return 'JavaScript'
}

/**
 * The path a file has after the build: TypeScript (`.ts`, `.mts`) becomes an ES module `.mjs`;
 * declaration files (`.d.ts`) produce nothing (null); everything else keeps its path.
 */
export function builtPathOf(path: string): string | null {
  if (isDeclarationFile(path)) return null
  if (isTypeScriptFile(path)) return path.replace(/\.m?ts$/i, '.mjs')
  return path
}

export type PathCheck = { ok: true; path: string } | { ok: false; message: string }

/**
 * Validates a file path typed by the learner, for a new file (`current` undefined) or for
 * renaming `current`. Returns the normalised path (trimmed, a leading `./` removed) or a message
 * that says what to change.
 */
export function validateFilePath(input: string, existing: readonly string[], current?: string): PathCheck {
  let path = input.trim()
  if (path === '') return { ok: false, message: 'Enter a file name, like lib/orders.mjs.' }
  if (path.includes('\\')) return { ok: false, message: 'Use “/” to separate folders, not “\\”.' }
  while (path.startsWith('./')) path = path.slice(2)
  if (path.startsWith('/')) {
    return { ok: false, message: 'Use a path relative to the function’s folder, like lib/orders.mjs (no leading “/”).' }
  }
  if (path.endsWith('/')) return { ok: false, message: 'The name ends with “/”: add a file name after the folder.' }
  if (path.length > MAX_PATH_LENGTH)
    return { ok: false, message: `The path is too long (${path.length} characters; at most ${MAX_PATH_LENGTH}).` }
  const segments = path.split('/')
  for (const seg of segments) {
    if (seg === '') return { ok: false, message: 'The path has an empty folder name (“//”).' }
    if (seg === '..') return { ok: false, message: '“..” is not allowed: files stay inside the function’s folder.' }
    if (seg === '.') return { ok: false, message: '“.” is not allowed as a folder name.' }
    if (!SEGMENT.test(seg)) {
      return {
        ok: false,
        message: `“${seg}” is not a valid name: use letters, digits, “-”, “_”, “.” and “@”, starting with a letter, digit, “_” or “@”.`,
      }
    }
  }
  const ext = extensionOf(path)
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext)) {
    const list = ALLOWED_EXTENSIONS.join(', ')
    return {
      ok: false,
      message: ext ? `“${ext}” files are not supported. Use one of ${list}.` : `Add an extension: one of ${list}.`,
    }
  }
  const others = existing.filter((p) => p !== current)
  if (path === current) return { ok: true, path }
  if (others.includes(path)) return { ok: false, message: `A file named ${path} already exists.` }
  const lower = path.toLowerCase()
  const sameButCase = others.find((p) => p.toLowerCase() === lower)
  if (sameButCase)
    return {
      ok: false,
      message: `${sameButCase} already exists; names that differ only in case are confusing on Lambda. Pick another name.`,
    }
  for (const p of others) {
    if (p.startsWith(`${path}/`)) return { ok: false, message: `${path} is already a folder (it holds ${p}).` }
    if (path.startsWith(`${p}/`)) return { ok: false, message: `${p} is a file, so it can’t also be a folder.` }
  }
  const built = builtPathOf(path)
  for (const p of others) {
    const otherBuilt = builtPathOf(p)
    if (built !== null && otherBuilt === built) {
      return {
        ok: false,
        message: isTypeScriptFile(path)
          ? `${path} builds to ${built}, and ${p} ${p === built ? 'already has that name' : 'builds to it too'}.`
          : `${p} builds to ${path}: pick another name.`,
      }
    }
  }
  return { ok: true, path }
}

/** A free name for a new file, with the active file's extension: `untitled.mjs`, `untitled-2.mjs`, … */
export function suggestNewFileName(existing: readonly string[], like?: string): string {
  let ext = like ? extensionOf(like) : '.mjs'
  if (ext === '.json' || !(ALLOWED_EXTENSIONS as readonly string[]).includes(ext)) ext = '.mjs'
  for (let i = 1; ; i++) {
    const name = i === 1 ? `untitled${ext}` : `untitled-${i}${ext}`
    if (validateFilePath(name, existing).ok) return name
  }
}

/** Renames a file, keeping its position in the tab order. */
export function renameInFiles(files: Record<string, string>, from: string, to: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [p, text] of Object.entries(files)) out[p === from ? to : p] = text
  return out
}

/** Removes a file. */
export function removeFromFiles(files: Record<string, string>, path: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [p, text] of Object.entries(files)) if (p !== path) out[p] = text
  return out
}

/** The tab to show after `path` is deleted: the next one, else the previous one. */
export function neighbourAfterDelete(paths: readonly string[], path: string): string | undefined {
  const i = paths.indexOf(path)
  const rest = paths.filter((p) => p !== path)
  if (rest.length === 0) return undefined
  return rest[Math.min(Math.max(i, 0), rest.length - 1)]
}
