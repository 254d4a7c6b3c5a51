import { describe, expect, it } from 'vitest'
import { PLAYGROUND_VERSION, defaultWorkspace, type Workspace } from './schema.ts'
import { PLAYGROUND_BACKUP_KEY, PLAYGROUND_KEY, createPlaygroundStore, type StorageLike } from './store.ts'

class FakeStorage implements StorageLike {
  data = new Map<string, string>()
  writes = 0
  failWrites = false
  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.data.set(k, v)
  }
  getItem(k: string) {
    return this.data.has(k) ? (this.data.get(k) as string) : null
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError')
    this.writes++
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
  json(k = PLAYGROUND_KEY) {
    return JSON.parse(this.getItem(k) as string)
  }
}

const NOW = new Date('2026-11-27T12:00:00.000Z')
const make = (storage: StorageLike, writeDelayMs = 0) =>
  createPlaygroundStore({ storage, now: () => NOW, writeDelayMs })
const ID = 'playground:default'

function stored(workspaces: Record<string, unknown>, version = PLAYGROUND_VERSION) {
  return JSON.stringify({ state: { workspaces }, version })
}

describe('playground store', () => {
  it('starts empty, writes nothing until a workspace is opened, then persists edits under a versioned key', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    expect(store.getState().workspaces).toEqual({})
    expect(storage.writes).toBe(0)
    store.getState().ensureWorkspace(ID, () => defaultWorkspace(NOW))
    store.getState().setFile(ID, 'index.mjs', 'export const handler = async () => 42')
    store.getState().setConfig(ID, { memory: '512' })
    store.getState().setEvent(ID, '{"x":1}', { kind: 'custom' })
    const saved = storage.json()
    expect(saved.version).toBe(PLAYGROUND_VERSION)
    expect(saved.state.workspaces[ID].files['index.mjs']).toBe('export const handler = async () => 42')
    expect(saved.state.workspaces[ID].config.memory).toBe('512')
    expect(saved.state.workspaces[ID].eventText).toBe('{"x":1}')
    expect(saved.state).not.toHaveProperty('loadIssues')
    // A reload sees the same workspace.
    const again = make(storage)
    expect(again.getState().workspaces[ID]).toEqual(store.getState().workspaces[ID])
    expect(again.getState().loadIssues).toEqual([])
  })

  it('ensureWorkspace does not overwrite an existing workspace (a lab draft survives)', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    const init = (): Workspace => ({ ...defaultWorkspace(NOW), files: { 'index.mjs': 'starter' } })
    store.getState().ensureWorkspace('lab:orders', init)
    store.getState().setFile('lab:orders', 'index.mjs', 'my draft')
    make(storage).getState().ensureWorkspace('lab:orders', init)
    expect(make(storage).getState().workspaces['lab:orders'].files['index.mjs']).toBe('my draft')
  })

  it('a corrupt record: reset with a notice, the original kept once as a backup', () => {
    const storage = new FakeStorage({ [PLAYGROUND_KEY]: '{not json' })
    const store = make(storage)
    expect(store.getState().loadIssues[0].message).toMatch(/damaged/)
    expect(storage.getItem(PLAYGROUND_BACKUP_KEY)).toBe('{not json')
    expect(storage.json().state).toEqual({ workspaces: {} })
    // The backup is not overwritten by a later problem.
    storage.setItem(PLAYGROUND_KEY, '[]')
    make(storage)
    expect(storage.getItem(PLAYGROUND_BACKUP_KEY)).toBe('{not json')
  })

  it('a partly bad record keeps the good workspace and parts, and a lab refills its own starter files', () => {
    const good = { ...defaultWorkspace(NOW), files: { 'index.mjs': 'keep me' } }
    const storage = new FakeStorage({
      [PLAYGROUND_KEY]: stored({ [ID]: good, 'lab:orders': { ...good, files: 'broken' } }),
    })
    const store = make(storage)
    expect(store.getState().workspaces[ID].files['index.mjs']).toBe('keep me')
    const issue = store.getState().loadIssues.find((i) => i.workspaceId === 'lab:orders')
    expect(issue?.parts).toEqual(['files'])
    store.getState().ensureWorkspace('lab:orders', () => ({
      ...defaultWorkspace(NOW),
      files: { 'index.mjs': 'lab starter', 'lib/orders.mjs': 'x' },
    }))
    expect(store.getState().workspaces['lab:orders'].files).toEqual({
      'index.mjs': 'lab starter',
      'lib/orders.mjs': 'x',
    })
    // Only once: the learner's edits after that are theirs.
    store.getState().setFile('lab:orders', 'index.mjs', 'edited')
    store
      .getState()
      .ensureWorkspace('lab:orders', () => ({ ...defaultWorkspace(NOW), files: { 'index.mjs': 'lab starter' } }))
    expect(store.getState().workspaces['lab:orders'].files['index.mjs']).toBe('edited')
    // The notice stays until dismissed.
    expect(store.getState().loadIssues.length).toBeGreaterThan(0)
    store.getState().dismissLoadIssues('lab:orders')
    expect(store.getState().loadIssues.filter((i) => i.workspaceId === 'lab:orders')).toEqual([])
  })

  it('an unknown version is reset; a record from a newer version keeps what it can', () => {
    const s1 = new FakeStorage({ [PLAYGROUND_KEY]: stored({ [ID]: defaultWorkspace(NOW) }, 0) })
    expect(make(s1).getState().workspaces).toEqual({})
    expect(
      make(new FakeStorage({ [PLAYGROUND_KEY]: stored({ [ID]: defaultWorkspace(NOW) }, 0) })).getState().loadIssues[0]
        .message,
    ).toMatch(/unknown format/)
    const s2 = new FakeStorage({
      [PLAYGROUND_KEY]: stored({ [ID]: { ...defaultWorkspace(NOW), futureField: 1 } }, PLAYGROUND_VERSION + 3),
    })
    const st = make(s2)
    expect(st.getState().workspaces[ID].files).toEqual(defaultWorkspace(NOW).files)
    expect(st.getState().loadIssues[0].message).toMatch(/newer version/)
  })

  it('saved events through the store: the 11th is refused and nothing is lost', () => {
    const store = make(new FakeStorage())
    store.getState().ensureWorkspace(ID, () => defaultWorkspace(NOW))
    for (let i = 1; i <= 10; i++) expect(store.getState().saveEvent(ID, `e${i}`, `{"i":${i}}`).ok).toBe(true)
    const r = store.getState().saveEvent(ID, 'e11', '{}')
    expect(r.ok).toBe(false)
    expect(store.getState().workspaces[ID].savedEvents).toHaveLength(10)
    expect(store.getState().workspaces[ID].eventSource).toEqual({ kind: 'saved', name: 'e10' })
    store.getState().deleteEvent(ID, 'e10')
    expect(store.getState().workspaces[ID].eventSource).toEqual({ kind: 'custom' })
    expect(store.getState().saveEvent(ID, 'e11', '{}').ok).toBe(true)
  })

  it('coalesces writes and flushes on demand', async () => {
    const storage = new FakeStorage()
    const store = make(storage, 50)
    store.getState().ensureWorkspace(ID, () => defaultWorkspace(NOW))
    for (let i = 0; i < 20; i++) store.getState().setFile(ID, 'index.mjs', `v${i}`)
    expect(storage.writes).toBe(0)
    store.flush()
    expect(storage.writes).toBe(1)
    expect(storage.json().state.workspaces[ID].files['index.mjs']).toBe('v19')
    store.getState().setFile(ID, 'index.mjs', 'later')
    await new Promise((r) => setTimeout(r, 80))
    expect(storage.writes).toBe(2)
    expect(storage.json().state.workspaces[ID].files['index.mjs']).toBe('later')
  })

  it('storage that refuses writes: the state stays in memory and the store says so', () => {
    const storage = new FakeStorage()
    const store = make(storage)
    store.getState().ensureWorkspace(ID, () => defaultWorkspace(NOW))
    storage.failWrites = true
    store.getState().setFile(ID, 'index.mjs', 'unsaved but kept')
    expect(store.getState().workspaces[ID].files['index.mjs']).toBe('unsaved but kept')
    expect(store.getState().saveError).toMatch(/refused to save/)
    storage.failWrites = false
    store.getState().setFile(ID, 'index.mjs', 'saved again')
    expect(store.getState().saveError).toBeNull()
  })

  it('refuses invalid workspace ids and ignores edits to unknown files', () => {
    const store = make(new FakeStorage())
    expect(() => store.getState().ensureWorkspace('../x', () => defaultWorkspace(NOW))).toThrow(
      /Not a valid workspace id/,
    )
    store.getState().ensureWorkspace(ID, () => defaultWorkspace(NOW))
    store.getState().setFile(ID, 'nope.mjs', 'x')
    expect(Object.keys(store.getState().workspaces[ID].files)).toEqual(['index.mjs'])
    store.getState().setFiles(ID, { 'a.mjs': '1', 'b.mjs': '2' }, 'missing.mjs')
    expect(store.getState().workspaces[ID].activeFile).toBe('a.mjs')
  })
})

