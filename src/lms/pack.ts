/**
 * Course packs: what an instructor puts in an LMS package (a list of lessons, labs and knowledge
 * checks, a title, a mastery score), how a pack config is checked against the course, and what
 * the pack counts toward its score and completion. Pure: no DOM, no React, no content imports
 * (the caller passes a Catalog of what the course holds), so the packager (Node), the
 * instructors' page and the LMS route (browser) share it. Docs: docs/instructors.md.
 */

export const PACK_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const
export type PackFormat = (typeof PACK_FORMATS)[number]

export const FORMAT_NAMES: Record<PackFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th edition',
  cmi5: 'cmi5',
}

export type ItemKind = 'lesson' | 'lab' | 'check'
export const ITEM_KINDS: readonly ItemKind[] = ['lesson', 'lab', 'check']

/** One entry of a pack config, as an instructor writes it: `{ lesson: slug }`, `{ lab: id }` or `{ check: id }`. */
export type PackItemConfig = { lesson: string } | { lab: string } | { check: string }

/** A pack config file (JSON or YAML). */
export interface PackConfig {
  id: string
  title: string
  description?: string
  /** One format, several, or none (every format). */
  format?: PackFormat | PackFormat[]
  items: PackItemConfig[]
  /** 0..1: the share of the pack's points a learner needs to pass. Without it, a pack is only completed. */
  masteryScore?: number
}

/** What the course holds, for checking a pack config (built from the content registries). */
export interface Catalog {
  lessons: readonly { slug: string; title: string; checks: readonly string[]; labs: readonly string[] }[]
  labs: readonly { id: string; title: string; lesson?: string }[]
  /** Knowledge checks placed in lessons (assessment-only questions are not activities). */
  checks: readonly { id: string; prompt: string; lesson?: string }[]
}

export interface PackItem {
  kind: ItemKind
  id: string
  title: string
}

/** Something the pack counts: a check answered, a lab passed, or a lesson without activities read. */
export interface Unit {
  kind: ItemKind
  id: string
}

/** A checked pack: what the packager writes into a package (`packs/<id>.json`) and the LMS route reads. */
export interface Pack {
  id: string
  title: string
  description: string
  masteryScore: number | null
  items: PackItem[]
}

export const PACK_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_ITEMS = 200
const MAX_TITLE = 200
const MAX_DESCRIPTION = 2000

export type PackResult = { ok: true; pack: Pack; formats: PackFormat[] } | { ok: false; errors: string[] }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'an object' : String(v)
}

/** Levenshtein distance, capped: only used to suggest a near id in an error message. */
function distance(a: string, b: string, cap = 6): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}

/** `did you mean "x"?` for the closest known id (also when the typo is a missing prefix), else a few known ids. */
function suggest(wanted: string, known: readonly string[], noun: string): string {
  if (known.length === 0) return `the course has no ${noun}s`
  let best = ''
  let bestD = Infinity
  for (const k of known) {
    const d = k.endsWith(`-${wanted}`) || wanted.endsWith(`-${k}`) ? 1 : distance(wanted, k)
    if (d < bestD) {
      best = k
      bestD = d
    }
  }
  if (bestD <= Math.max(2, Math.floor(wanted.length / 4))) return `did you mean "${best}"?`
  const list = known.slice(0, 8).join(', ')
  return `the ${noun}s are: ${list}${known.length > 8 ? `, … (${known.length} in all)` : ''}`
}

/**
 * Checks a pack config against the course. Every problem is reported, each naming the bad entry
 * (`items[2]: there is no lab "…"`), so an instructor can fix them all at once.
 */
