// generated.ts (and the runtime's bootstrap/generated.ts) must be what scripts/build-prelude.ts
// produces from the sources right now.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  BOOTSTRAP_GENERATED_PATH,
  GENERATED_PATH,
  renderBootstrap,
  renderGenerated,
  BUILTIN_MODULES,
} from '../../../../scripts/build-prelude.ts'
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

  it('the runtime bootstrap is up to date (run `npx tsx scripts/build-prelude.ts` after editing runtime/bootstrap)', async () => {
    const fresh = await renderBootstrap()
    const committed = await readFile(BOOTSTRAP_GENERATED_PATH, 'utf8')
    expect(
      committed === fresh,
      'src/lambda/runtime/bootstrap/generated.ts is stale: run npx tsx scripts/build-prelude.ts',
    ).toBe(true)
    expect(
      committed.startsWith('// GENERATED FILE - DO NOT EDIT.\n// Built by `npx tsx scripts/build-prelude.ts`'),
    ).toBe(true)
  }, 60_000)
})
