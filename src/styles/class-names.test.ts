/**
 * The class naming scheme of src/styles/README.md, checked on the sources:
 * - a stylesheet defines only its owner's classes (its prefix), and refines global ones only
 *   inside its own blocks (a feature never restyles a shared class for the whole page);
 * - a component renders only classes that are defined somewhere, or its owner's own (hooks);
 * - no stylesheet styles a class that nothing renders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Owners, most specific path first: a file belongs to the first whose pattern matches its path. */
const OWNERS: { path: RegExp; prefixes: string[] }[] = [
  { path: /^src\/styles\//, prefixes: [] },
  { path: /^src\/app\/pages\/HomePage\./, prefixes: ['home'] },
  { path: /^src\/app\/pages\/Lesson[A-Za-z]*\./, prefixes: ['lesson'] },
  { path: /^src\/app\/pages\/ProgressPage\./, prefixes: ['progress'] },
  { path: /^src\/app\/pages\/Embed[A-Za-z]*\./, prefixes: ['embed'] },
  { path: /^src\/app\/lms\//, prefixes: ['lms', 'lesson'] },
  { path: /^src\/app\//, prefixes: [] },
  { path: /^src\/course\//, prefixes: ['lesson'] },
  { path: /^src\/quiz\//, prefixes: ['quiz', 'assessment'] },
  { path: /^src\/labs\//, prefixes: ['lab'] },
  { path: /^src\/playground\//, prefixes: ['pg'] },
  { path: /^src\/embed\//, prefixes: ['embed'] },
  { path: /^src\/lms\//, prefixes: ['lms'] },
  { path: /^src\/instructors\//, prefixes: ['instructors', 'pack'] },
  { path: /^src\/shared\//, prefixes: [] },
]
const FEATURE_PREFIXES = [...new Set(OWNERS.flatMap((o) => o.prefixes))]
/** Classes other code generates (Monaco, Shiki), and the one marker class (README). */
const FOREIGN = new Set(['monaco-editor', 'shiki', 'not-prose'])

const isState = (c: string) => /^is-[a-z0-9-]+$/.test(c)
const hasPrefix = (c: string, p: string) => c === p || c.startsWith(`${p}-`)
const ownerOf = (rel: string) => OWNERS.find((o) => o.path.test(rel))
const isFeatureClass = (c: string) => FEATURE_PREFIXES.some((p) => hasPrefix(c, p))

function walk(dir: string, keep: (f: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) walk(p, keep, out)
    else if (keep(p)) out.push(p)
  }
  return out
}
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/')
const read = (p: string) => readFileSync(p, 'utf8')

const cssFiles = walk(path.join(root, 'src'), (f) => f.endsWith('.css')).map(rel)
const sourceFiles = [
  ...walk(path.join(root, 'src'), (f) => /\.tsx?$/.test(f) && !/\.test\.ts$|__tests__/.test(f)),
  ...walk(path.join(root, 'content'), (f) => /\.tsx?$/.test(f)),
].map(rel)

/** Each selector of a stylesheet (comments, strings and at-rule preludes left out), with its classes. */
function selectors(css: string): { selector: string; classes: string[] }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"])(?:(?!\1).)*\1/g, '""')
  const out: { selector: string; classes: string[] }[] = []
  // A prelude is what stands before a `{`: after the previous `{`, `}` or `;`.
  for (const m of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = m[1]!.trim()
    if (prelude.startsWith('@') || /^(from|to|\d+%)/.test(prelude)) continue
    for (const selector of prelude.split(',')) {
      const classes = [...selector.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((c) => c[1]!)
      out.push({ selector: selector.trim(), classes })
    }
  }
  return out
}

/** The class tokens of a component's className attributes and className props (static parts). */
function renderedClasses(source: string): string[] {
  const tokens: string[] = []
  for (const m of source.matchAll(/className(=\{|="|: ?(['"`]))/g)) {
    const start = m.index! + m[0].length
    let expr: string
    if (m[1] === '="') expr = `"${source.slice(start, source.indexOf('"', start))}"`
    else if (m[1] === '={') {
      let depth = 1
      let j = start
      while (depth) {
        if (source[j] === '{') depth++
        else if (source[j] === '}') depth--
        j++
      }
      expr = source.slice(start, j - 1)
    } else expr = `${m[2]}${source.slice(start, source.indexOf(m[2]!, start))}${m[2]}`
    // A string compared with (`kind === 'ok' ? …`) is not a class.
    const compared = /(?:[!=]==?\s*(['"`])(?:(?!\1).)*\1)|(?:(['"`])(?:(?!\2).)*\2\s*[!=]==?)/g
    for (const s of expr.replace(compared, '').matchAll(/(['"`])((?:(?!\1)[\s\S])*)\1/g)) {
      // `status-icon-${status}` leaves the prefix `status-icon-*`.
      for (const t of s[2]!.replace(/\$\{[^}]*\}/g, '${}').split(/\s+/)) {
        const tok = t.replace(/\$\{\}.*$/, '*')
        if (/^[a-z][\w-]*\*?$/.test(tok)) tokens.push(tok)
      }
    }
  }
  return tokens
}

const defined = new Map<string, string>() // class -> the stylesheet that owns it
const globalClasses = new Set<string>()
for (const file of cssFiles) {
  const owner = ownerOf(file)!
  for (const { classes } of selectors(read(path.join(root, file)))) {
    for (const c of classes) {
      if (isState(c) || FOREIGN.has(c)) continue
      if (owner.prefixes.length === 0) globalClasses.add(c)
      if (owner.prefixes.length === 0 || owner.prefixes.some((p) => hasPrefix(c, p))) defined.set(c, file)
    }
  }
}

describe('class names follow one scheme (src/styles/README.md)', () => {
  it('finds the stylesheets and components', () => {
    expect(cssFiles).toContain('src/styles/base.css')
    expect(cssFiles).toContain('src/playground/PlaygroundPanel.css')
    expect(defined.size).toBeGreaterThan(300)
    expect(sourceFiles.length).toBeGreaterThan(50)
  })

  it('are kebab-case: block, block-element, block-variant, is-state', () => {
    const bad = [...defined.keys()].filter((c) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(c))
    expect(bad).toEqual([])
  })

  it('a stylesheet styles its own blocks, and global classes only inside them', () => {
    const problems: string[] = []
    for (const file of cssFiles) {
      const owner = ownerOf(file)
      if (!owner) {
        problems.push(`${file}: no owner in OWNERS`)
        continue
      }
      for (const { selector, classes } of selectors(read(path.join(root, file)))) {
        const own = classes.filter((c) => owner.prefixes.some((p) => hasPrefix(c, p)))
        for (const c of classes) {
          if (isState(c) || FOREIGN.has(c) || own.includes(c)) continue
          if (owner.prefixes.length === 0 && isFeatureClass(c))
            problems.push(`${file}: ${selector}: global stylesheet styles the feature class .${c}`)
          else if (owner.prefixes.length > 0 && isFeatureClass(c))
            problems.push(`${file}: ${selector}: .${c} belongs to another feature`)
          else if (owner.prefixes.length > 0 && own.length === 0)
            problems.push(`${file}: ${selector}: restyles the global .${c} outside this feature's blocks`)
          else if (owner.prefixes.length > 0 && !globalClasses.has(c))
            problems.push(
              `${file}: ${selector}: .${c} is neither this feature's (${owner.prefixes.join(', ')}) nor global`,
            )
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('a component renders defined classes, or its own (unstyled hooks)', () => {
    const problems: string[] = []
    for (const file of sourceFiles.filter((f) => f.startsWith('src/') && f.endsWith('.tsx'))) {
      const owner = ownerOf(file)
      for (const tok of renderedClasses(read(path.join(root, file)))) {
        const name = tok.replace(/-?\*$/, '')
        const whole = tok.replace(/\*$/, '') // `lab${x ? ' is-passed' : ''}` is the class `lab`
        if (isState(whole) || tok === 'is-*' || FOREIGN.has(whole)) continue
        const prefix = tok.endsWith('*') // or a dynamic class: `pill-${status}`
        const known = defined.has(whole) || (prefix && [...defined.keys()].some((c) => c.startsWith(whole)))
        const mine = owner?.prefixes.some((p) => hasPrefix(name, p))
        const foreignFeature = isFeatureClass(name) && !mine
        if (foreignFeature) problems.push(`${file}: renders .${name}, which belongs to another feature`)
        else if (!known && !mine) problems.push(`${file}: renders .${tok}, which no stylesheet defines`)
      }
    }
    expect(problems).toEqual([])
  })

  it('no stylesheet styles a class that nothing renders', () => {
    const text = sourceFiles.map((f) => read(path.join(root, f))).join('\n')
    const dynamicPrefixes = [...text.matchAll(/([a-z][\w-]*)\$\{/g)].map((m) => m[1]!)
    const unused = [...defined.keys()].filter(
      (c) =>
        !new RegExp(`(?<![\\w-])${c}(?![\\w-])`).test(text) &&
        !dynamicPrefixes.some((p) => c.startsWith(p) && c.length > p.length),
    )
    expect(unused).toEqual([])
  })
})
