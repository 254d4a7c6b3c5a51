/**
 * Share links: the playground's files, test event and configuration in the URL fragment.
 *
 *   link code = "z1." + base64url(deflate-raw(UTF-8 JSON of SharedState)), no padding
 *
 * Compression is the platform's CompressionStream / DecompressionStream (browsers, workers,
 * Node 18+). Decoding treats the text as hostile: it never throws, stops inflating past 1 MB,
 * validates every field (paths, sizes, types, `__proto__`, the function configuration with the
 * engine's own validation, so messages are Lambda's) and returns data only: nothing in a link runs.
 */
import {
  validateEnvironment,
  validateHandler,
  validateLogging,
  validateNumbers,
  validateRuntime,
} from '../lambda/public.ts'
import { isRecord } from '../shared/is-record.ts'
import { ACCOUNT_LIMITS, checkAccountSnapshot } from './account/persist-schema.ts'

export interface SharedConfig {
  Handler: string
  Runtime: string
  MemorySize: number
  Timeout: number
  Environment?: Record<string, string>
  LogFormat?: 'Text' | 'JSON'
  ApplicationLogLevel?: string
  SystemLogLevel?: string
}

export interface SharedState {
  v: 1
  /** Path relative to the function's root (`index.mjs`, `lib/orders.mjs`) → source text. */
  files: Record<string, string>
  activeFile?: string
  /** The test event as JSON text, as the learner wrote it (it may not be valid JSON). */
  event: string
  config: SharedConfig
  /**
   * The sharer's simulated AWS account (a snapshot without credentials), when it was small enough
   * (SHARE_LIMITS.accountChars); account/persist-schema.ts checks it.
   */
  account?: Record<string, unknown>
}

export type DecodeShareResult = { ok: true; state: SharedState } | { ok: false; error: string }

export const SHARE_PREFIX = 'z1.'
export const SHARE_LIMITS = Object.freeze({
  /** Characters in a link code (a full 512 KB of incompressible files is about 700,000). */
  linkChars: 1_000_000,
  /** Bytes of JSON after inflating: more is refused as "too large" (decompression bombs). */
  jsonBytes: 1_048_576,
  files: 20,
  pathChars: 200,
  fileBytes: 262_144,
  totalFileBytes: 524_288,
  eventBytes: 262_144,
  /** Characters of the account's JSON a link carries; a larger account is left out (the link says so). */
  accountChars: ACCOUNT_LIMITS.shareChars,
})

const STATE_KEYS = ['v', 'files', 'activeFile', 'event', 'config', 'account']
const CONFIG_KEYS = [
  'Handler',
  'Runtime',
  'MemorySize',
  'Timeout',
  'Environment',
  'LogFormat',
  'ApplicationLogLevel',
  'SystemLogLevel',
]
/** Input bytes fed to the inflater per step: bounds what one step can produce (deflate expands at most ~1032×). */
const INFLATE_SLICE = 512

// ---- helpers -----------------------------------------------------------------------------------

const fmt = (n: number) => n.toLocaleString('en-US')
const kb = (n: number) => `${fmt(n)} bytes (${n / 1024} KB)`
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length
/** Ends a reason with one full stop (Lambda's messages may already have one). */
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`)

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  const t = typeof v
  return t === 'object' ? 'an object' : t === 'undefined' ? 'missing' : `a ${t}`
}

/** A key or path for a message: quoted and escaped, long ones shortened. */
function show(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s)
}

/** Why a file path is not allowed, or undefined when it is fine. Paths are relative to the function's root. */
export function filePathProblem(path: string): string | undefined {
  if (path.length === 0) return 'a file path is empty'
  const p = show(path)
  if (path.length > SHARE_LIMITS.pathChars)
    return `file path ${p} is ${fmt(path.length)} characters long; at most ${SHARE_LIMITS.pathChars} are allowed`
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return `file path ${p} contains a control character`
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return `file path ${p} is absolute; paths must be relative to the function's folder (like "lib/util.mjs")`
  if (path.includes('\\')) return `file path ${p} contains "\\"; use "/" between folders`
  const segments = path.split('/')
  if (segments.includes('..')) return `file path ${p} goes up a folder (".."), out of the function's folder`
  if (segments.some((s) => s === '' || s === '.')) return `file path ${p} has an empty or "." part`
  if (path === '__proto__' || path === 'constructor' || path === 'prototype') return `file path ${p} is a reserved name`
  const bad = segments.find((s) => !/^[A-Za-z0-9_@.+-]+$/.test(s))
  if (bad !== undefined) return `file path ${p} may only use letters, digits and . _ - + @ in its names`
  return undefined
}