export function checkPackConfig(raw: unknown, catalog: Catalog): PackResult {
  const errors: string[] = []
  if (!isPlainObject(raw)) return { ok: false, errors: ['a pack config must be an object with id, title and items'] }

  const known = new Set(['id', 'title', 'description', 'format', 'items', 'masteryScore'])
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) errors.push(`unknown field "${k}" (a pack config has: ${[...known].join(', ')})`)
  }

  const id = raw.id
  if (typeof id !== 'string' || !PACK_ID_RE.test(id) || id.length > 64)
    errors.push(
      `id: ${id === undefined ? 'missing' : show(id)}; use lowercase words joined by dashes, at most 64 characters (e.g. "lambda-basics")`,
    )
  else if (id === 'preview')
    errors.push('id: "preview" is reserved (it names an instructor\'s preview); choose another')

  const title = typeof raw.title === 'string' ? raw.title.trim() : ''
  if (typeof raw.title !== 'string' || title === '' || title.length > MAX_TITLE)
    errors.push(
      `title: ${raw.title === undefined ? 'missing' : show(raw.title)}; give the pack a title of 1 to ${MAX_TITLE} characters`,
    )

  let description = ''
  if (raw.description !== undefined) {
    if (typeof raw.description !== 'string' || raw.description.length > MAX_DESCRIPTION)
      errors.push(`description: must be text of at most ${MAX_DESCRIPTION} characters`)
    else description = raw.description.trim()
  }

  const formats = checkFormats(raw.format, errors)

  let masteryScore: number | null = null
  if (raw.masteryScore !== undefined && raw.masteryScore !== null) {
    const m = raw.masteryScore
    if (typeof m !== 'number' || !Number.isFinite(m) || m < 0 || m > 1)
      errors.push(
        `masteryScore: ${show(m)} is not between 0 and 1${typeof m === 'number' && m > 1 && m <= 100 ? ` (for ${m}% write ${m / 100})` : ''}`,
      )
    else masteryScore = Math.round(m * 10000) / 10000
  }

  const items: PackItem[] = []
  if (!Array.isArray(raw.items) || raw.items.length === 0) {
    errors.push('items: list at least one item, e.g. { lesson: <slug> }, { lab: <id> } or { check: <id> }')
  } else if (raw.items.length > MAX_ITEMS) {
    errors.push(`items: ${raw.items.length} items; a pack holds at most ${MAX_ITEMS}`)
  } else {
    const seen = new Set<string>()
    raw.items.forEach((entry: unknown, i: number) => {
      const item = checkItem(entry, `items[${i}]`, catalog, errors)
      if (!item) return
      const key = `${item.kind}:${item.id}`
      if (seen.has(key)) errors.push(`items[${i}]: ${item.kind} "${item.id}" is already in the pack`)
      else {
        seen.add(key)
        items.push(item)
      }
    })
  }

  if (
    errors.length === 0 &&
    masteryScore !== null &&
    !packUnits({ items }, catalog).some((u) => u.kind === 'check' || u.kind === 'lab')
  )
    errors.push('masteryScore: this pack has nothing to score (no knowledge checks or labs); leave masteryScore out')
  if (errors.length > 0) return { ok: false, errors }
  const pack: Pack = {
    id: id as string,
    title,
    description: description || describeItems(items),
    masteryScore,
    items,
  }
  return { ok: true, pack, formats }
}

function checkFormats(v: unknown, errors: string[]): PackFormat[] {
  if (v === undefined || v === null || v === 'all') return [...PACK_FORMATS]
  const list = Array.isArray(v) ? v : [v]
  const out: PackFormat[] = []
  for (const f of list) {
    if (typeof f === 'string' && (PACK_FORMATS as readonly string[]).includes(f)) {
      if (!out.includes(f as PackFormat)) out.push(f as PackFormat)
    } else errors.push(`format: ${show(f)} is not one of ${PACK_FORMATS.join(', ')} (or "all")`)
  }
  if (Array.isArray(v) && v.length === 0) errors.push('format: the list is empty; leave format out for every format')
  return out
}

function checkItem(entry: unknown, where: string, catalog: Catalog, errors: string[]): PackItem | null {
  if (!isPlainObject(entry)) {
    errors.push(`${where}: ${show(entry)} is not an item; write { lesson: <slug> }, { lab: <id> } or { check: <id> }`)
    return null
  }
  const keys = Object.keys(entry)
  const kinds = keys.filter((k): k is ItemKind => (ITEM_KINDS as readonly string[]).includes(k))
  const others = keys.filter((k) => !(ITEM_KINDS as readonly string[]).includes(k))
  if (kinds.length !== 1 || others.length > 0) {
    errors.push(
      `${where}: an item names exactly one of lesson, lab or check${others.length ? ` (unknown: ${others.join(', ')})` : ''}`,
    )
    return null
  }
  const kind = kinds[0]
  const id = entry[kind]
  if (typeof id !== 'string' || id === '') {
    errors.push(`${where}: ${kind} must be an id (text), not ${show(id)}`)
    return null
  }
  if (kind === 'lesson') {
    const l = catalog.lessons.find((x) => x.slug === id)
    if (!l) {
      errors.push(
        `${where}: there is no lesson "${id}"; ${suggest(
          id,
          catalog.lessons.map((x) => x.slug),
          'lesson',
        )}`,
      )
      return null
    }
    return { kind, id, title: l.title }
  }
  if (kind === 'lab') {
    const l = catalog.labs.find((x) => x.id === id)
    if (!l) {
      errors.push(
        `${where}: there is no lab "${id}"; ${suggest(
          id,
          catalog.labs.map((x) => x.id),
          'lab',
        )}`,
      )
      return null
    }
    return { kind, id, title: l.title }
  }
  const c = catalog.checks.find((x) => x.id === id)
  if (!c) {
    errors.push(
      `${where}: there is no knowledge check "${id}"; ${suggest(
        id,
        catalog.checks.map((x) => x.id),
        'knowledge check',
      )}`,
    )
    return null
  }
  return { kind, id, title: plainPrompt(c.prompt) }
}

