import { describe, expect, it } from 'vitest'
import { scanPlaygroundRecord } from './record-scan.ts'
import { MAX_WORKSPACES, PLAYGROUND_VERSION, defaultWorkspace, isWorkspaceId, sanitizePlayground } from './schema.ts'
import { PLAYGROUND_KEY, createPlaygroundStore } from './store.ts'

const NOW = new Date('2026-12-08T00:00:00Z')
const scan = (raw: string) => scanPlaygroundRecord(raw, isWorkspaceId, MAX_WORKSPACES)

/** What load makes of the text when it parses the whole record. */
function viaParse(raw: string) {
  return sanitizePlayground(JSON.parse(raw).state, NOW)
}
function viaScan(raw: string) {
  const s = scan(raw)
  if (!s) throw new Error('not scanned')
  return sanitizePlayground(s.value.state, NOW, s.skipped)
}

describe('scanning a stored playground record', () => {
  it('gives load the same workspaces and messages as parsing the whole text', () => {
    const workspaces: Record<string, unknown> = {}
    for (let i = 0; i < 300; i++) {
      const ws = defaultWorkspace(NOW)
      ws.files = { 'index.mjs': `// ${i} "quoted" {braces} [brackets] \\ back`, 'lib/a.mjs': '}]' }
      if (i % 3 === 0) workspaces[`bad id ${i}`] = { files: 1, nested: [{ a: '"}' }] }
      else if (i % 7 === 0) workspaces[`playground:n${i}`] = i % 2 ? 'text' : [1, { x: null }]
      else workspaces[`playground:w${i}`] = ws
    }
    workspaces['lab:\u00e9scaped'] = { files: { 'index.mjs': 'x' } }
    workspaces['share:a\\"b'] = 12.5e3
    const raw = JSON.stringify({ state: { workspaces, other: { keep: true } }, version: PLAYGROUND_VERSION })
    const a = viaParse(raw)
    const b = viaScan(raw)
    expect(b.data).toEqual(a.data)
    expect(b.issues).toEqual(a.issues)
    expect(Object.keys(b.data.workspaces)).toHaveLength(MAX_WORKSPACES)
    expect(scan(raw)?.value.state.other).toEqual({ keep: true })
    expect(scan(raw)?.value.version).toBe(PLAYGROUND_VERSION)
  })

  it('skips bad entries unread and counts them', () => {
    const raw = JSON.stringify({
      state: { workspaces: { 'x y': { deep: [[[{}]]] }, 'playground:default': defaultWorkspace(NOW), z: 1 } },
      version: 1,
    })
    const s = scan(raw)
    expect(s?.skipped).toBe(2)
    expect(Object.keys(s?.value.state.workspaces as object)).toEqual(['playground:default'])
    expect(viaScan(raw).issues).toEqual(viaParse(raw).issues)
  })

  it('accepts whitespace and an empty list', () => {
    expect(scan(' { "state" : { "workspaces" : { } } , "version" : 1 } ')).toEqual({
      value: { state: { workspaces: {} }, version: 1 },
      skipped: 0,
    })
    const pretty = JSON.stringify(
      { state: { workspaces: { 'playground:default': defaultWorkspace(NOW) } }, version: 1 },
      null,
      2,
    )
    expect(viaScan(pretty)).toEqual(viaParse(pretty))
  })

  it('leaves anything of another shape, or broken where it reads, to JSON.parse (null)', () => {
    for (const raw of [
      '{"version":1,"state":{"workspaces":{}}}',
      '{"state":{"other":1,"workspaces":{}},"version":1}',
      '{"state":{"workspaces":[]},"version":1}',
      '{"state":{"workspaces":{"playground:a":{"files":}}},"version":1}',
      '{"state":{"workspaces":{"playground:a":{"files":{}}',
      '{"state":{"workspaces":{"a" 1}},"version":1}',
      '{"state":{"workspaces":{}},"version":1',
      '{"state":{"workspaces":{},"workspaces":{"playground:a":{}}},"version":1}',
      'not json',
    ])
      expect(scan(raw), raw).toBeNull()
  })

  it('the store loads a large record the same way, scanned or parsed', () => {
    const workspaces: Record<string, unknown> = {}
    for (let i = 0; i < 20_000; i++) workspaces[`w${i}`] = { files: 1 }
    for (let i = 0; i < 5; i++) workspaces[`playground:w${i}`] = defaultWorkspace(NOW)
    const raw = JSON.stringify({ state: { workspaces }, version: PLAYGROUND_VERSION })
    expect(raw.length).toBeGreaterThan(100_000)
    const m = new Map([[PLAYGROUND_KEY, raw]])
    const store = createPlaygroundStore({
      storage: { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: () => {} },
      now: () => NOW,
    })
    const expected = viaParse(raw)
    expect(store.getState().workspaces).toEqual(expected.data.workspaces)
    expect(store.getState().loadIssues).toEqual(expected.issues)
    expect(expected.issues.at(-1)?.message).toBe('20000 saved workspaces had an unrecognised name and were removed.')
  })
})