type Check = { ok: true; state: SharedState } | { ok: false; reason: string }
const no = (reason: string): Check => ({ ok: false, reason })

/**
 * Validates a playground state for sharing and returns a clean copy holding only the known fields.
 * `reason` says what is wrong, in a sentence fragment ("it has 25 files; …").
 */
export function checkSharedState(input: unknown): Check {
  if (!isRecord(input)) return no(`expected an object with "v", "files", "event" and "config", got ${typeName(input)}`)
  if (Object.hasOwn(input, '__proto__')) return no('it contains a "__proto__" key, which is never allowed')
  const extra = Object.keys(input).find((k) => !STATE_KEYS.includes(k) && input[k] !== undefined)
  if (extra !== undefined) return no(`it has an unexpected field ${show(extra)}`)
  if (input.v !== 1) {
    if (typeof input.v === 'number' && input.v > 1)
      return no(`it was made by a newer version of Lambda Foundations (format ${input.v}); this version reads format 1`)
    const v = input.v
    const got =
      v === undefined
        ? 'nothing'
        : typeof v === 'string'
          ? show(v)
          : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : typeName(v)
    return no(`its format version "v" must be 1, got ${got}`)
  }

  // files
  const f = input.files
  if (!isRecord(f)) return no(`"files" must be an object mapping file paths to their text, got ${typeName(f)}`)
  if (Object.hasOwn(f, '__proto__')) return no('it contains a "__proto__" key, which is never allowed')
  const paths = Object.keys(f)
  if (paths.length === 0) return no('it has no files')
  if (paths.length > SHARE_LIMITS.files)
    return no(`it has ${fmt(paths.length)} files; a shared playground holds at most ${SHARE_LIMITS.files}`)
  const files: Record<string, string> = {}
  let total = 0
  for (const path of paths) {
    const problem = filePathProblem(path)
    if (problem) return no(problem)
    const text = f[path]
    if (typeof text !== 'string') return no(`file ${show(path)} must be text, not ${typeName(text)}`)
    const size = utf8Bytes(text)
    if (size > SHARE_LIMITS.fileBytes)
      return no(`file ${show(path)} is ${fmt(size)} bytes; each file may be at most ${kb(SHARE_LIMITS.fileBytes)}`)
    total += size
    files[path] = text
  }
  if (total > SHARE_LIMITS.totalFileBytes)
    return no(`its files add up to ${fmt(total)} bytes; at most ${kb(SHARE_LIMITS.totalFileBytes)} in all`)

  // activeFile
  const active = input.activeFile
  if (active !== undefined) {
    if (typeof active !== 'string') return no(`"activeFile" must be text, not ${typeName(active)}`)
    if (!Object.hasOwn(files, active)) return no(`"activeFile" names ${show(active)}, which is not one of its files`)
  }

  // event
  const event = input.event
  if (typeof event !== 'string')
    return no(`"event" must be text (the test event's JSON as written), not ${typeName(event)}`)
  const eventSize = utf8Bytes(event)
  if (eventSize > SHARE_LIMITS.eventBytes)
    return no(`its test event is ${fmt(eventSize)} bytes; at most ${kb(SHARE_LIMITS.eventBytes)}`)

  // config
  const c = input.config
  if (!isRecord(c))
    return no(`"config" must be an object with Handler, Runtime, MemorySize and Timeout, got ${typeName(c)}`)
  if (Object.hasOwn(c, '__proto__')) return no('it contains a "__proto__" key, which is never allowed')
  const extraC = Object.keys(c).find((k) => !CONFIG_KEYS.includes(k) && c[k] !== undefined)
  if (extraC !== undefined) return no(`"config" has an unexpected field ${show(extraC)}`)
  const env = c.Environment
  if (env !== undefined) {
    if (!isRecord(env))
      return no(`"config.Environment" must be an object of variable names and values, got ${typeName(env)}`)
    if (Object.hasOwn(env, '__proto__')) return no('it contains a "__proto__" key, which is never allowed')
  }
  for (const k of ['MemorySize', 'Timeout'] as const) if (c[k] === undefined) return no(`"config.${k}" is missing`)
  try {
    // The engine's own checks, in createFunction's order, so the messages are Lambda's.
    validateNumbers({ MemorySize: c.MemorySize, Timeout: c.Timeout })
    if (c.Runtime === undefined || c.Handler === undefined) {
      return no(
        'the function configuration is invalid: InvalidParameterValueException: Runtime and Handler are mandatory parameters for functions created with deployment packages.',
      )
    }
    validateRuntime(c.Runtime)
    validateHandler(c.Handler)
    validateEnvironment(env as Record<string, string> | undefined)
    validateLogging({
      LogFormat: c.LogFormat as SharedConfig['LogFormat'],
      ApplicationLogLevel: c.ApplicationLogLevel as never,
      SystemLogLevel: c.SystemLogLevel as never,
    })
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown }
    return no(`the function configuration is invalid: ${String(err?.name ?? 'Error')}: ${String(err?.message ?? e)}`)
  }
  const config: SharedConfig = {
    Handler: c.Handler as string,
    Runtime: c.Runtime as string,
    MemorySize: c.MemorySize as number,
    Timeout: c.Timeout as number,
  }
  if (env !== undefined) config.Environment = { ...(env as Record<string, string>) }
  if (c.LogFormat !== undefined) config.LogFormat = c.LogFormat as SharedConfig['LogFormat']
  if (c.ApplicationLogLevel !== undefined) config.ApplicationLogLevel = c.ApplicationLogLevel as string
  if (c.SystemLogLevel !== undefined) config.SystemLogLevel = c.SystemLogLevel as string

  const state: SharedState = { v: 1, files, event, config }
  if (active !== undefined) state.activeFile = active
  if (input.account !== undefined) {
    const acct = checkAccountSnapshot(input.account, SHARE_LIMITS.accountChars)
    if (!acct.ok) return no(`its AWS account is invalid: ${acct.reason}`)
    if (acct.setAside.length)
      return no(`its AWS account has services this version does not know (${acct.setAside.join(', ')})`)
    state.account = acct.snapshot
  }
  return { ok: true, state }
}

