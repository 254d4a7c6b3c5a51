/**
 * The SCO's side of the SCORM run-time API: finding the LMS's API object and calling it.
 *
 * Discovery follows the algorithm of the SCORM run-time environment books (SCORM 1.2 RTE 3.3,
 * SCORM 2004 4th edition RTE 3.1): look for `API_1484_11` (2004) or `API` (1.2) on this window
 * and each parent up to the top, then on the opener's chain; give up after 500 steps. A
 * cross-origin frame on the way stops the search (the browser forbids reading it).
 *
 * We wrote this rather than use a wrapper package: the usual one (pipwerks-scorm-api-wrapper)
 * installs from a git URL, not the npm registry, and it and its ports (@gamestdio/scorm,
 * scorm-api-wrapper) have not been maintained for years. It is tested against scorm-again, a
 * maintained LMS-side runtime (src/lms/scorm.test.ts, and the e2e in a simulated LMS).
 */

export type ScormVersion = '1.2' | '2004'

type ApiResult = string | boolean | number

export interface Scorm12Api {
  LMSInitialize(arg: ''): ApiResult
  LMSFinish(arg: ''): ApiResult
  LMSGetValue(element: string): ApiResult
  LMSSetValue(element: string, value: string): ApiResult
  LMSCommit(arg: ''): ApiResult
  LMSGetLastError(): ApiResult
  LMSGetErrorString(code: string): ApiResult
  LMSGetDiagnostic(code: string): ApiResult
}

export interface Scorm2004Api {
  Initialize(arg: ''): ApiResult
  Terminate(arg: ''): ApiResult
  GetValue(element: string): ApiResult
  SetValue(element: string, value: string): ApiResult
  Commit(arg: ''): ApiResult
  GetLastError(): ApiResult
  GetErrorString(code: string): ApiResult
  GetDiagnostic(code: string): ApiResult
}

/** The window properties discovery reads (a real Window, or a fake one in tests). */
export interface ApiWindow {
  API?: unknown
  API_1484_11?: unknown
  parent?: ApiWindow | null
  top?: ApiWindow | null
  opener?: ApiWindow | null
}

const MAX_STEPS = 500
const METHODS: Record<ScormVersion, string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError'],
}

function apiOn(win: ApiWindow, version: ScormVersion): unknown {
  const api = version === '2004' ? win.API_1484_11 : win.API
  if (!api || typeof api !== 'object') return null
  return METHODS[version].every((m) => typeof (api as Record<string, unknown>)[m] === 'function') ? api : null
}

/** Walks up from `start` (this window, then its parents) looking for one version's API. */
function scan(start: ApiWindow | null | undefined, version: ScormVersion): unknown {
  let win = start
  for (let steps = 0; win && steps <= MAX_STEPS; steps++) {
    try {
      const api = apiOn(win, version)
      if (api) return api
      const parent = win.parent
      if (!parent || parent === win) return null
      win = parent
    } catch {
      return null // a cross-origin frame: the search cannot go on
    }
  }
  return null
}

function opener(win: ApiWindow): ApiWindow | null {
  try {
    return win.top?.opener ?? win.opener ?? null
  } catch {
    return null
  }
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api }

/** Finds the LMS's API, the pack's own version first (an LMS offers the one the manifest asked for). */
export function findScormApi(win: ApiWindow, prefer: ScormVersion = '2004'): FoundApi | null {
  const order: ScormVersion[] = prefer === '2004' ? ['2004', '1.2'] : ['1.2', '2004']
  for (const version of order) {
    const api = scan(win, version) ?? scan(opener(win), version)
    if (api) return version === '2004' ? { version, api: api as Scorm2004Api } : { version, api: api as Scorm12Api }
  }
  return null
}

export interface ScormError {
  call: string
  code: number
  message: string
  diagnostic: string
}

const truthy = (r: ApiResult) => r === true || String(r) === 'true'

