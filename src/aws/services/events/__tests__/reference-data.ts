// Test-only helpers that read published test cases from repositories fetched beside the project
// (/work/.mirror/<owner>+<name>/repo, a bare git snapshot). Tests that use them skip when the
// snapshot is absent. Nothing from those repositories is copied into the project.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const MIRRORS = process.env.LF_MIRRORS ?? '/work/.mirror'

export function mirror(repo: string): string | null {
  const dir = `${MIRRORS}/${repo.replace('/', '+')}/repo`
  return existsSync(dir) ? dir : null
}

export function gitShow(dir: string, path: string): string {
  return execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 })
}

export function gitList(dir: string, folder: string): string[] {
  return execFileSync('git', ['-C', dir, 'ls-tree', '--name-only', 'HEAD', `${folder}/`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
}

/** A JSON5 value with numbers kept as text and the int/float distinction Python's json5 makes. */
export type J5 =
  | { t: 'obj'; entries: [string, J5][] }
  | { t: 'arr'; items: J5[] }
  | { t: 'str'; v: string }
  | { t: 'num'; text: string; float: boolean }
  | { t: 'lit'; v: 'true' | 'false' | 'null' }

/** The JSON5 subset LocalStack's templates use: comments, trailing commas, double-quoted strings. */
export function parseJson5(src: string): J5 {
  let i = 0
  const ws = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++
      if (src.startsWith('//', i)) while (i < src.length && src[i] !== '\n') i++
      else if (src.startsWith('/*', i)) i = src.indexOf('*/', i) + 2
      else return
    }
  }
  const str = (): string => {
    const q = src[i++]
    let out = ''
    while (src[i] !== q) {
      if (src[i] === '\\') {
        const e = src[i + 1]
        i += 2
        if (e === 'u') {
          out += String.fromCharCode(parseInt(src.slice(i, i + 4), 16))
          i += 4
        } else out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e
      } else out += src[i++]
    }
    i++
    return out
  }
  const value = (): J5 => {
    ws()
    const c = src[i]
    if (c === '{') {
      i++
      const entries: [string, J5][] = []
      for (;;) {
        ws()
        if (src[i] === '}') {
          i++
          return { t: 'obj', entries }
        }
        let key: string
        if (src[i] === '"' || src[i] === "'") key = str()
        else {
          key = /^[A-Za-z_$][\w$]*/.exec(src.slice(i))![0]
          i += key.length
        }
        ws()
        i++ // :
        const v = value()
        const at = entries.findIndex((e) => e[0] === key)
        if (at >= 0) entries.splice(at, 1)
        entries.push([key, v])
        ws()
        if (src[i] === ',') i++
      }
    }
    if (c === '[') {
      i++
      const items: J5[] = []
      for (;;) {
        ws()
        if (src[i] === ']') {
          i++
          return { t: 'arr', items }
        }
        items.push(value())
        ws()
        if (src[i] === ',') i++
      }
    }
    if (c === '"' || c === "'") return { t: 'str', v: str() }
    for (const lit of ['true', 'false', 'null'] as const) {
      if (src.startsWith(lit, i)) {
        i += lit.length
        return { t: 'lit', v: lit }
      }
    }
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!
    i += m[0].length
    return { t: 'num', text: m[0], float: /[.eE]/.test(m[0]) }
  }
  return value()
}

function pyFloat(text: string): string {
  const x = Number(text)
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : x < 0 ? '-Infinity' : 'NaN'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const [mant, expText] = x.toExponential().split('e')
  const exp = parseInt(expText, 10)
  const neg = mant.startsWith('-')
  const digits = mant.replace('-', '').replace('.', '')
  if (exp >= -4 && exp < 16) {
    let s: string
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
      const frac = digits.slice(exp + 1)
      s = `${intPart}.${frac || '0'}`
    } else s = `0.${'0'.repeat(-exp - 1)}${digits}`
    return (neg ? '-' : '') + s
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
  return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
}

function pyString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (code < 0x20 || code > 0x7e) {
      const units = code > 0xffff ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [code]
      for (const u of units) out += `\\u${u.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return out + '"'
}

/** Python's json.dumps(value) text (default separators, ensure_ascii), as LocalStack sends it to AWS. */
export function pyDumps(v: J5): string {
  switch (v.t) {
    case 'obj':
      return `{${v.entries.map(([k, x]) => `${pyString(k)}: ${pyDumps(x)}`).join(', ')}}`
    case 'arr':
      return `[${v.items.map(pyDumps).join(', ')}]`
    case 'str':
      return pyString(v.v)
    case 'lit':
      return v.v
    case 'num':
      return v.float ? pyFloat(v.text) : String(BigInt(v.text.replace('+', '')))
  }
}

export function j5Get(v: J5, key: string): J5 | undefined {
  return v.t === 'obj' ? v.entries.find((e) => e[0] === key)?.[1] : undefined
}