// ---- bytes -----------------------------------------------------------------------------------

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Feeds `bytes` through a (de)compression transform in small slices, pulling output on demand, and stops past `limit` bytes. */
async function transform(
  bytes: Uint8Array,
  stream: ReadableWritablePair<Uint8Array, BufferSource>,
  limit: number,
): Promise<Uint8Array | 'too-large'> {
  let offset = 0
  const source = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (offset >= bytes.length) controller.close()
        else {
          controller.enqueue(bytes.slice(offset, offset + INFLATE_SLICE))
          offset += INFLATE_SLICE
        }
      },
    },
    { highWaterMark: 0 },
  )
  const reader = source.pipeThrough(stream).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      reader.cancel().catch(() => {})
      return 'too-large'
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

// ---- public API ------------------------------------------------------------------------------

/**
 * The link code for a playground state ("z1.…", URL-safe). Throws an Error with a clear message if the
 * state cannot be shared (the same rules decodeShare applies, so every code it returns decodes).
 */
export async function encodeShare(state: SharedState): Promise<string> {
  const checked = checkSharedState(state)
  if (!checked.ok) throw new Error(`This playground cannot be shared: ${sentence(checked.reason)}`)
  const json = new TextEncoder().encode(JSON.stringify(checked.state))
  if (json.length > SHARE_LIMITS.jsonBytes) {
    throw new Error(
      `This playground cannot be shared: it takes ${fmt(json.length)} bytes; a share link holds at most ${kb(SHARE_LIMITS.jsonBytes)}.`,
    )
  }
  const packed = await transform(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY)
  return SHARE_PREFIX + toBase64Url(packed as Uint8Array)
}

