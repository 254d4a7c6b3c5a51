// The UI's two doors to the engine, src/lambda/public.ts and the Worker client, must stay light:
// bundling either pulls in no QuickJS, no sandbox and no engine service (esbuild's module graph).
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Every module (repository-relative, or the package path inside node_modules) a bundle of `entry` contains. */
async function moduleGraph(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  })
  return Object.keys(out.metafile.inputs)
}

const HEAVY = /quickjs-emscripten|@jitl\/|src\/lambda\/sandbox\/|src\/lambda\/service\/lambda\.ts|src\/worker\/host\.ts/

describe('the engine’s light public entry', () => {
  it.each(['src/lambda/public.ts', 'src/worker/client.ts'])('%s pulls in no QuickJS and no engine', async (entry) => {
    const graph = await moduleGraph(entry)
    expect(graph).toContain(entry)
    expect(graph.filter((m) => HEAVY.test(m))).toEqual([])
  })

  it('the check can fail: the engine itself brings QuickJS', async () => {
    const graph = await moduleGraph('src/lambda/index.ts')
    expect(graph.some((m) => m.includes('quickjs-emscripten-core'))).toBe(true)
    expect(graph).toContain('src/lambda/sandbox/sandbox.ts')
  })

  it('exports the validation, the sample events and the console rules', async () => {
    const pub = await import('./public.ts')
    expect(() => pub.validateRuntime('nodejs8.10')).toThrow()
    expect(pub.findSampleEvent('s3', 'put')?.service).toBe('s3')
    expect(pub.eventNameProblem('a b')).toMatch(/maximum of 25 characters/)
    expect(pub.MAX_SAVED_EVENTS).toBe(10)
  })
})
