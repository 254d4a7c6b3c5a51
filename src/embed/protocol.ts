/**
 * The embedding protocol: what an embedded lab or check (`#/embed/lab/<id>`, `#/embed/check/<id>`)
 * posts to the page that frames it, and which messages it accepts. Pure: no DOM.
 * Documented for instructors in docs/embedding.md.
 */
import type { EmbedKind } from '../shared/embed-snippet.ts'

export const MESSAGE_PREFIX = 'lambda-foundations:'

/** Embed → host: the embed's content height in CSS pixels, on every change. */
export interface ResizeMessage {
  type: 'lambda-foundations:resize'
  id: string
  kind: EmbedKind
  height: number
}

/** Embed → host: an xAPI-shaped statement when a check is answered or a lab passes. */
export interface StatementMessage {
  type: 'lambda-foundations:statement'
  id: string
  kind: EmbedKind
  statement: XapiStatement
}

/** Embed → host: sent once when the embed has rendered. */
export interface ReadyMessage {
  type: 'lambda-foundations:ready'
  id: string
  kind: EmbedKind
  height: number
}

export type EmbedToHost = ResizeMessage | StatementMessage | ReadyMessage

/** Host → embed. Accepted only from the configured origins (or this site's own origin). */
export type HostToEmbed =
  { type: 'lambda-foundations:get-height' } | { type: 'lambda-foundations:set-theme'; theme: 'light' | 'dark' }

export type { EmbedKind }

export type Verb = 'answered' | 'completed' | 'passed' | 'failed'

export interface XapiStatement {
  id: string
  timestamp: string
  verb: { id: string; display: { 'en-US': Verb } }
  object: {
    objectType: 'Activity'
    id: string
    definition: { name: { 'en-US': string }; type: string }
  }
  result: {
    score: { scaled: number; raw: number; min: number; max: number }
    success: boolean
    completion: boolean
    /** Attempts so far, as an xAPI extension. */
    extensions?: Record<string, unknown>
  }
  context: { platform: 'Lambda Foundations' }
}

const VERB_IRI: Record<Verb, string> = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
}

const ACTIVITY_TYPE: Record<EmbedKind, string> = {
  check: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  lab: 'http://adlnet.gov/expapi/activities/assessment',
}

export interface StatementInput {
  kind: EmbedKind
  id: string
  /** Human-readable name (the question or the lab title). */
  name: string
  verb: Verb
  raw: number
  max: number
  success: boolean
  /** Canonical URL of the activity (the course's page for it). */
  activityUrl: string
  attempts?: number
  now?: Date
  uuid?: string
}

export function buildStatement(i: StatementInput): XapiStatement {
  const max = Math.max(0, i.max)
  const raw = Math.min(max, Math.max(0, i.raw))
  return {
    id: i.uuid ?? randomUuid(),
    timestamp: (i.now ?? new Date()).toISOString(),
    verb: { id: VERB_IRI[i.verb], display: { 'en-US': i.verb } },
    object: {
      objectType: 'Activity',
      id: i.activityUrl,
      definition: { name: { 'en-US': i.name.slice(0, 500) }, type: ACTIVITY_TYPE[i.kind] },
    },
    result: {
      score: { scaled: max === 0 ? 0 : Math.round((raw / max) * 10000) / 10000, raw, min: 0, max },
      success: i.success,
      completion: i.kind === 'check' ? true : i.success,
      ...(i.attempts !== undefined
        ? { extensions: { 'https://lambda-foundations.dev/xapi/attempts': i.attempts } }
        : {}),
    },
    context: { platform: 'Lambda Foundations' },
  }
}

function randomUuid(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.randomUUID) return c.randomUUID()
  const b = new Uint8Array(16)
  for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * Origins the embed talks to, from the embed URL's `origin` parameter (comma-separated, e.g.
 * `?origin=https://lms.example.edu`). Only well-formed http(s) origins are kept.
 */
export function configuredOrigins(param: string | null): string[] {
  if (!param) return []
  const out: string[] = []
  for (const part of param.split(',').slice(0, 10)) {
    try {
      const u = new URL(part.trim())
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === part.trim().replace(/\/$/, ''))
        out.push(u.origin)
    } catch {
      // not an origin: ignored
    }
  }
  return [...new Set(out)]
}

/** Accepts a host message only from this site's own origin or a configured one, and only known shapes. */
export function acceptHostMessage(
  origin: string,
  ownOrigin: string,
  allowed: readonly string[],
  data: unknown,
): HostToEmbed | null {
  if (origin !== ownOrigin && !allowed.includes(origin)) return null
  if (typeof data !== 'object' || data === null) return null
  const d = data as Record<string, unknown>
  if (d.type === 'lambda-foundations:get-height') return { type: d.type }
  if (d.type === 'lambda-foundations:set-theme' && (d.theme === 'light' || d.theme === 'dark'))
    return { type: d.type, theme: d.theme }
  return null
}

/**
 * Where the embed posts: every configured origin; with none configured, the framing page's
 * origin when the browser tells us (document.referrer) and it is a real http(s) origin. Otherwise
 * nowhere: never '*' (any page that frames the course would receive the learner's statements),
 * never an opaque origin ('null' for about:blank, srcdoc, file: or data: pages, which postMessage
 * rejects). The host can always name itself with `?origin=`. The one exception is `resize`
 * (see resizeTargets).
 */
export function postTargets(allowed: readonly string[], referrer: string): string[] {
  if (allowed.length > 0) return [...allowed]
  if (!referrer) return []
  try {
    const u = new URL(referrer)
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin !== 'null') return [u.origin]
  } catch {
    // not a URL: no target
  }
  return []
}

/**
 * Where the `resize` message goes: the postTargets; when the host is unknown, any page ('*').
 * Instructors frame activities on pages that often send no referrer, and the frame must still size
 * itself; `resize` carries the activity's kind, id and height, nothing of the learner's. Statements
 * and every other message never go to '*'.
 */
export function resizeTargets(allowed: readonly string[], referrer: string): string[] {
  const known = postTargets(allowed, referrer)
  return known.length > 0 ? known : ['*']
}