describe('a workspace on a runtime Lambda no longer creates (nodejs20.x from Aug 31, 2026)', () => {
  const at = (iso: string, storage: StorageLike) => createPlaygroundStore({ storage, now: () => new Date(iso) })
  const on20 = () => {
    const ws = defaultWorkspace(NOW)
    ws.config.runtime = 'nodejs20.x'
    ws.files = { 'index.mjs': 'export const handler = async () => 20' }
    return ws
  }

  it('loads on the console default with a notice that says why, keeping the code', () => {
    const storage = new FakeStorage({ [PLAYGROUND_KEY]: stored({ [ID]: on20() }) })
    const store = at('2026-12-08T10:00:00Z', storage)
    const ws = store.getState().workspaces[ID]
    expect(ws.config.runtime).toBe('nodejs24.x')
    expect(ws.files['index.mjs']).toBe('export const handler = async () => 20')
    expect(store.getState().loadIssues).toEqual([
      {
        workspaceId: ID,
        parts: [],
        message:
          "The playground used Node.js 20.x, which Lambda deprecated on Apr 30, 2026 and no longer lets anyone create functions with (since Aug 31, 2026), so Deploy would be refused. It now uses Node.js 24.x, the console's default; your code was kept. Test it: most handlers run unchanged.",
      },
    ])
    // Written back once: the next load is quiet.
    expect(storage.json().state.workspaces[ID].config.runtime).toBe('nodejs24.x')
    expect(at('2026-12-08T10:00:00Z', storage).getState().loadIssues).toEqual([])
  })

  it('before the block, nodejs20.x stays as it was', () => {
    const storage = new FakeStorage({ [PLAYGROUND_KEY]: stored({ [ID]: on20() }) })
    const store = at('2026-08-30T10:00:00Z', storage)
    expect(store.getState().workspaces[ID].config.runtime).toBe('nodejs20.x')
    expect(store.getState().loadIssues).toEqual([])
  })

  it('a shared copy opened on nodejs20.x moves too, and its panel says so', () => {
    const store = at('2026-12-08T10:00:00Z', new FakeStorage())
    store.getState().replaceWorkspace('share:abc', on20())
    expect(store.getState().workspaces['share:abc'].config.runtime).toBe('nodejs24.x')
    expect(store.getState().loadIssues).toHaveLength(1)
    expect(store.getState().loadIssues[0]).toMatchObject({ workspaceId: 'share:abc', parts: [] })
    expect(store.getState().loadIssues[0].message).toMatch(/^The shared playground used Node\.js 20\.x/)
    // A workspace replaced on a current runtime brings no notice.
    store.getState().replaceWorkspace('share:def', defaultWorkspace(NOW))
    expect(store.getState().loadIssues).toHaveLength(1)
  })
})
