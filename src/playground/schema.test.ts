import { describe, expect, it } from 'vitest'
import { MAX_SAVED_EVENTS } from '../lambda/public.ts'
import { counted } from '../shared/count-ops.ts'
import {
  PLAYGROUND_VERSION,
  defaultWorkspace,
  functionNameFor,
  isFilePath,
  isWorkspaceId,
  migratePlayground,
  sanitizePlayground,
  sanitizeWorkspace,
  type SavedEvent,
} from './schema.ts'
import { deleteEvent, saveEvent } from './saved-events.ts'

const NOW = new Date('2026-11-27T12:00:00.000Z')
const T = '2026-11-20T10:00:00.000Z'

function goodWorkspace() {
  return {
    files: { 'index.mjs': 'export const handler = async () => 1', 'lib/x.mjs': 'export const x = 1' },
    activeFile: 'lib/x.mjs',
    config: {
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      memory: '256',
      timeout: '10',
      env: [{ key: 'STAGE', value: 'dev' }],
      logFormat: 'JSON',
      appLogLevel: 'DEBUG',
      sysLogLevel: '',
    },
    eventText: '{"a":1',
    eventSource: { kind: 'sample', service: 's3', event: 'put' },
    savedEvents: [{ name: 'order-1', text: '{}' }],
    updatedAt: T,
  }
}

describe('playground record: validation on load', () => {
  it('keeps a valid workspace exactly (an invalid draft is still a valid record)', () => {
    const { data, issues } = sanitizePlayground(
      { workspaces: { 'playground:default': goodWorkspace(), 'lab:first-function': goodWorkspace() } },
      NOW,
    )
    expect(issues).toEqual([])
    expect(data.workspaces['playground:default']).toEqual(goodWorkspace())
    expect(Object.keys(data.workspaces)).toEqual(['playground:default', 'lab:first-function'])
  })

  it('resets only the bad part of a workspace and says which', () => {
    const ws = { ...goodWorkspace(), config: { ...goodWorkspace().config, memory: 128, env: 'nope' } }
    const r = sanitizeWorkspace('playground:default', ws, NOW)
    expect(r.workspace?.files).toEqual(goodWorkspace().files)
    expect(r.workspace?.config.memory).toBe('128')
    expect(r.workspace?.config.timeout).toBe('10')
    expect(r.workspace?.config.env).toEqual([])
    expect(r.issues).toHaveLength(1)
    expect(r.issues[0].parts).toEqual(['config'])
    expect(r.issues[0].message).toMatch(
      /Some settings of the playground could not be read \(memory, environment variables\)/,
    )
  })

  it('unreadable files: starter code, with the part named so a lab can refill its own', () => {
    const r = sanitizeWorkspace('lab:orders', { ...goodWorkspace(), files: 42 }, NOW)
    expect(Object.keys(r.workspace!.files)).toEqual(['index.mjs'])
    expect(r.workspace!.activeFile).toBe('index.mjs')
    expect(r.workspace!.config.memory).toBe('256')
    expect(r.issues[0]).toMatchObject({ workspaceId: 'lab:orders', parts: ['files'] })
    expect(r.issues[0].message).toMatch(/The code in the lab "orders" could not be read/)
  })

  it('drops hostile or oversized files and keeps the rest', () => {
    const files = {
      'index.mjs': 'ok',
      '../etc/passwd': 'x',
      '/abs.js': 'x',
      'a//b.js': 'x',
      'big.js': 'x'.repeat(600_000),
      'n.js': 5,
      __proto__: 'x',
    }
    const r = sanitizeWorkspace('playground:default', { ...goodWorkspace(), files, activeFile: '../etc/passwd' }, NOW)
    expect(r.workspace!.files).toEqual({ 'index.mjs': 'ok' })
    expect(r.workspace!.activeFile).toBe('index.mjs')
    expect(r.issues[0].message).toMatch(/^5 files in the playground could not be read and were removed/)
  })

  it('saved events: over 10, duplicates, bad names are dropped; a selected saved event that is gone becomes custom', () => {
    const saved = [
      ...Array.from({ length: 12 }, (_, i) => ({ name: `e${i}`, text: '{}' })),
      { name: 'e0', text: '{}' },
      { name: 'bad name!', text: '{}' },
    ]
    const r = sanitizeWorkspace(
      'playground:default',
      { ...goodWorkspace(), savedEvents: saved, eventSource: { kind: 'saved', name: 'e11' } },
      NOW,
    )
    expect(r.workspace!.savedEvents.map((e) => e.name)).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
      'e4',
      'e5',
      'e6',
      'e7',
      'e8',
      'e9',
    ])
    expect(r.workspace!.eventSource).toEqual({ kind: 'custom' })
    expect(r.issues[0].message).toMatch(/^4 saved test events of the playground could not be read/)
  })

  it('a workspace that is not an object is removed; bad ids are removed; the rest stays', () => {
    const { data, issues } = sanitizePlayground(
      {
        workspaces: {
          'playground:default': goodWorkspace(),
          'lab:x': 'garbage',
          'no id': goodWorkspace(),
          'lab:../../x': {},
        },
      },
      NOW,
    )
    expect(Object.keys(data.workspaces)).toEqual(['playground:default'])
    expect(issues.map((i) => i.message)).toEqual([
      'The lab "x" could not be read, so it was reset.',
      '2 saved workspaces had an unrecognised name and were removed.',
    ])
  })

  it('a record that is not an object, or whose workspaces are not, is reset with one message', () => {
    expect(sanitizePlayground(null, NOW).issues[0].message).toMatch(/could not be read/)
    expect(sanitizePlayground({ workspaces: [] }, NOW).data.workspaces).toEqual({})
    expect(sanitizePlayground({}, NOW)).toEqual({ data: { workspaces: {} }, issues: [] })
  })

  it('missing optional parts take the defaults without complaint', () => {
    const r = sanitizeWorkspace('playground:default', { files: { 'index.mjs': 'x' } }, NOW)
    expect(r.issues).toEqual([])
    expect(r.workspace).toEqual({ ...defaultWorkspace(NOW), files: { 'index.mjs': 'x' } })
  })
})

