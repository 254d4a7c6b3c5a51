// src/lambda/sdk/generated/ must be what scripts/build-sdk.ts produces from node_modules and
// src/lambda/sdk/runtime right now.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SDK_GENERATED_DIR, renderSdk } from '../../../scripts/build-sdk.ts'
import { SDK_MANIFEST, SDK_SOURCES } from './generated/manifest.ts'
import { SDK_PACKAGES, SDK_VERSION } from './packages.ts'

describe('src/lambda/sdk/generated', () => {
  it('is up to date (run `npx tsx scripts/build-sdk.ts` after changing the SDK or src/lambda/sdk/runtime)', async () => {
    const fresh = await renderSdk()
    const committed = (await readdir(SDK_GENERATED_DIR)).filter((f) => f.endsWith('.ts')).sort()
    expect(committed).toEqual([...fresh.keys()].sort())
    for (const [file, text] of fresh) {
      const current = await readFile(path.join(SDK_GENERATED_DIR, file), 'utf8')
      expect(current === text, `${file} is stale: run npx tsx scripts/build-sdk.ts`).toBe(true)
    }
  }, 60_000)

  it('has every provided package, at the version the runtime reports', () => {
    expect(Object.keys(SDK_MANIFEST.packages).sort()).toEqual([...SDK_PACKAGES].sort())
    expect(SDK_MANIFEST.version).toBe(SDK_VERSION)
    for (const pkg of SDK_PACKAGES.filter((p) => p.startsWith('@aws-sdk/client-')))
      expect(SDK_MANIFEST.packages[pkg].packageJson.version, pkg).toBe('3.1178.0')
  })

  it('has no dynamic import() left in any script: every chunk loads through the runtime loader, and what a package loads on demand is fetched with it', async () => {
    for (const [key, get] of Object.entries(SDK_SOURCES)) {
      const { default: source } = await get()
      expect(/\bimport\s*\(/.test(source), `${key} has an import()`).toBe(false)
      expect(/\brequire\s*\(\s*["'`]\.\.?\//.test(source), `${key} requires a relative file`).toBe(false)
      for (const m of source.matchAll(/__lf_load\("(sdk\/[^"]+)"\)/g)) {
        expect(SDK_SOURCES[m[1]], `${key} loads ${m[1]}`).toBeDefined()
        for (const pkg of SDK_PACKAGES)
          if (SDK_MANIFEST.packages[pkg].requires.includes(key))
            expect(SDK_MANIFEST.packages[pkg].requires, `${pkg} needs ${m[1]} (loaded by ${key})`).toContain(m[1])
      }
    }
  })
})
