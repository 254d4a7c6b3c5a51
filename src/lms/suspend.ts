/**
 * The learner's progress in a pack, as the LMS keeps it: SCORM's `cmi.suspend_data` (4,096
 * characters in SCORM 1.2, 64,000 in SCORM 2004 4th edition) or a cmi5 state document. Pure.
 *
 *   text  = base64url( version byte · FNV-1a 32-bit hash of the JSON · deflate-raw(JSON) )
 *
 * Compressed and base64url, so it is plain ASCII whatever the LMS does with characters, short
 * enough for SCORM 1.2, and any damage (a truncated or edited value) is detected: the inflate
 * fails or the hash differs. When the full record does not fit, answers are dropped first, then
 * attempt counts: what was passed and the scores always survive.
 */
import { Deflate, Inflate, strFromU8, strToU8 } from 'fflate'

export const SUSPEND_VERSION = 1
/** Limits of the LMS field, in characters. */
export const SUSPEND_LIMITS = { scorm12: 4096, scorm2004: 64000, cmi5: 64000 } as const
/** Beyond this, decoded JSON is refused (a hostile value cannot make us inflate megabytes). */
const MAX_JSON_BYTES = 1_000_000
const MAX_TEXT = 200_000

export interface CheckSnapshot {
  attempts: number
  /** The last answer's score, 0..1. */
  score: number
  passed: boolean
  answer: number[] | null
}

export interface LabSnapshot {
  attempts: number
  passed: boolean
}

/** What a pack saves (only its own activities). */
export interface Snapshot {
  pack: string
  seed: string | null
  /** The item the learner was on (`lesson:<slug>`, `lab:<id>`, `check:<id>`), or null. */
  at: string | null
  checks: Record<string, CheckSnapshot>
  labs: Record<string, LabSnapshot>
  /** Lessons opened; true when completed. */
  lessons: Record<string, boolean>
  /** When it was saved (ms since the epoch, whole seconds): restored timestamps use it. */
  savedAt: number
}

export type DecodeResult =
  | { ok: true; snapshot: Snapshot; detail: number }
  | { ok: false; reason: 'empty' | 'corrupt' | 'newer' | 'other-pack'; message: string }

export type EncodeResult = { ok: true; text: string; detail: number } | { ok: false; length: number; message: string }

/* ---------------------------------------------------------------- base64url */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]
  }
  return out
}

/** null when the text is not base64url (or has an impossible length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    const chunk = text.slice(i, i + 4)
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? INDEX.get(chunk[j]) : 0
      if (v === undefined) return null
      n = (n << 6) | v
    }
    out[o++] = (n >> 16) & 255
    if (chunk.length > 2) out[o++] = (n >> 8) & 255
    if (chunk.length > 3) out[o++] = n & 255
  }
  return out.subarray(0, o)
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

function deflate(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = []
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk))
  d.push(bytes, true)
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** Inflates at most `max` bytes; throws on damaged or truncated data, or past the limit. */
function inflate(bytes: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = []
  let total = 0
  let ended = false
  const inf = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > max) throw new Error('too large')
    parts.push(chunk)
    if (final) ended = true
  })
  inf.push(bytes, true)
  if (!ended) throw new Error('unexpected end')
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/* ---------------------------------------------------------------- the JSON record */

