/**
 * Build time (Node): the type declarations of one provided SDK package (src/lambda/sdk/packages.ts)
 * and of every package they import (`@smithy/*`, `@aws-sdk/types`, …), as a file map
 * `{ "file:///node_modules/<pkg>/<path>": text }` that the editor hands to Monaco's TypeScript
 * worker with addExtraLib (./load.ts). Only the `.d.ts` files reachable from the package's
 * `types` entry are taken (never the `ts3.4` copies); each package gets a small package.json
 * (name, types, and its `exports` reduced to their `types`), so `@smithy/core/client` resolves in
 * the worker as it does in Node (moduleResolution 'bundler'). Node built-ins (`stream`, …) are left
 * unresolved: the worker reads them as `any`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const TYPES_ROOT = 'file:///node_modules/'

interface PackageJson {
  name: string
  version?: string
  types?: string
  typings?: string
  exports?: unknown
}

const SPECIFIERS = [
  /\b(?:from|import)\s*['"]([^'"]+)['"]/g, // import/export … from 'x', import 'x'
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('x') types
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import x = require('x')
  /\/\/\/\s*<reference\s+(?:path|types)\s*=\s*['"]([^'"]+)['"]/g,
]

/** The module specifiers a declaration file names. */
export function specifiersIn(text: string): string[] {
  const out = new Set<string>()
  for (const re of SPECIFIERS) for (const m of text.matchAll(re)) out.add(m[1])
  return [...out]
}

/** The `types` file of an `exports` entry (a string or nested conditions). */
function typesOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.endsWith('.d.ts') ? entry : undefined
  if (!entry || typeof entry !== 'object') return undefined
  const e = entry as Record<string, unknown>
  if (typeof e.types === 'string') return e.types
  for (const k of ['import', 'node', 'require', 'default']) {
    const t = typesOf(e[k])
    if (t) return t
  }
  return undefined
}

/** `exports` reduced to `{ subpath: { types } }` (subpaths with a types file only). */
export function typesExports(exportsField: unknown): Record<string, { types: string }> {
  const out: Record<string, { types: string }> = {}
  if (!exportsField || typeof exportsField !== 'object') return out
  const entries = Object.entries(exportsField as Record<string, unknown>)
  if (entries.length && !entries[0][0].startsWith('.')) {
    const t = typesOf(exportsField)
    if (t) out['.'] = { types: t }
    return out
  }
  for (const [sub, v] of entries) {
    const t = typesOf(v)
    if (t && !t.includes('/ts3.4/')) out[sub] = { types: t }
  }
  return out
}

function splitSpecifier(spec: string): { pkg: string; sub: string } {
  const parts = spec.split('/')
  const n = spec.startsWith('@') ? 2 : 1
  return { pkg: parts.slice(0, n).join('/'), sub: parts.length > n ? `./${parts.slice(n).join('/')}` : '.' }
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile()
}

/**
 * Every declaration file `entryPackage` needs, read from `nodeModules`, keyed by
 * `file:///node_modules/<pkg>/<path>`, plus a reduced package.json per package.
 */
export function collectSdkTypes(entryPackage: string, nodeModules: string): Record<string, string> {
  const files: Record<string, string> = {}
  const packages = new Map<string, { dir: string; json: PackageJson } | null>()
  const queue: string[] = []

  const packageOf = (name: string) => {
    if (!packages.has(name)) {
      const dir = path.join(nodeModules, name)
      const pj = path.join(dir, 'package.json')
      packages.set(name, isFile(pj) ? { dir, json: JSON.parse(readFileSync(pj, 'utf8')) as PackageJson } : null)
    }
    return packages.get(name)
  }
  const add = (abs: string) => {
    if (abs.split(path.sep).includes('ts3.4')) return
    const rel = path.relative(nodeModules, abs).split(path.sep).join('/')
    const key = TYPES_ROOT + rel
    if (key in files) return
    files[key] = readFileSync(abs, 'utf8')
    queue.push(abs)
  }
  const resolveRelative = (from: string, spec: string) => {
    const base = path.resolve(path.dirname(from), spec)
    const stem = base.replace(/\.(js|mjs|cjs|d\.ts)$/, '')
    for (const c of [`${stem}.d.ts`, path.join(base, 'index.d.ts')]) if (isFile(c)) return c
    return undefined
  }
  const resolveBare = (spec: string) => {
    const { pkg, sub } = splitSpecifier(spec)
    const info = packageOf(pkg)
    if (!info) return undefined // a Node built-in or a package not installed
    const exp = typesExports(info.json.exports)
    const t = sub === '.' ? (exp['.']?.types ?? info.json.types ?? info.json.typings) : exp[sub]?.types
    return t ? resolveRelative(path.join(info.dir, 'package.json'), t) : undefined
  }

  const entry = resolveBare(entryPackage)
  if (!entry) throw new Error(`sdk-types: no type declarations for ${entryPackage} in ${nodeModules}`)
  add(entry)
  while (queue.length) {
    const file = queue.shift() as string
    for (const spec of specifiersIn(files[TYPES_ROOT + path.relative(nodeModules, file).split(path.sep).join('/')])) {
      const target = spec.startsWith('.') ? resolveRelative(file, spec) : resolveBare(spec)
      if (target) add(target)
    }
  }
  for (const [name, info] of packages) {
    if (!info) continue
    const exp = typesExports(info.json.exports)
    const pj = { name, version: info.json.version, types: exp['.']?.types ?? info.json.types ?? info.json.typings }
    files[`${TYPES_ROOT}${name}/package.json`] = JSON.stringify(Object.keys(exp).length ? { ...pj, exports: exp } : pj)
  }
  return files
}
