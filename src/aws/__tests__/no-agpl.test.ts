// @cloud-copilot/iam-simulate is AGPL-3.0: it is a test oracle only and must never ship. No file
// under src/ other than a test may import it (or its AGPL siblings).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.includes(`${join('/', '__tests__', '/')}`)

describe('the AGPL test oracle stays out of the product', () => {
  it('no source file outside tests imports @cloud-copilot/*', () => {
    const offenders = files(SRC)
      .filter((f) => /\.(ts|tsx|js|mjs|cjs|jsx)$/.test(f) && !isTest(f))
      .filter((f) => /@cloud-copilot\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f))
    expect(offenders).toEqual([])
  })

  it('the check would catch one (it scans this very tree)', () => {
    const scanned = files(SRC).filter((f) => !isTest(f))
    expect(scanned.some((f) => f.endsWith(join('aws', 'iam', 'evaluate.ts')))).toBe(true)
  })

  it('the oracle is a devDependency, never a dependency', () => {
    const pkg = JSON.parse(readFileSync(join(SRC, '..', 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@cloud-copilot/'))).toEqual([])
    expect(pkg.devDependencies['@cloud-copilot/iam-simulate']).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
