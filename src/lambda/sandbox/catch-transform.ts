// The one change the engine makes to the function's own code: at the top of each `catch (e) {`
// body it inserts `e=<fix>(e);`, so that the error the learner's code reads there (`e.message`,
// `e.stack`) is in V8's words and shape, as on Lambda (QuickJS creates its errors with its own
// words, and has no hook at error creation). `<fix>` is the runtime's `caught` (bootstrap/errors.js):
// for ES modules a binding imported from the private `lf:caught` module (the import goes at the end
// of the file: no line moves); for CommonJS a parameter of an outer wrapper (cjs-loader.js).
//
// Lines never move; columns after an insertion on its line do, so the insertions are returned
// (`shifts`: [line, column, length], 1-based, in the file's own text) and the runtime maps QuickJS's
// columns back before it prints them. A scanner (strings, templates, comments, regular expressions)
// finds `catch` keywords; anything it cannot follow leaves the file unchanged. Catch clauses with a
// destructuring pattern (`catch ({ message })`) and `catch {` without a binding are left as they are.

/** A rewritten file: its code, the fix function's local name, and the insertions made. */
export interface CatchTransform {
  code: string
  name: string
  shifts: [number, number, number][]
}

const IDENT_START = /[A-Za-z_$\u0080-\uffff]/
const IDENT_PART = /[\w$\u0080-\uffff]/
const SIMPLE = /^[A-Za-z_$][\w$]*$/
// After these words an expression starts, so `/` opens a regular expression.
const BEFORE_EXPR = new Set('return typeof instanceof in of new delete void throw case do else yield await'.split(' '))

interface Tok {
  t: string // the token's text for punctuators and words; 'str' / 'tpl' / 're' / 'num'
  s: number // start
  e: number // end (exclusive)
}

/** The significant tokens of `src`, or undefined when the scanner cannot follow it. */
function tokens(src: string): Tok[] | undefined {
  const out: Tok[] = []
  const braces: number[] = [] // for each open `{` / `${`: 1 when it is a template substitution
  let i = 0
  const n = src.length
  const regexAllowed = (): boolean => {
    const p = out[out.length - 1]
    if (p === undefined) return true
    if (p.t === 'str' || p.t === 'tpl' || p.t === 're' || p.t === 'num') return false
    if (p.t === ')' || p.t === ']' || p.t === '}') return false
    if (IDENT_START.test(p.t[0])) return BEFORE_EXPR.has(p.t)
    return true
  }
  // A template from `i` (just after "`" or "}"): to its end, or to a `${` (pushed on `braces`).
  const template = (start: number): boolean => {
    while (i < n) {
      const c = src[i]
      if (c === '\\') i += 2
      else if (c === '`') {
        i++
        out.push({ t: 'tpl', s: start, e: i })
        return true
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2
        out.push({ t: 'tpl', s: start, e: i })
        braces.push(1)
        return true
      } else i++
    }
    return false
  }
  while (i < n) {
    const c = src[i]
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++
      continue
    }
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i)
      i = nl < 0 ? n : nl
      continue
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      if (end < 0) return undefined
      i = end + 2
      continue
    }
    if (c === '#' && i === 0 && src[1] === '!') {
      const nl = src.indexOf('\n')
      i = nl < 0 ? n : nl
      continue
    }
    const s = i
    if (c === '"' || c === "'") {
      i++
      while (i < n && src[i] !== c) {
        if (src[i] === '\\') i++
        else if (src[i] === '\n') return undefined
        i++
      }
      if (i >= n) return undefined
      i++
      out.push({ t: 'str', s, e: i })
    } else if (c === '`') {
      i++
      if (!template(s)) return undefined
    } else if (c === '}' && braces.length > 0 && braces[braces.length - 1] === 1) {
      braces.pop()
      i++
      if (!template(s)) return undefined
    } else if (c === '/' && regexAllowed()) {
      i++
      let cls = false
      while (i < n) {
        const d = src[i]
        if (d === '\\') i += 2
        else if (d === '\n') return undefined
        else if (cls) {
          if (d === ']') cls = false
          i++
        } else if (d === '[') {
          cls = true
          i++
        } else if (d === '/') break
        else i++
      }
      if (i >= n) return undefined
      i++
      while (i < n && IDENT_PART.test(src[i])) i++
      out.push({ t: 're', s, e: i })
    } else if (IDENT_START.test(c) || c === '\\') {
      while (i < n && (IDENT_PART.test(src[i]) || src[i] === '\\')) i++
      out.push({ t: src.slice(s, i), s, e: i })
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      while (i < n && /[\w.]/.test(src[i])) {
        if ((src[i] === 'e' || src[i] === 'E') && (src[i + 1] === '+' || src[i + 1] === '-')) i++
        i++
      }
      out.push({ t: 'num', s, e: i })
    } else {
      if (c === '{') braces.push(0)
      else if (c === '}') braces.pop()
      i++
      out.push({ t: c, s, e: i })
    }
  }
  return out
}

/** A local name that does not occur anywhere in `src`. */
function freshName(src: string): string {
  let name = '$lf_caught'
  while (src.includes(name)) name += '_'
  return name
}

/** The insertions for `src`'s catch clauses, or undefined when there is none (or no safe one). */
export function transformCatches(src: string): CatchTransform | undefined {
  if (!src.includes('catch')) return undefined
  const toks = tokens(src)
  if (toks === undefined) return undefined
  const name = freshName(src)
  const inserts: { at: number; text: string }[] = []
  for (let k = 1; k < toks.length - 3; k++) {
    if (toks[k].t !== 'catch' || toks[k - 1].t !== '}' || toks[k + 1].t !== '(') continue
    // `catch ( IDENT ) {` only.
    const id = toks[k + 2]
    if (!SIMPLE.test(id.t) || toks[k + 3].t !== ')' || toks[k + 4]?.t !== '{') continue
    inserts.push({ at: toks[k + 4].e, text: `${id.t}=${name}(${id.t});` })
  }
  if (inserts.length === 0) return undefined
  let code = ''
  let from = 0
  const shifts: [number, number, number][] = []
  let line = 1
  let lineStart = 0
  let scan = 0
  for (const ins of inserts) {
    for (;;) {
      const nl = src.indexOf('\n', scan)
      if (nl < 0 || nl >= ins.at) break
      line++
      lineStart = nl + 1
      scan = nl + 1
    }
    code += src.slice(from, ins.at) + ins.text
    from = ins.at
    shifts.push([line, ins.at - lineStart + 1, ins.text.length])
  }
  code += src.slice(from)
  return { code, name, shifts }
}
