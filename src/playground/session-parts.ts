// The session's small pure parts (src/playground/session.ts): what a marker and a service error
// are, and the helpers the deploy and invoke paths use.

export interface Marker {
  file: string
  line: number
  column?: number
  message: string
  severity: 'error' | 'warning'
}

export interface ServiceError {
  /** AWS exception name, e.g. InvalidRequestContentException, ServiceException. */
  name: string
  message: string
}

export function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false
  return true
}

export function errorOf(e: unknown): ServiceError {
  if (e && typeof e === 'object') {
    const x = e as { name?: unknown; message?: unknown }
    return {
      name: typeof x.name === 'string' ? x.name : 'Error',
      message: typeof x.message === 'string' ? x.message : String(e),
    }
  }
  return { name: 'Error', message: String(e) }
}

export const hasTypeScript = (files: Record<string, string>) =>
  Object.keys(files).some((f) => /\.(ts|mts)$/.test(f) && !f.endsWith('.d.ts'))

/** Marker from the first user frame of a trace: `at handler (file:///var/task/lib/x.mjs:3:9)`. */
export function traceMarker(trace: string[], message: string, sourceFor: (built: string) => string): Marker | null {
  for (const line of trace) {
    const m = /\/var\/task\/([^\s:()]+):(\d+):(\d+)/.exec(line)
    if (m) return { file: sourceFor(m[1]), line: Number(m[2]), column: Number(m[3]), message, severity: 'error' }
  }
  return null
}
