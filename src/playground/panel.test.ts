import { describe, expect, it } from 'vitest'
import { invokeBlocker, workspaceFromInitial } from './panel.ts'
import { defaultWorkspace } from './schema.ts'

const now = new Date('2026-01-02T03:04:05Z')

describe('workspaceFromInitial', () => {
  it('is the default workspace without a starting point', () => {
    expect(workspaceFromInitial(undefined, now)).toEqual(defaultWorkspace(now))
  })

  it('takes the starter files, the file to open, the settings and the event', () => {
    const ws = workspaceFromInitial(
      {
        files: { 'index.mjs': 'a', 'lib/util.mjs': 'b' },
        activeFile: 'lib/util.mjs',
        config: { Handler: 'index.main', Timeout: 10 },
        event: '{"id": 1}',
        eventSource: { kind: 'saved', name: 'one' },
      },
      now,
    )
    expect(ws.files).toEqual({ 'index.mjs': 'a', 'lib/util.mjs': 'b' })
    expect(ws.activeFile).toBe('lib/util.mjs')
    expect(ws.config.handler).toBe('index.main')
    expect(ws.config.timeout).toBe('10')
    expect(ws.config.memory).toBe('128') // the defaults fill what the starting point leaves out
    expect(ws.eventText).toBe('{"id": 1}')
    expect(ws.eventSource).toEqual({ kind: 'saved', name: 'one' })
  })

  it('opens the first file when the one named does not exist, and calls an unnamed event custom', () => {
    const ws = workspaceFromInitial({ files: { 'app.mjs': 'x' }, activeFile: 'nope.mjs', event: '{}' }, now)
    expect(ws.activeFile).toBe('app.mjs')
    expect(ws.eventSource).toEqual({ kind: 'custom' })
  })

  it('keeps the default files when the starting point has none', () => {
    expect(workspaceFromInitial({ files: {} }, now).files).toEqual(defaultWorkspace(now).files)
  })
})

describe('invokeBlocker', () => {
  const ok = defaultWorkspace(now)

  it('is null when the event and the configuration are valid', () => {
    expect(invokeBlocker(ok)).toBeNull()
  })

  it('sends the learner to the test event when it is not JSON', () => {
    const b = invokeBlocker({ ...ok, eventText: '{"a": }' })
    expect(b?.tab).toBe('event')
    expect(b?.message).toMatch(/^Fix the test event first: /)
  })

  it('sends the learner to the configuration when a setting is refused', () => {
    const b = invokeBlocker({ ...ok, config: { ...ok.config, timeout: '0' } })
    expect(b?.tab).toBe('config')
    expect(b?.message).toMatch(/^Fix the configuration first \(Timeout\): /)
  })
})
