// generated.ts must be what scripts/build-prelude.ts produces from src/ right now.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { GENERATED_PATH, renderGenerated, BUILTIN_MODULES } from '../../../../scripts/build-prelude.ts'
import { PRELUDE_BUILTIN_MODULES, PRELUDE_CORE, PRELUDE_LAZY } from './generated.ts'

describe('generated.ts', () => {
  it('is up to date (run `npx tsx scripts/build-prelude.ts` after editing prelude/src)', async () => {
    const fresh = await renderGenerated()
    const committed = await readFile(GENERATED_PATH, 'utf8')
    expect(
      committed === fresh,
      'src/lambda/sandbox/prelude/generated.ts is stale: run npx tsx scripts/build-prelude.ts',
    ).toBe(true)
  }, 60_000)

  it('says it is generated and by which command', async () => {
    const committed = await readFile(GENERATED_PATH, 'utf8')
    expect(
      committed.startsWith('// GENERATED FILE - DO NOT EDIT.\n// Built by `npx tsx scripts/build-prelude.ts`'),
    ).toBe(true)
  })

  it('has a lazy module for every public builtin, and the core is one script', () => {
    expect(PRELUDE_BUILTIN_MODULES).toEqual([...BUILTIN_MODULES])
    for (const name of PRELUDE_BUILTIN_MODULES) expect(typeof PRELUDE_LAZY[name], name).toBe('string')
    for (const src of Object.values(PRELUDE_LAZY))
      expect(src.startsWith('(function(__lf_load,__lf_internals){')).toBe(true)
    expect(PRELUDE_CORE.length).toBeGreaterThan(0)
  })
})