// Keys are one letter: the record has to fit SCORM 1.2's 4,096 characters for a whole course.
//  p pack id · s seed · a where · u saved (s since epoch) · d detail (0 full, 1 no answers, 2 minimal)
//  c checks: detail 0 { id: [attempts, score%, passed, ...answer] }, 1 { id: [attempts, score%, passed] },
//            2 { id: best score% }
//  b labs:   detail 0/1 { id: [attempts, passed] }, 2 { id: passed }
//  l lessons { slug: completed (0/1) }
function record(s: Snapshot, detail: number): Record<string, unknown> {
  const c: Record<string, unknown> = {}
  for (const [id, v] of Object.entries(s.checks)) {
    const pct = Math.round(v.score * 100)
    if (detail >= 2) c[id] = v.passed ? 100 : Math.min(pct, 99)
    else c[id] = [v.attempts, pct, v.passed ? 1 : 0, ...(detail === 0 && v.answer ? v.answer : [])]
  }
  const b: Record<string, unknown> = {}
  for (const [id, v] of Object.entries(s.labs))
    b[id] = detail >= 2 ? (v.passed ? 1 : 0) : [v.attempts, v.passed ? 1 : 0]
  const l: Record<string, number> = {}
  for (const [slug, done] of Object.entries(s.lessons)) l[slug] = done ? 1 : 0
  return {
    p: s.pack,
    ...(s.seed ? { s: s.seed } : {}),
    ...(s.at ? { a: s.at } : {}),
    u: Math.floor(s.savedAt / 1000),
    d: detail,
    c,
    b,
    l,
  }
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const AT_RE = /^(lesson|lab|check):[a-z0-9]+(?:-[a-z0-9]+)*$/
const SEED_RE = /^[A-Za-z0-9_-]{8,64}$/

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000
const isPct = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100
const isFlag = (v: unknown): v is 0 | 1 => v === 0 || v === 1

/** Reads the JSON record strictly: anything out of shape makes the whole value corrupt. */
function fromRecord(r: unknown): { snapshot: Snapshot; detail: number } | null {
  if (!isObj(r) || typeof r.p !== 'string' || !ID_RE.test(r.p)) return null
  const detail = r.d
  if (detail !== 0 && detail !== 1 && detail !== 2) return null
  if (!Number.isInteger(r.u) || (r.u as number) < 0 || (r.u as number) > 32_503_680_000) return null
  if (r.s !== undefined && (typeof r.s !== 'string' || !SEED_RE.test(r.s))) return null
  if (r.a !== undefined && (typeof r.a !== 'string' || !AT_RE.test(r.a))) return null
  if (!isObj(r.c) || !isObj(r.b) || !isObj(r.l)) return null
  const checks: Record<string, CheckSnapshot> = {}
  for (const [id, v] of Object.entries(r.c)) {
    if (!ID_RE.test(id)) return null
    if (detail === 2) {
      if (!isPct(v)) return null
      checks[id] = { attempts: 1, score: v / 100, passed: v === 100, answer: null }
      continue
    }
    if (!Array.isArray(v) || v.length < 3 || v.length > 23) return null
    const [attempts, pct, passed, ...answer] = v as unknown[]
    if (!isCount(attempts) || !isPct(pct) || !isFlag(passed)) return null
    if (!answer.every((n) => Number.isInteger(n) && (n as number) >= -1 && (n as number) < 20)) return null
    checks[id] = {
      attempts,
      score: pct / 100,
      passed: passed === 1,
      answer: answer.length ? (answer as number[]) : null,
    }
  }
  const labs: Record<string, LabSnapshot> = {}
  for (const [id, v] of Object.entries(r.b)) {
    if (!ID_RE.test(id)) return null
    if (detail === 2) {
      if (!isFlag(v)) return null
      labs[id] = { attempts: 1, passed: v === 1 }
      continue
    }
    if (!Array.isArray(v) || v.length !== 2 || !isCount(v[0]) || !isFlag(v[1])) return null
    labs[id] = { attempts: v[0], passed: v[1] === 1 }
  }
  const lessons: Record<string, boolean> = {}
  for (const [slug, v] of Object.entries(r.l)) {
    if (!ID_RE.test(slug) || !isFlag(v)) return null
    lessons[slug] = v === 1
  }
  return {
    detail,
    snapshot: {
      pack: r.p,
      seed: (r.s as string | undefined) ?? null,
      at: (r.a as string | undefined) ?? null,
      checks,
      labs,
      lessons,
      savedAt: (r.u as number) * 1000,
    },
  }
}

/* ---------------------------------------------------------------- encode / decode */

function pack(json: string): string {
  const bytes = strToU8(json)
  const body = deflate(bytes)
  const out = new Uint8Array(5 + body.length)
  out[0] = SUSPEND_VERSION
  const h = fnv1a(bytes)
  out[1] = h >>> 24
  out[2] = (h >>> 16) & 255
  out[3] = (h >>> 8) & 255
  out[4] = h & 255
  out.set(body, 5)
  return toBase64Url(out)
}

/** Encodes at the most detail that fits in `maxChars`. */
export function encodeSnapshot(s: Snapshot, maxChars: number): EncodeResult {
  let length = 0
  for (const detail of [0, 1, 2]) {
    const text = pack(JSON.stringify(record(s, detail)))
    if (text.length <= maxChars) return { ok: true, text, detail }
    length = text.length
  }
  return {
    ok: false,
    length,
    message: `Your progress in this pack needs ${length.toLocaleString('en-US')} characters, more than the ${maxChars.toLocaleString('en-US')} this LMS keeps, so it could not be saved. Ask your instructor to split the pack.`,
  }
}

const DAMAGED =
  'Your saved progress in this LMS could not be read (it was damaged or cut short), so this pack starts fresh. Your LMS session is working: new progress is saved as usual.'

export function decodeSnapshot(text: string, packId: string): DecodeResult {
  if (text === '') return { ok: false, reason: 'empty', message: '' }
  if (text.length > MAX_TEXT) return { ok: false, reason: 'corrupt', message: DAMAGED }
  const bytes = fromBase64Url(text.trim())
  if (!bytes || bytes.length < 6) return { ok: false, reason: 'corrupt', message: DAMAGED }
  if (bytes[0] !== SUSPEND_VERSION) {
    if (bytes[0] > SUSPEND_VERSION && bytes[0] < 16)
      return {
        ok: false,
        reason: 'newer',
        message:
          'Your saved progress was written by a newer version of this pack, which this version cannot read, so this pack starts fresh here. Your LMS session is working.',
      }
    return { ok: false, reason: 'corrupt', message: DAMAGED }
  }
  let json: string
  try {
    const raw = inflate(bytes.subarray(5), MAX_JSON_BYTES)
    const h = ((bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]) >>> 0
    if (fnv1a(raw) !== h) return { ok: false, reason: 'corrupt', message: DAMAGED }
    json = strFromU8(raw)
  } catch {
    return { ok: false, reason: 'corrupt', message: DAMAGED }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return { ok: false, reason: 'corrupt', message: DAMAGED }
  }
  const r = fromRecord(parsed)
  if (!r) return { ok: false, reason: 'corrupt', message: DAMAGED }
  if (r.snapshot.pack !== packId)
    return {
      ok: false,
      reason: 'other-pack',
      message:
        'The progress this LMS saved belongs to another pack, so this pack starts fresh. Your LMS session is working.',
    }
  return { ok: true, snapshot: r.snapshot, detail: r.detail }
}
