/**
 * The pack builder's model: what an instructor ticked on #/instructors, as a pack config (the
 * file `npm run package -- --config` reads), in YAML or JSON. Pure.
 */
import { PACK_FORMATS, type Catalog, type PackConfig, type PackFormat, type PackItemConfig } from '../lms/index.ts'

export interface Selection {
  title: string
  /** The pack id; derived from the title until the instructor edits it. */
  id: string
  /** 0..100, or null for "no pass mark". */
  masteryPercent: number | null
  formats: readonly PackFormat[]
  /** Ticked entries: `lesson:<slug>`, `check:<id>`, `lab:<id>`. */
  picked: ReadonlySet<string>
}

/** "Week 1: Lambda basics!" → "week-1-lambda-basics" (a valid pack id, or '' if nothing is left). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
}

/**
 * The items, in course order: a ticked lesson brings its checks and lab (they are not listed
 * again); otherwise its ticked checks, then its ticked lab. Labs outside any lesson come last.
 */
export function orderedItems(picked: ReadonlySet<string>, catalog: Catalog): PackItemConfig[] {
  const out: PackItemConfig[] = []
  const placedLabs = new Set<string>()
  for (const l of catalog.lessons) {
    for (const b of l.labs) placedLabs.add(b)
    if (picked.has(`lesson:${l.slug}`)) {
      out.push({ lesson: l.slug })
      continue
    }
    for (const c of l.checks) if (picked.has(`check:${c}`)) out.push({ check: c })
    for (const b of l.labs) if (picked.has(`lab:${b}`)) out.push({ lab: b })
  }
  for (const b of catalog.labs) if (!placedLabs.has(b.id) && picked.has(`lab:${b.id}`)) out.push({ lab: b.id })
  return out
}

export function buildConfig(s: Selection, catalog: Catalog): PackConfig {
  const cfg: PackConfig = { id: s.id, title: s.title.trim(), items: orderedItems(s.picked, catalog) }
  const formats = PACK_FORMATS.filter((f) => s.formats.includes(f))
  if (formats.length > 0 && formats.length < PACK_FORMATS.length)
    cfg.format = formats.length === 1 ? formats[0] : formats
  if (s.masteryPercent !== null) cfg.masteryScore = Math.round(s.masteryPercent * 100) / 10000
  // Key order as an instructor reads it: what, how, then the list.
  const { items, ...head } = cfg
  return { ...head, items }
}

// YAML 1.1 reads these (and numbers) as booleans, null or numbers: they are quoted.
const RESERVED = /^(y|yes|n|no|true|false|on|off|null|~|[-+]?(\d[\d_]*)?(\.\d*)?(e[-+]?\d+)?)$/i

function scalar(v: string | number): string {
  if (typeof v === 'number') return String(v)
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v)
}

/** The config as YAML (plain where safe, JSON-quoted strings elsewhere: JSON strings are YAML). */
export function toYaml(cfg: PackConfig): string {
  const lines = [`id: ${scalar(cfg.id)}`, `title: ${scalar(cfg.title)}`]
  if (cfg.description) lines.push(`description: ${scalar(cfg.description)}`)
  if (cfg.format !== undefined)
    lines.push(`format: ${Array.isArray(cfg.format) ? `[${cfg.format.map(scalar).join(', ')}]` : scalar(cfg.format)}`)
  if (cfg.masteryScore !== undefined) lines.push(`masteryScore: ${cfg.masteryScore}`)
  lines.push('items:')
  for (const item of cfg.items) {
    const [kind, id] = Object.entries(item)[0] as [string, string]
    lines.push(`  - ${kind}: ${scalar(id)}`)
  }
  return `${lines.join('\n')}\n`
}

export function toJson(cfg: PackConfig): string {
  return `${JSON.stringify(cfg, null, 2)}\n`
}