/** One connection to an LMS's API, either version, with the errors it reported. */
export class ScormConnection {
  readonly version: ScormVersion
  private readonly api: Scorm12Api | Scorm2004Api
  /** The last errors the LMS reported (newest last, at most 20). */
  readonly errors: ScormError[] = []

  constructor(found: FoundApi) {
    this.version = found.version
    this.api = found.api
  }

  private get a12(): Scorm12Api {
    return this.api as Scorm12Api
  }

  private get a04(): Scorm2004Api {
    return this.api as Scorm2004Api
  }

  private call(name: string, run: () => ApiResult): ApiResult {
    try {
      return run()
    } catch (e) {
      this.note(name, 101, e instanceof Error ? e.message : String(e))
      return 'false'
    }
  }

  private note(call: string, code: number, diagnostic = '') {
    let message = ''
    try {
      message = String(
        this.version === '2004' ? this.a04.GetErrorString(String(code)) : this.a12.LMSGetErrorString(String(code)),
      )
      if (!diagnostic)
        diagnostic = String(
          this.version === '2004' ? this.a04.GetDiagnostic(String(code)) : this.a12.LMSGetDiagnostic(String(code)),
        )
    } catch {
      // an API without error strings: the code says enough
    }
    this.errors.push({ call, code, message, diagnostic })
    if (this.errors.length > 20) this.errors.shift()
  }

  /** The last error code (0: none). */
  lastErrorCode(): number {
    try {
      const n = Number(this.version === '2004' ? this.a04.GetLastError() : this.a12.LMSGetLastError())
      return Number.isFinite(n) ? n : 0
    } catch {
      return 0
    }
  }

  private checked(call: string, r: ApiResult, ok: boolean): boolean {
    if (!ok) {
      const code = this.lastErrorCode()
      this.note(call, code || 101)
    }
    return ok && truthy(r)
  }

  initialize(): boolean {
    const r = this.call('Initialize', () =>
      this.version === '2004' ? this.a04.Initialize('') : this.a12.LMSInitialize(''),
    )
    return this.checked('Initialize', r, truthy(r))
  }

  /**
   * A value, or '' when the element has none. SCORM 2004 answers 403 (not initialized) for an
   * element never set, e.g. cmi.suspend_data on a first launch: that is not an error here.
   */
  get(element: string): string {
    const r = this.call(`GetValue(${element})`, () =>
      this.version === '2004' ? this.a04.GetValue(element) : this.a12.LMSGetValue(element),
    )
    const code = this.lastErrorCode()
    if (code !== 0 && code !== 403) this.note(`GetValue(${element})`, code)
    return code === 0 && r !== false && r !== null && r !== undefined ? String(r) : ''
  }

  set(element: string, value: string): boolean {
    const r = this.call(`SetValue(${element})`, () =>
      this.version === '2004' ? this.a04.SetValue(element, value) : this.a12.LMSSetValue(element, value),
    )
    return this.checked(`SetValue(${element})`, r, truthy(r))
  }

  commit(): boolean {
    const r = this.call('Commit', () => (this.version === '2004' ? this.a04.Commit('') : this.a12.LMSCommit('')))
    return this.checked('Commit', r, truthy(r))
  }

  finish(): boolean {
    const r = this.call('Terminate', () => (this.version === '2004' ? this.a04.Terminate('') : this.a12.LMSFinish('')))
    return this.checked('Terminate', r, truthy(r))
  }
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours: 2 to 4 digits). */
export function scorm12Time(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10))
  const h = Math.min(9999, Math.floor(cs / 360000))
  const m = Math.floor((cs % 360000) / 6000)
  const s = (cs % 6000) / 100
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`
}

/** SCORM 2004 timeinterval (ISO 8601 duration, at most hundredths of a second): PT1H2M3.45S. */
export function scorm2004Time(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10))
  const h = Math.floor(cs / 360000)
  const m = Math.floor((cs % 360000) / 6000)
  const s = (cs % 6000) / 100
  const sec = Number.isInteger(s) ? String(s) : s.toFixed(2).replace(/0$/, '')
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec}S`
}
