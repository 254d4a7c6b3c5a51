import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CONFIG,
  checkConfig,
  draftFromShared,
  firstConfigProblem,
  retiredRuntimeNotice,
  runtimeChoice,
  PICKER_RUNTIMES,
  sharedFromSettings,
  type ConfigDraft,
} from './config.ts'

const cfg = (patch: Partial<ConfigDraft>): ConfigDraft => ({ ...DEFAULT_CONFIG, env: [], ...patch })

describe('configuration draft: Lambda’s own validation messages', () => {
  it('the defaults are valid and become CreateFunction settings', () => {
    const c = checkConfig(cfg({}))
    expect(c.ok).toBe(true)
    expect(c.settings).toEqual({
      Runtime: 'nodejs24.x', // the console's default for a new Node.js function
      Handler: 'index.handler',
      MemorySize: 128,
      Timeout: 3,
      Environment: { Variables: {} },
      LoggingConfig: { LogFormat: 'Text' },
    })
  })

  it('memory outside 128–10,240 MB', () => {
    expect(checkConfig(cfg({ memory: '64' })).errors.memory).toBe(
      "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    )
    expect(checkConfig(cfg({ memory: '10241' })).errors.memory).toBe(
      "1 validation error detected: Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
    )
    expect(checkConfig(cfg({ memory: '12.5' })).errors.memory).toBe("MemorySize must be an integer, got '12.5'.")
    expect(checkConfig(cfg({ memory: '' })).errors.memory).toMatch(/Enter a memory size from 128 MB to 10,240 MB/)
    expect(checkConfig(cfg({ memory: ' 1024 ' })).settings?.MemorySize).toBe(1024)
  })

  it('timeout outside 1–900 s', () => {
    expect(checkConfig(cfg({ timeout: '0' })).errors.timeout).toBe(
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    )
    expect(checkConfig(cfg({ timeout: '901' })).errors.timeout).toBe(
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    )
    expect(checkConfig(cfg({ timeout: 'abc' })).errors.timeout).toBe("Timeout must be an integer, got 'abc'.")
  })

  it('handler and runtime', () => {
    expect(checkConfig(cfg({ handler: 'index handler' })).errors.handler).toBe(
      "1 validation error detected: Value 'index handler' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+",
    )
    expect(checkConfig(cfg({ runtime: 'nodejs16.x' })).errors.runtime).toMatch(
      /^The runtime parameter of nodejs16.x is no longer supported/,
    )
    expect(checkConfig(cfg({ runtime: 'python3.12' })).errors.runtime).toMatch(
      /this simulator only runs nodejs18.x, nodejs20.x, nodejs22.x/,
    )
  })

  it('environment variables: per row, with AWS’s messages, duplicates and blank rows', () => {
    const c = checkConfig(
      cfg({
        env: [
          { key: 'STAGE', value: 'dev' },
          { key: '', value: '' },
          { key: 'AWS_REGION', value: 'eu-west-1' },
          { key: '1BAD', value: 'x' },
          { key: 'STAGE', value: 'prod' },
        ],
      }),
    )
    expect(c.ok).toBe(false)
    expect(c.envRows[0]).toBeUndefined()
    expect(c.envRows[1]).toBeUndefined()
    expect(c.envRows[2]).toMatch(/Reserved keys used in this request: AWS_REGION$/)
    expect(c.envRows[3]).toBe(
      "1 validation error detected: Value '[1BAD]' at 'environment.variables' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+",
    )
    expect(c.envRows[4]).toMatch(/^Duplicate key: STAGE/)
    expect(c.errors.env).toBeTruthy()
    const ok = checkConfig(
      cfg({
        env: [
          { key: 'STAGE', value: 'dev' },
          { key: '', value: '' },
        ],
      }),
    )
    expect(ok.settings?.Environment).toEqual({ Variables: { STAGE: 'dev' } })
  })

  it('environment variables over 4 KB in total', () => {
    const env = Array.from({ length: 5 }, (_, i) => ({ key: `KEY_${i}`, value: 'x'.repeat(1000) }))
    expect(checkConfig(cfg({ env })).errors.env).toMatch(/exceeded the 4KB limit/)
  })

  it('log levels only apply with the JSON format, defaulting to INFO', () => {
    expect(checkConfig(cfg({ logFormat: 'Text', appLogLevel: 'DEBUG' })).settings?.LoggingConfig).toEqual({
      LogFormat: 'Text',
    })
    expect(checkConfig(cfg({ logFormat: 'JSON' })).settings?.LoggingConfig).toEqual({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'INFO',
    })
    expect(
      checkConfig(cfg({ logFormat: 'JSON', appLogLevel: 'DEBUG', sysLogLevel: 'WARN' })).settings?.LoggingConfig,
    ).toEqual({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'DEBUG',
      SystemLogLevel: 'WARN',
    })
    expect(checkConfig(cfg({ logFormat: 'XML' as never })).errors.logFormat).toMatch(
      /Member must satisfy enum value set: \[JSON, Text\]/,
    )
  })

  it('firstConfigProblem names the first invalid field', () => {
    const c = checkConfig(cfg({ memory: '64', timeout: '0' }))
    expect(firstConfigProblem(c)?.field).toBe('memory')
    expect(firstConfigProblem(checkConfig(cfg({})))).toBeUndefined()
  })

  it('converts to and from the share-link shape', () => {
    const d = draftFromShared({
      Handler: 'app.main',
      Runtime: 'nodejs22.x',
      MemorySize: 512,
      Timeout: 10,
      Environment: { A1: 'x' },
      LogFormat: 'JSON',
      ApplicationLogLevel: 'DEBUG',
    })
    expect(d).toEqual({
      handler: 'app.main',
      runtime: 'nodejs22.x',
      memory: '512',
      timeout: '10',
      env: [{ key: 'A1', value: 'x' }],
      logFormat: 'JSON',
      appLogLevel: 'DEBUG',
      sysLogLevel: '',
    })
    const s = checkConfig(d).settings!
    expect(sharedFromSettings(s)).toEqual({
      Handler: 'app.main',
      Runtime: 'nodejs22.x',
      MemorySize: 512,
      Timeout: 10,
      Environment: { A1: 'x' },
      LogFormat: 'JSON',
      ApplicationLogLevel: 'DEBUG',
      SystemLogLevel: 'INFO',
    })
    expect(sharedFromSettings(checkConfig(cfg({})).settings!)).toEqual({
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      MemorySize: 128,
      Timeout: 3,
    })
  })
})

describe('the runtime picker', () => {
  it('offers Node.js 24.x, 22.x and 20.x, newest first', () => {
    expect([...PICKER_RUNTIMES]).toEqual(['nodejs24.x', 'nodejs22.x', 'nodejs20.x'])
    expect(runtimeChoice('nodejs24.x', '2026-12-07')).toEqual({ label: 'Node.js 24.x', note: null, blocked: false })
  })

  it('shows a deprecated runtime as the console does, from its deprecation date on', () => {
    expect(runtimeChoice('nodejs20.x', '2026-04-29')).toEqual({ label: 'Node.js 20.x', note: null, blocked: false })
    const c = runtimeChoice('nodejs20.x', '2026-04-30')
    expect(c.label).toBe('Node.js 20.x (deprecated)')
    expect(c.blocked).toBe(false)
    expect(c.note).toBe(
      'Node.js 20.x was deprecated on Apr 30, 2026: Lambda no longer applies security patches to it. Creating functions with it is blocked from Aug 31, 2026, updating them from Sep 30, 2026.',
    )
    expect(runtimeChoice('nodejs22.x', '2026-12-07').note).toBeNull()
  })

  it('once creation is blocked (Aug 31, 2026), says so in the past tense and marks the choice blocked', () => {
    const c = runtimeChoice('nodejs20.x', '2026-12-08')
    expect(c).toEqual({
      label: 'Node.js 20.x (deprecated)',
      blocked: true,
      note: 'Node.js 20.x was deprecated on Apr 30, 2026: Lambda no longer applies security patches to it. Creating functions with it has been blocked since Aug 31, 2026, updating them since Sep 30, 2026.',
    })
    expect(runtimeChoice('nodejs20.x', '2026-09-01').note).toMatch(
      /blocked since Aug 31, 2026, updating them from Sep 30, 2026\.$/,
    )
    expect(runtimeChoice('nodejs24.x', '2026-12-08').blocked).toBe(false)
  })

  it('retiredRuntimeNotice: only for a runtime whose creation is blocked', () => {
    expect(retiredRuntimeNotice('nodejs20.x', '2026-08-30', 'the playground')).toBeNull()
    expect(retiredRuntimeNotice('nodejs22.x', '2026-12-08', 'the playground')).toBeNull()
    expect(retiredRuntimeNotice('nodejs99.x', '2026-12-08', 'the playground')).toBeNull()
    expect(retiredRuntimeNotice('nodejs20.x', '2026-08-31', 'the playground')).toMatch(
      /^The playground used Node\.js 20\.x, .* It now uses Node\.js 24\.x, the console's default/,
    )
  })
})