describe('playground record: versions', () => {
  it('current version passes through; unknown versions reset; newer versions are kept with a note', () => {
    expect(migratePlayground({ workspaces: {} }, PLAYGROUND_VERSION)).toEqual({ state: { workspaces: {} }, issues: [] })
    expect(migratePlayground({}, 0).state).toBeUndefined()
    expect(migratePlayground({}, 1.5).issues[0].message).toMatch(/unknown format/)
    const newer = migratePlayground({ workspaces: {} }, PLAYGROUND_VERSION + 1)
    expect(newer.state).toEqual({ workspaces: {} })
    expect(newer.issues[0].message).toMatch(/newer version/)
  })
})

describe('saved test events: 10 per function, as in the Lambda console', () => {
  const ten: SavedEvent[] = Array.from({ length: MAX_SAVED_EVENTS }, (_, i) => ({
    name: `event-${i + 1}`,
    text: `{"n":${i + 1}}`,
  }))

  it('adds up to 10, refuses the 11th with the console-like message', () => {
    let list: SavedEvent[] = []
    for (let i = 0; i < 10; i++) {
      const r = saveEvent(list, `event-${i + 1}`, '{}')
      expect(r.ok).toBe(true)
      if (r.ok) list = r.events
    }
    expect(list).toHaveLength(10)
    const r = saveEvent(list, 'event-11', '{}')
    expect(r).toEqual({
      ok: false,
      error:
        'You have reached the limit of 10 saved test events for this function. Delete a saved event, or overwrite one, to save a new one.',
    })
  })

  it('overwriting an existing name works even at the limit', () => {
    const r = saveEvent(ten, 'event-3', '{"n":"new"}')
    expect(r.ok && r.replaced).toBe(true)
    if (r.ok) {
      expect(r.events[2]).toEqual({ name: 'event-3', text: '{"n":"new"}' })
      expect(r.events).toHaveLength(10)
    }
  })

  it('names follow the console rule; delete removes by name', () => {
    expect(saveEvent([], '', '{}')).toEqual({ ok: false, error: 'Enter a name for the event.' })
    expect(saveEvent([], 'my event', '{}').ok).toBe(false)
    expect(saveEvent([], 'x'.repeat(26), '{}').ok).toBe(false)
    expect(saveEvent([], 'order.created_v2-a', '{}').ok).toBe(true)
    expect(deleteEvent(ten, 'event-1')).toHaveLength(9)
    expect(deleteEvent(ten, 'nope')).toHaveLength(10)
  })
})

describe('names', () => {
  it('workspace ids, file paths and function names', () => {
    expect(isWorkspaceId('playground:default')).toBe(true)
    expect(isWorkspaceId('lab:first-function')).toBe(true)
    expect(isWorkspaceId('lab:')).toBe(false)
    expect(isWorkspaceId('__proto__')).toBe(false)
    expect(isFilePath('lib/orders.mjs')).toBe(true)
    expect(isFilePath('node_modules/@kettle/util/index.js')).toBe(true)
    for (const p of ['', '/x.js', 'a/../b.js', './a.js', 'a\\b.js', 'a/', 'x'.repeat(201)])
      expect(isFilePath(p), p).toBe(false)
    expect(functionNameFor('playground:default')).toBe('playground-default')
    expect(functionNameFor('lab:orders.v2')).toBe('lab-orders-v2')
  })
})

describe('loading the largest record: linear work', () => {
  /** A record of `n` workspaces, the first 100 valid (full of files), the rest with bad ids. */
  function record(n: number) {
    const workspaces: Record<string, unknown> = {}
    for (let i = 0; i < n; i++) {
      const ws = defaultWorkspace(new Date(0))
      ws.files = { 'index.mjs': `// ${i}`, 'lib/a.mjs': 'x' }
      workspaces[i < 100 ? `playground:w${i}` : `bad id ${i}`] = i < 100 ? ws : { files: 1 }
    }
    return counted(workspaces)
  }
  it('4× the workspaces, about 4× the reads; at most 60 kept and the rest named once', () => {
    const one = record(10_000)
    const r1 = sanitizePlayground({ workspaces: one.value })
    const four = record(40_000)
    const r4 = sanitizePlayground({ workspaces: four.value })
    expect(four.ops() / one.ops()).toBeGreaterThan(3.5)
    expect(four.ops() / one.ops()).toBeLessThan(4.5)
    expect(Object.keys(r4.data.workspaces)).toHaveLength(60)
    expect(r1.issues.at(-1)?.message).toBe('9940 saved workspaces had an unrecognised name and were removed.')
    expect(r4.issues.at(-1)?.message).toBe('39940 saved workspaces had an unrecognised name and were removed.')
  })
})
