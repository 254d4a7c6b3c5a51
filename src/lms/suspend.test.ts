import { describe, expect, it } from 'vitest'
import { SUSPEND_LIMITS, decodeSnapshot, encodeSnapshot, fromBase64Url, toBase64Url, type Snapshot } from './suspend.ts'
import { Deflate } from 'fflate'

const base: Snapshot = {
  pack: 'lambda-basics',
  seed: 'a1b2c3d4e5f6a1b2c3d4e5f6',
  at: 'lab:first-handler',
  checks: {
    'intro-lambda-features': { attempts: 2, score: 0.75, passed: false, answer: [0, 2, 3] },
    'how-invocation-models': { attempts: 1, score: 1, passed: true, answer: [1] },
    'match-things': { attempts: 3, score: 0.5, passed: true, answer: [2, -1, 0, 1] },
  },
  labs: { 'first-handler': { attempts: 4, passed: true }, 'warm-starts': { attempts: 1, passed: false } },
  lessons: { 'introduction-to-serverless': true, 'how-lambda-works': false },
  savedAt: 1_800_000_000_000,
}

/** A snapshot with n checks whose ids and answers do not compress away. */
function big(n: number): Snapshot {
  const checks: Snapshot['checks'] = {}
  for (let i = 0; i < n; i++) {
    const id = `q${(i * 7919).toString(36)}-${(i * 104729).toString(36)}-x${i}`
    checks[id] = {
      attempts: (i * 31) % 97,
      score: ((i * 13) % 101) / 100,
      passed: i % 3 === 0,
      answer: [(i * 3) % 7, (i * 5) % 9, -1, (i * 11) % 13],
    }
  }
  return { ...base, checks }
}

describe('suspend data codec', () => {
  it('round-trips a snapshot, in base64url characters only', () => {
    const enc = encodeSnapshot(base, SUSPEND_LIMITS.scorm12)
    expect(enc.ok).toBe(true)
    if (!enc.ok) return
    expect(enc.detail).toBe(0)
    expect(enc.text).toMatch(/^[A-Za-z0-9_-]+$/)
    const dec = decodeSnapshot(enc.text, 'lambda-basics')
    expect(dec).toEqual({ ok: true, snapshot: base, detail: 0 })
  })

  it('fits a whole course in SCORM 1.2 (4,096 characters): 100 checks and 10 labs', () => {
    const s = big(100)
    for (let i = 0; i < 10; i++) s.labs[`lab-number-${i}`] = { attempts: i, passed: i % 2 === 0 }
    const enc = encodeSnapshot(s, SUSPEND_LIMITS.scorm12)
    expect(enc.ok && enc.text.length <= 4096).toBe(true)
    if (enc.ok) expect(decodeSnapshot(enc.text, s.pack).ok).toBe(true)
  })

  it('drops answers, then attempt counts, to fit; passes and scores survive', () => {
    const s = big(400)
    const full = encodeSnapshot(s, 1_000_000)
    expect(full.ok && full.detail).toBe(0)
    const limit = full.ok ? full.text.length - 1 : 0
    const less = encodeSnapshot(s, limit)
    expect(less.ok && less.detail).toBeGreaterThanOrEqual(1)
    if (!less.ok) return
    const dec = decodeSnapshot(less.text, s.pack)
    if (!dec.ok) throw new Error(dec.message)
    for (const [id, c] of Object.entries(s.checks)) {
      expect(dec.snapshot.checks[id].passed).toBe(c.passed)
      expect(dec.snapshot.checks[id].answer).toBeNull()
    }
    const minimal = encodeSnapshot(s, less.text.length - 1)
    expect(minimal.ok && minimal.detail).toBe(2)
    if (!minimal.ok) return
    const m = decodeSnapshot(minimal.text, s.pack)
    if (!m.ok) throw new Error(m.message)
    for (const [id, c] of Object.entries(s.checks)) {
      // Minimal: the best score (1 once passed), as the pack's score counts it.
      expect(m.snapshot.checks[id].score).toBeCloseTo(c.passed ? 1 : Math.min(c.score, 0.99), 2)
      expect(m.snapshot.checks[id].passed).toBe(c.passed)
    }
  })

  it('says clearly when even the minimal record does not fit', () => {
    const enc = encodeSnapshot(big(2000), 4096)
    expect(enc.ok).toBe(false)
    if (!enc.ok) expect(enc.message).toMatch(/more than the 4,096 this LMS keeps/)
  })

  it('an empty value is no saved progress (not an error)', () => {
    expect(decodeSnapshot('', 'p')).toMatchObject({ ok: false, reason: 'empty', message: '' })
  })

  const text = () => {
    const e = encodeSnapshot(base, 4096)
    if (!e.ok) throw new Error('encode failed')
    return e.text
  }
  const corrupt = (t: string) =>
    expect(decodeSnapshot(t, 'lambda-basics')).toMatchObject({ ok: false, reason: 'corrupt' })

  it('a truncated value is reported as damaged, at every length', () => {
    const t = text()
    for (let n = 1; n < t.length; n++) corrupt(t.slice(0, n))
  })

  it('an edited value is reported as damaged (every single character changed)', () => {
    const t = text()
    for (let i = 0; i < t.length; i++) {
      const c = t[i] === 'A' ? 'B' : 'A'
      const edited = t.slice(0, i) + c + t.slice(i + 1)
      const r = decodeSnapshot(edited, 'lambda-basics')
      // Changing the last character may only touch padding bits, which decode to the same bytes.
      if (r.ok) expect(r.snapshot).toEqual(base)
      else expect(r.reason === 'corrupt' || r.reason === 'newer').toBe(true)
    }
  })

  it('other SCOs’ formats and junk are damaged, not crashes', () => {
    for (const junk of [
      'not base64!',
      '{"p":"lambda-basics"}',
      'A',
      'AAAAAAAAAAAAAAAA',
      '%%%%',
      'x'.repeat(300_000),
      '\u0000\u0001',
    ])
      corrupt(junk)
  })

  it('refuses a deflate bomb without inflating it all', () => {
    const zeros = new Uint8Array(5_000_000)
    const parts: Uint8Array[] = []
    new Deflate({ level: 9 }, (c) => parts.push(c)).push(zeros, true)
    const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let o = 0
    for (const p of parts) {
      body.set(p, o)
      o += p.length
    }
    const bytes = new Uint8Array(5 + body.length)
    bytes[0] = 1
    bytes.set(body, 5)
    corrupt(toBase64Url(bytes))
  })

  it('a value from a newer version of the pack says so', () => {
    const bytes = fromBase64Url(text())!
    bytes[0] = 2
    expect(decodeSnapshot(toBase64Url(bytes), 'lambda-basics')).toMatchObject({ ok: false, reason: 'newer' })
  })

  it('progress saved by another pack is not mixed in', () => {
    expect(decodeSnapshot(text(), 'another-pack')).toMatchObject({ ok: false, reason: 'other-pack' })
  })

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255)
      expect(fromBase64Url(toBase64Url(b))).toEqual(b)
    }
    expect(fromBase64Url('abc=')).toBeNull()
  })
})