/** Reads a link code made by encodeShare. Never throws; on any problem returns `{ ok: false, error }` with a message for the learner. */
export async function decodeShare(text: string): Promise<DecodeShareResult> {
  try {
    return await decode(text)
  } catch (e) {
    // Not expected: every known failure is handled in decode().
    return { ok: false, error: `The share link could not be read: ${e instanceof Error ? e.message : String(e)}` }
  }
}

const fail = (error: string): DecodeShareResult => ({ ok: false, error })

async function decode(input: unknown): Promise<DecodeShareResult> {
  if (typeof input !== 'string') return fail(`A share link must be text, not ${typeName(input)}.`)
  const text = input.trim()
  if (text.length === 0) return fail('The share link is empty.')
  if (text.length > SHARE_LIMITS.linkChars)
    return fail(`The share link is too long: ${fmt(text.length)} characters; at most ${fmt(SHARE_LIMITS.linkChars)}.`)
  if (!text.startsWith(SHARE_PREFIX)) {
    const version = /^z(\d{1,6})\./.exec(text)
    if (version && Number(version[1]) > 1) {
      return fail(
        `This share link was made by a newer version of Lambda Foundations (format z${version[1]}); this version reads z1 links.`,
      )
    }
    return fail(`This is not a Lambda Foundations share link: it should start with "${SHARE_PREFIX}".`)
  }
  const body = text.slice(SHARE_PREFIX.length)
  if (body.length === 0) return fail('The share link is damaged: nothing follows "z1.".')
  const badChar = /[^A-Za-z0-9_-]/.exec(body)
  if (badChar) {
    return fail(
      `The share link is damaged: it contains ${JSON.stringify(badChar[0])} at position ${badChar.index + SHARE_PREFIX.length + 1}, which is not a base64url character (A–Z, a–z, 0–9, - and _).`,
    )
  }
  if (body.length % 4 === 1)
    return fail('The share link is damaged: its length is impossible for base64url. Was it cut short when copied?')
  const packed = fromBase64Url(body)

  let json: Uint8Array | 'too-large'
  try {
    json = await transform(packed, new DecompressionStream('deflate-raw'), SHARE_LIMITS.jsonBytes)
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '')
    return fail(
      `The share link is damaged: its compressed data is corrupt (${why}). Was it cut short or changed when copied?`,
    )
  }
  if (json === 'too-large')
    return fail(
      `The share link is too large: it unpacks to more than ${kb(SHARE_LIMITS.jsonBytes)}, the most a shared playground may hold.`,
    )

  let jsonText: string
  try {
    jsonText = new TextDecoder('utf-8', { fatal: true }).decode(json)
  } catch {
    return fail('The share link is damaged: its content is not UTF-8 text.')
  }
  let value: unknown
  try {
    value = JSON.parse(jsonText)
  } catch (e) {
    return fail(
      `The share link is damaged: its content is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    )
  }
  const checked = checkSharedState(value)
  if (!checked.ok) return fail(`The shared playground is invalid: ${sentence(checked.reason)}`)
  return { ok: true, state: checked.state }
}
