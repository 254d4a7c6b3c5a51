// The "stored state" section of npm run bench (issue 10: "every import and repair of stored state is
// linear, and takes at most 200 ms for the largest file accepted"): the time to import or load the
// largest record each reader accepts, and the same reader on a quarter of it (linear work takes
// about a quarter of the time; quadratic work a sixteenth).
import { MAX_IMPORT_CHARS, parseImport } from '../../src/course/progress-export.ts'
import { EXPORT_FORMAT } from '../../src/course/progress-schema.ts'
import { createProgressStore, STORAGE_KEY } from '../../src/course/progress-store.ts'
import { defaultWorkspace, PLAYGROUND_VERSION } from '../../src/playground/schema.ts'
import { decodeShare, SHARE_LIMITS, SHARE_PREFIX } from '../../src/playground/share.ts'
import { createPlaygroundStore, PLAYGROUND_KEY } from '../../src/playground/store.ts'

/** What a browser's localStorage holds for one origin (5 MiB of UTF-16 in Chromium): the largest record. */
const STORAGE_CHARS = 5_000_000

/** A version-1 progress record (a list of slugs) of about `chars` characters. */
function progressV1(chars: number): Record<string, unknown> {
  const visited: string[] = []
  let size = 200
  for (let i = 0; size < chars; i++) {
    visited.push(`lesson-${i}`)
    size += 11 + String(i).length
  }
  return { visited, completed: visited.filter((_, i) => i % 2 === 0), lastLesson: 'lesson-1', updatedAt: 1e12 }
}

function progressImport(chars: number): string {
  for (let target = chars; ; target -= 1000) {
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 1, progress: progressV1(target * 0.66) })
    if (text.length <= chars) return text
  }
}

/** A playground record of about `chars` characters: many workspaces, each full of files. */
function playgroundRecord(chars: number): string {
  const workspaces: Record<string, unknown> = {}
  let size = 0
  for (let i = 0; size < chars - 60_000; i++) {
    const ws = defaultWorkspace(new Date(0))
    ws.files = { 'index.mjs': `// ${i}\n` + 'x'.repeat(40_000), 'lib/util.mjs': 'y'.repeat(10_000) }
    workspaces[`playground:w${i}`] = ws
    size += 51_000
  }
  return JSON.stringify({ state: { workspaces }, version: PLAYGROUND_VERSION })
}

/** A playground record of about `chars` characters made of as many tiny (bad) workspaces as fit. */
function playgroundMany(chars: number): string {
  const workspaces: Record<string, unknown> = {}
  let size = 0
  for (let i = 0; size < chars; i++) {
    workspaces[`w${i}`] = { files: 1 }
    size += 20 + String(i).length
  }
  return JSON.stringify({ state: { workspaces }, version: PLAYGROUND_VERSION })
}

function memoryStorage(key: string, value: string) {
  const m = new Map([[key, value]])
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  }
}

/** A share link of about `chars` characters (incompressible text, cut to the link limit). */
async function shareLink(chars: number): Promise<string> {
  let s = 12345
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) % 62
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let text = ''
  while (text.length < chars) text += abc[rnd()]
  const json = new TextEncoder().encode(
    JSON.stringify({
      v: 1,
      files: {
        'index.mjs': text.slice(0, Math.min(SHARE_LIMITS.fileBytes, chars / 4)),
        'b.mjs': text.slice(-Math.min(SHARE_LIMITS.fileBytes, chars / 4)),
      },
      activeFile: 'index.mjs',
      event: '{}',
      config: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 3 },
    }),
  )
  const packed = new Uint8Array(
    await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
  )
  let bin = ''
  for (const b of packed) bin += String.fromCharCode(b)
  return SHARE_PREFIX + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Median of `runs` timings of `f` (ms). */
async function time(f: () => unknown, runs = 5): Promise<number> {
  const ts: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    ts.push(performance.now() - t0)
  }
  ts.sort((a, b) => a - b)
  return ts[Math.floor(ts.length / 2)]
}

export interface StoredRow {
  label: string
  chars: number
  ms: number
  quarterMs: number
}

export async function benchStored(): Promise<StoredRow[]> {
  const rows: StoredRow[] = []
  const row = async (label: string, make: (chars: number) => Promise<() => unknown> | (() => unknown), max: number) => {
    const full = await make(max)
    const quarter = await make(max / 4)
    await full()
    await quarter()
    rows.push({ label, chars: max, ms: await time(full), quarterMs: await time(quarter) })
  }
  await row(
    'progress import, version-1 file (parseImport)',
    (n) => {
      const text = progressImport(n)
      return () => parseImport(text)
    },
    MAX_IMPORT_CHARS,
  )
  await row(
    'progress load from storage, version-1 record',
    (n) => {
      const text = JSON.stringify({ state: progressV1(n * 0.66), version: 1 })
      return () => createProgressStore({ storage: memoryStorage(STORAGE_KEY, text) })
    },
    STORAGE_CHARS,
  )
  await row(
    'playground load, full workspaces',
    (n) => {
      const text = playgroundRecord(n)
      return () => createPlaygroundStore({ storage: memoryStorage(PLAYGROUND_KEY, text) })
    },
    STORAGE_CHARS,
  )
  await row(
    'playground load and repair, 200k bad workspaces',
    (n) => {
      const text = playgroundMany(n)
      return () => createPlaygroundStore({ storage: memoryStorage(PLAYGROUND_KEY, text) })
    },
    STORAGE_CHARS,
  )
  await row(
    'share link decode (largest link)',
    async (n) => {
      const link = await shareLink(n)
      return () => decodeShare(link)
    },
    SHARE_LIMITS.linkChars,
  )
  return rows
}
