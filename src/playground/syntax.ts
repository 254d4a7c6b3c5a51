/**
 * Finds where a syntax error is, so the engine's `Runtime.UserCodeSyntaxError` can become an
 * editor marker at its line. Lambda's own message (and ours, which follows it) carries no file or
 * line ("SyntaxError: Unexpected token ')'"), so after such an error each JavaScript file of the
 * deployed package is parsed with acorn (a standard ECMAScript parser, loaded lazily: only when a
 * syntax error happened) the way the runtime loads it: `.mjs` and `.js` under `"type": "module"`
 * as ES modules, `.cjs` and other `.js` as CommonJS (a function body, so a top-level `return` is
 * allowed). JSON files are checked too. Pure (no DOM).
 */
import { checkEventJson } from './event-json.ts'

export interface SyntaxLocation {
  file: string
  /** 1-based */
  line: number
  /** 1-based */
  column: number
  /** The parser's description, e.g. "Unexpected token". */
  message: string
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/')
  return i === -1 ? '' : p.slice(0, i)
}

/** Whether `file` (a .js file) is an ES module: the nearest package.json says "type": "module". */
export function isEsmJs(files: Record<string, string>, file: string): boolean {
  let dir = dirname(file)
  for (;;) {
    const pj = files[dir ? `${dir}/package.json` : 'package.json']
    if (pj !== undefined) {
      try {
        return (JSON.parse(pj) as { type?: unknown }).type === 'module'
      } catch {
        return false
      }
    }
    if (!dir) return false
    dir = dirname(dir)
  }
}

/** Every syntax error (one per file: the first), in the order of `files`. */
export async function locateSyntaxErrors(files: Record<string, string>): Promise<SyntaxLocation[]> {
  const acorn = await import('acorn')
  const out: SyntaxLocation[] = []
  for (const [file, text] of Object.entries(files)) {
    if (file.endsWith('.json')) {
      const r = checkEventJson(text)
      if (!r.ok && r.line !== undefined) out.push({ file, line: r.line, column: r.column ?? 1, message: r.message })
      continue
    }
    const esm = file.endsWith('.mjs') || (file.endsWith('.js') && isEsmJs(files, file))
    const cjs = file.endsWith('.cjs') || (file.endsWith('.js') && !esm)
    if (!esm && !cjs) continue
    try {
      acorn.parse(text, {
        ecmaVersion: 'latest',
        sourceType: esm ? 'module' : 'script',
        allowReturnOutsideFunction: cjs,
        allowHashBang: true,
        locations: true,
      })
    } catch (err) {
      const e = err as { loc?: { line: number; column: number }; message?: string }
      if (e && e.loc) {
        out.push({
          file,
          line: e.loc.line,
          column: e.loc.column + 1,
          message: String(e.message ?? 'Syntax error').replace(/ \(\d+:\d+\)$/, ''),
        })
      }
    }
  }
  return out
}
