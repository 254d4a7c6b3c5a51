// The saved account: its checks (types, size, depth, unknown services), the playground record's
// version 2 with the account beside the workspaces, hostile records that lose nothing else, and a
// real account's snapshot stored, read back and restored into a fresh account.
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createAccount } from '../../aws/index.ts'
import { PLAYGROUND_VERSION, migratePlayground, sanitizePlayground } from '../schema.ts'
import { decodeShare, encodeShare, type SharedState } from '../share.ts'
import { PLAYGROUND_KEY, createPlaygroundStore, type StorageLike } from '../store.ts'
import {
  ACCOUNT_LIMITS,
  accountForShare,
  checkAccountSnapshot,
  describeAccount,
  sanitizeSavedAccount,
  storableSnapshot,
} from './persist-schema.ts'

class FakeStorage implements StorageLike {
  data = new Map<string, string>()
  getItem(k: string) {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
}

const NOW = new Date('2026-12-08T01:00:00.000Z')
const WS = {
  files: { 'index.mjs': 'export const handler = async () => "mine"' },
  activeFile: 'index.mjs',
  config: { handler: 'index.handler', runtime: 'nodejs22.x', memory: '256', timeout: '9', env: [] },
  eventText: '{"order": 7}',
  eventSource: { kind: 'custom' },
  savedEvents: [],
  updatedAt: '2026-12-01T10:00:00.000Z',
}
const snap = (services: unknown = { dynamodb: { version: 1, tables: [] } }) => ({
  version: 1,
  accountId: '123456789012',
  region: 'us-east-1',
  services,
})

async function realSnapshot() {
  const account = await createAccount()
  await account.send('dynamodb', 'CreateTable', {
    TableName: 'orders',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  })
  await account.send('dynamodb', 'PutItem', { TableName: 'orders', Item: { id: { S: 'o-1' } } })
  await account.send('iam', 'CreateRole', {
    RoleName: 'orders-role',
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  })
  return account.snapshot()
}

describe('checkAccountSnapshot', () => {
  it('keeps a real snapshot without its credentials, and it restores into a fresh account', async () => {
    const full = await realSnapshot()
    expect(full).toHaveProperty('credentials')
    const stored = storableSnapshot(full)!
    expect(stored).not.toHaveProperty('credentials')
    const checked = checkAccountSnapshot(JSON.parse(JSON.stringify(stored)))
    expect(checked).toMatchObject({ ok: true, setAside: [] })
    const fresh = await createAccount()
    fresh.restore(checked.ok && checked.snapshot)
    const got = await fresh.send('dynamodb', 'GetItem', { TableName: 'orders', Key: { id: { S: 'o-1' } } })
    expect(got.Item).toEqual({ id: { S: 'o-1' } })
    expect((await fresh.send('iam', 'GetRole', { RoleName: 'orders-role' })).Role).toBeTruthy()
    // The admin still works (its keys were not in the snapshot).
    expect((await fresh.send('sts', 'GetCallerIdentity')).Arn).toMatch(/:user\/admin$/)
    expect(describeAccount(stored)).toBe('1 role, 1 table')
  })

  it('refuses wrong types, another format, a huge or deep account, and sets unknown services aside', () => {
    const reason = (v: unknown, max?: number) => {
      const r = checkAccountSnapshot(v, max)
      return r.ok ? 'ok' : r.reason
    }
    expect(reason(null)).toMatch(/not an object \(got null\)/)
    expect(reason([1])).toMatch(/got a list/)
    expect(reason({ ...snap(), version: 2 })).toMatch(/format version must be 1, got 2/)
    expect(reason({ ...snap(), accountId: 12 })).toMatch(/account id/)
    expect(reason({ ...snap(), region: '../x' })).toMatch(/region/)
    expect(reason(snap([]))).toMatch(/"services" is not an object/)
    expect(reason(snap({ dynamodb: 'tables' }))).toMatch(/its dynamodb part is not an object/)
    expect(reason(snap({ s3: { blob: 'x'.repeat(2000) } }), 1000)).toMatch(/takes 2,0\d\d characters; at most 1,000/)
    // 100,000 levels of nesting, parsed from text (as a stored record is): answered, no stack overflow.
    const deep = JSON.parse(`{"dynamodb":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)
    expect(reason(snap(deep))).toMatch(/nested too deeply \(more than 64 levels\)/)
    const wide = JSON.parse(`{"s3":{"a":[${'0,'.repeat(300_000)}0]}}`)
    expect(reason(snap(wide))).toMatch(/more than 250,000 values/)
    const r = checkAccountSnapshot(snap({ dynamodb: { tables: [] }, quantum: {}, ['x'.repeat(80)]: {} }))
    expect(r.ok && r.setAside.map((s) => s.length)).toEqual([7, 38])
    expect(r.ok && Object.keys(r.snapshot.services as object)).toEqual(['dynamodb'])
  })

  it('sanitizeSavedAccount: absent is fine, bad is reset with a clear message', () => {
    expect(sanitizeSavedAccount(undefined)).toEqual({})
    expect(sanitizeSavedAccount({ snapshot: snap(), savedAt: 'never' }, NOW).account?.savedAt).toBe(NOW.toISOString())
    expect(sanitizeSavedAccount(5).message).toMatch(
      /^Your saved AWS account .* could not be read, so the account starts fresh/,
    )
    expect(sanitizeSavedAccount({ snapshot: { version: 'x' } }).message).toMatch(
      /could not be read \(its format version/,
    )
    expect(sanitizeSavedAccount({ snapshot: snap({ nope: {} }) }).message).toMatch(
      /parts this version does not know \(nope\)/,
    )
  })
})

describe('the playground record, version 2', () => {
  it('a version-1 record migrates unchanged (no account)', () => {
    expect(PLAYGROUND_VERSION).toBe(2)
    const v1 = { workspaces: { 'playground:default': WS } }
    const m = migratePlayground(v1, 1)
    expect(m.issues).toEqual([])
    const { data, issues } = sanitizePlayground(m.state, NOW)
    expect(issues).toEqual([])
    expect(data.account).toBeUndefined()
    expect(data.workspaces['playground:default'].files).toEqual(WS.files)
  })

  it('stores the account beside the workspaces and reads it back after a reload', () => {
    const storage = new FakeStorage()
    const store = createPlaygroundStore({ storage, now: () => NOW })
    store.getState().replaceWorkspace('playground:default', WS as never)
    expect(store.getState().setAccount(snap())).toBeUndefined()
    expect(store.getState().setAccount({ version: 1 })).toMatch(/account id/)
    const raw = JSON.parse(storage.getItem(PLAYGROUND_KEY)!)
    expect(raw.version).toBe(2)
    expect(raw.state.account.snapshot).toEqual(snap())
    const again = createPlaygroundStore({ storage, now: () => NOW })
    expect(again.getState().account?.snapshot).toEqual(snap())
    expect(again.getState().loadIssues).toEqual([])
    again.getState().setAccount(null)
    expect(JSON.parse(storage.getItem(PLAYGROUND_KEY)!).state.account).toBeUndefined()
  })

  it.each([
    ['a string', '"tables"'],
    ['a list', '[1,2]'],
    ['the wrong format', '{"snapshot":{"version":9}}'],
    [
      'hostile nesting',
      `{"snapshot":{"version":1,"accountId":"123456789012","region":"us-east-1","services":{"s3":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}`,
    ],
    [
      'an oversized account',
      `{"snapshot":{"version":1,"accountId":"123456789012","region":"us-east-1","services":{"s3":{"x":"${'y'.repeat(ACCOUNT_LIMITS.storedChars)}"}}}}`,
    ],
  ])('a saved account that is %s is reset with a message; code, event and config stay', (_what, account) => {
    const storage = new FakeStorage()
    storage.setItem(
      PLAYGROUND_KEY,
      `{"state":{"workspaces":{"playground:default":${JSON.stringify(WS)}},"account":${account}},"version":2}`,
    )
    const store = createPlaygroundStore({ storage, now: () => NOW })
    const st = store.getState()
    expect(st.account).toBeUndefined()
    expect(st.loadIssues).toHaveLength(1)
    expect(st.loadIssues[0]).toMatchObject({ parts: ['account'] })
    expect(st.loadIssues[0].message).toMatch(
      /AWS account .*could not be read.*your code, test events and configuration were kept/,
    )
    const ws = st.workspaces['playground:default']
    expect(ws.files).toEqual(WS.files)
    expect(ws.eventText).toBe(WS.eventText)
    expect(ws.config).toMatchObject({ memory: '256', timeout: '9' })
  })
})

describe('the account in a share link', () => {
  const state = (account?: unknown): SharedState =>
    ({
      v: 1,
      files: { 'index.mjs': 'export const handler = async () => 1' },
      event: '{}',
      config: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 3 },
      ...(account !== undefined ? { account } : {}),
    }) as SharedState

  it('a small account travels with the function, without credentials', async () => {
    const full = await realSnapshot()
    const { account, note } = accountForShare(full)
    expect(note).toBeUndefined()
    expect(account).not.toHaveProperty('credentials')
    const r = await decodeShare(await encodeShare(state(account)))
    expect(r.ok && r.state.account).toEqual(account)
    expect(r.ok && describeAccount(r.state.account!)).toBe('1 role, 1 table')
  })

  it('over the limit, the link carries the function only and says so', () => {
    const big = snap({ s3: { version: 1, buckets: [{ Name: 'b', blob: 'x'.repeat(ACCOUNT_LIMITS.shareChars) }] } })
    const r = accountForShare(big)
    expect(r.account).toBeUndefined()
    expect(r.note).toMatch(/more than the 32,768 a link carries, so the link has the function only/)
    expect(accountForShare(snap({ quantum: {} })).note).toMatch(/could not be added/)
    expect(accountForShare(undefined)).toEqual({})
  })

  it('a hostile account in a link is refused with a clear message', async () => {
    const link = (account: string) =>
      `z1.${Buffer.from(
        deflateRawSync(
          `{"v":1,"files":{"index.mjs":"x"},"event":"{}","config":{"Handler":"index.handler","Runtime":"nodejs22.x","MemorySize":128,"Timeout":3},"account":${account}}`,
        ),
      ).toString('base64url')}`
    const cases: [string, RegExp][] = [
      ['"x"', /its AWS account is invalid: it is not an object/],
      [JSON.stringify(snap({ quantum: {} })), /services this version does not know \(quantum\)/],
      [JSON.stringify(snap({ s3: { x: 'y'.repeat(40_000) } })), /at most 32,768/],
      [
        `{"version":1,"accountId":"123456789012","region":"us-east-1","services":{"s3":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
        /nested too deeply/,
      ],
    ]
    for (const [account, message] of cases) {
      const r = await decodeShare(link(account))
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toMatch(message)
    }
    await expect(encodeShare(state(snap({ s3: 'nope' })))).rejects.toThrow(/its s3 part is not an object/)
  })
})