/** Check prompts use `code` and **bold** markup: a title is plain text. */
export function plainPrompt(prompt: string): string {
  const t = prompt
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  return t.length > 120 ? `${t.slice(0, 119)}…` : t
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "2 lessons, 1 lab and 3 knowledge checks from Lambda Foundations, an interactive AWS Lambda course." */
export function describeItems(items: readonly PackItem[]): string {
  const n = (k: ItemKind) => items.filter((i) => i.kind === k).length
  const parts = [
    n('lesson') && plural(n('lesson'), 'lesson'),
    n('lab') && plural(n('lab'), 'hands-on lab'),
    n('check') && plural(n('check'), 'knowledge check'),
  ].filter(Boolean) as string[]
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]
  return `${list} from Lambda Foundations, an interactive AWS Lambda course that runs in the browser.`
}

/**
 * What a pack counts. A lesson counts its knowledge checks and its labs (or, with none, being
 * read); a lab or check counts itself. An activity listed twice (alone and in its lesson) counts once.
 */
export function packUnits(pack: Pick<Pack, 'items'>, catalog: Catalog): Unit[] {
  const out: Unit[] = []
  const seen = new Set<string>()
  const add = (u: Unit) => {
    const k = `${u.kind}:${u.id}`
    if (!seen.has(k)) {
      seen.add(k)
      out.push(u)
    }
  }
  for (const item of pack.items) {
    if (item.kind !== 'lesson') {
      add({ kind: item.kind, id: item.id })
      continue
    }
    const l = catalog.lessons.find((x) => x.slug === item.id)
    const checks = l?.checks ?? []
    const labs = l?.labs ?? []
    if (checks.length === 0 && labs.length === 0) add({ kind: 'lesson', id: item.id })
    for (const c of checks) add({ kind: 'check', id: c })
    for (const b of labs) add({ kind: 'lab', id: b })
  }
  return out
}

/** What the packager writes into a package (`packs/<id>.json`): the pack and the package's format. */
export interface PackFile {
  pack: Pack
  format: PackFormat | null
}

/** Reads a pack file; null if it is not one. */
export function readPackFile(value: unknown): PackFile | null {
  if (!isPlainObject(value)) return null
  const { id, title, description, masteryScore, items, format } = value
  if (typeof id !== 'string' || !PACK_ID_RE.test(id) || typeof title !== 'string' || !Array.isArray(items)) return null
  if (items.length === 0 || items.length > MAX_ITEMS) return null
  const out: PackItem[] = []
  for (const it of items) {
    if (!isPlainObject(it) || !(ITEM_KINDS as readonly unknown[]).includes(it.kind)) return null
    if (typeof it.id !== 'string' || typeof it.title !== 'string') return null
    out.push({ kind: it.kind as ItemKind, id: it.id, title: it.title })
  }
  const m =
    typeof masteryScore === 'number' && Number.isFinite(masteryScore) && masteryScore >= 0 && masteryScore <= 1
      ? masteryScore
      : null
  return {
    pack: {
      id,
      title: title.slice(0, MAX_TITLE),
      description: typeof description === 'string' ? description : '',
      masteryScore: m,
      items: out,
    },
    format: (PACK_FORMATS as readonly unknown[]).includes(format) ? (format as PackFormat) : null,
  }
}

/** The config an instructor would write for a checked pack (the inverse of checkPackConfig). */
export function packToConfig(pack: Pack, formats?: readonly PackFormat[]): PackConfig {
  const cfg: PackConfig = {
    id: pack.id,
    title: pack.title,
    items: pack.items.map((i) => ({ [i.kind]: i.id }) as PackItemConfig),
  }
  if (formats && formats.length > 0 && formats.length < PACK_FORMATS.length)
    cfg.format = formats.length === 1 ? formats[0] : [...formats]
  if (pack.masteryScore !== null) cfg.masteryScore = pack.masteryScore
  return cfg
}
