/**
 * Builds one LMS package: the static site (dist/, relative paths) plus the launch page
 * (lms.html), the pack file (packs/<id>.json) and the format's descriptor, zipped with fflate.
 * The zip is reproducible: the same dist/ and pack give the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { Pack, PackFormat } from '../../src/lms/pack.ts'
import { cmi5Xml, LAUNCH_FILE, launchHtml, scorm12Manifest, scorm2004Manifest } from './manifests.ts'

/** Not shipped in a package: the build's own manifest, and the embedding example (for iframes, not LMSs). */
const SKIP = [/^\.vite\//, /^embed-example\.html$/, /^packs\//, new RegExp(`^${LAUNCH_FILE.replace('.', '\\.')}$`)]

/** Files already compressed are stored as they are. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|gz)$/i

/** Fixed time stamps: the same input makes the same zip. */
const MTIME = new Date('2000-01-01T00:00:00Z')

export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name)
      if (statSync(abs).isDirectory()) walk(abs)
      else out.push(path.relative(dir, abs).split(path.sep).join('/'))
    }
  }
  walk(dir)
  return out
}

export function packageName(pack: Pack, format: PackFormat): string {
  return `${pack.id}-${format}.zip`
}

export interface BuiltPackage {
  format: PackFormat
  file: string
  bytes: number
  files: number
}

/** The package's files (path → bytes), before zipping: for tests and the zip alike. */
export function packageFiles(distDir: string, pack: Pack, format: PackFormat): Map<string, Uint8Array> {
  const index = path.join(distDir, 'index.html')
  if (!existsSync(index)) throw new Error(`${distDir} has no index.html: build the course first (npm run build).`)
  const files = new Map<string, Uint8Array>()
  for (const rel of listFiles(distDir)) {
    if (SKIP.some((re) => re.test(rel))) continue
    files.set(rel, readFileSync(path.join(distDir, rel)))
  }
  files.set(LAUNCH_FILE, strToU8(launchHtml(readFileSync(index, 'utf8'), pack)))
  files.set(`packs/${pack.id}.json`, strToU8(`${JSON.stringify({ format, ...pack }, null, 2)}\n`))
  const listed = [...files.keys()].sort()
  if (format === 'scorm12') files.set('imsmanifest.xml', strToU8(scorm12Manifest(pack, listed)))
  else if (format === 'scorm2004') files.set('imsmanifest.xml', strToU8(scorm2004Manifest(pack, listed)))
  else files.set('cmi5.xml', strToU8(cmi5Xml(pack)))
  return files
}

export function buildPackage(distDir: string, outDir: string, pack: Pack, format: PackFormat): BuiltPackage {
  const files = packageFiles(distDir, pack, format)
  const zippable: Zippable = {}
  // The descriptor first: some importers read only the start of the archive to recognise it.
  const names = [...files.keys()].sort((a, b) => {
    const first = (n: string) => (n === 'imsmanifest.xml' || n === 'cmi5.xml' ? 0 : 1)
    return first(a) - first(b) || a.localeCompare(b)
  })
  for (const name of names) {
    zippable[name] = [files.get(name)!, { level: STORED.test(name) ? 0 : 6, mtime: MTIME }]
  }
  const zip = zipSync(zippable)
  mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, packageName(pack, format))
  writeFileSync(file, zip)
  return { format, file, bytes: zip.length, files: names.length }
}
