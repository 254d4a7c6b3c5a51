/**
 * A simulated LMS for the package e2e tests, on one origin (the LMS's content server, as Moodle
 * serves packages from its own host):
 *
 *   /pkg/<name>/…                 the unzipped packages
 *   /host/scorm.html              the SCORM player page: scorm-again (a real LMS-side runtime)
 *                                 provides API / API_1484_11 and commits to /lms/commit
 *   /host/cmi5.html               the cmi5 player page: asks /lms/cmi5/launch for a launch URL
 *   /vendor/…                     scorm-again's browser builds
 *   /lms/cmi, /lms/commit         what the LMS keeps per learner and package (SCORM)
 *   /lms/cmi5/launch, /lms/fetch  a cmi5 launch: registration, session, LMS.LaunchData, the
 *                                 "launched" statement, a one-time auth token
 *   /lrs/…                        a minimal LRS: statements, activity state, agent profile
 *
 * Everything it records is readable from the test (`records`).
 */
import { DOMParser } from '@xmldom/xmldom'
import { unzipSync } from 'fflate'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

export interface Statement {
  id: string
  actor: unknown
  verb: { id: string }
  object: { id: string }
  result?: {
    score?: { scaled?: number; raw?: number; min?: number; max?: number }
    success?: boolean
    completion?: boolean
    duration?: string
  }
  context?: {
    registration?: string
    contextActivities?: { category?: { id: string }[]; grouping?: { id: string }[] }
    extensions?: Record<string, unknown>
  }
  timestamp?: string
}

interface Cmi5Session {
  id: string
  pkg: string
  learner: string
  registration: string
  activityId: string
  token: string | null
  fetched: boolean
}

export interface LmsRecords {
  /** SCORM: the last commit per `<pkg>|<learner>` (scorm-again's JSON, { cmi: … }). */
  scorm: Map<string, { cmi: Record<string, any> }>
  /** cmi5: every statement, in the order the LRS received them. */
  statements: Statement[]
  /** cmi5: state documents by `<activityId>|<registration>|<stateId>`. */
  state: Map<string, unknown>
  sessions: Cmi5Session[]
}

export interface SimulatedLms {
  origin: string
  records: LmsRecords
  close(): Promise<void>
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, data?: unknown, headers: Record<string, string> = {}) {
  const text = data === undefined ? '' : typeof data === 'string' ? data : JSON.stringify(data)
  res.writeHead(status, {
    'X-Experience-API-Version': '1.0.3',
    ...(data !== undefined && typeof data !== 'string' ? { 'Content-Type': 'application/json' } : {}),
    ...headers,
  })
  res.end(text)
}

/** Unzips each package into `dir/<name>/`. */
export function unpack(zips: Record<string, string>, dir: string) {
  for (const [name, zip] of Object.entries(zips)) {
    const files = unzipSync(new Uint8Array(readFileSync(zip)))
    for (const [rel, bytes] of Object.entries(files)) {
      const file = path.join(dir, name, rel)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, bytes)
    }
  }
}

function cmi5Course(dir: string) {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, 'cmi5.xml'), 'utf8'), 'text/xml')
  const au = doc.getElementsByTagName('au')[0]
  return {
    auId: au.getAttribute('id')!,
    url: (au.getElementsByTagName('url')[0].textContent ?? '').trim(),
    masteryScore: au.hasAttribute('masteryScore') ? Number(au.getAttribute('masteryScore')) : undefined,
    moveOn: au.getAttribute('moveOn') ?? 'NotApplicable',
  }
}

export function startLms(port: number, pkgDir: string): Promise<SimulatedLms> {
  const origin = `http://127.0.0.1:${port}`
  const records: LmsRecords = { scorm: new Map(), statements: [], state: new Map(), sessions: [] }
  const registrations = new Map<string, string>()
  const stateKey = (q: URLSearchParams) => `${q.get('activityId')}|${q.get('registration') ?? ''}|${q.get('stateId')}`

  const lrs = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const auth = req.headers.authorization ?? ''
    const session = records.sessions.find((s) => s.token && auth === `Basic ${s.token}`)
    if (!session) return send(res, 401, { error: 'not authorized' })
    const p = url.pathname.slice('/lrs/'.length)
    if (p === 'statements') {
      if (req.method === 'POST' || req.method === 'PUT') {
        const data = JSON.parse(await body(req)) as Statement | Statement[]
        const list = Array.isArray(data) ? data : [data]
        for (const s of list) {
          s.id ??= url.searchParams.get('statementId') ?? randomUUID()
          records.statements.push(s)
        }
        return req.method === 'PUT'
          ? send(res, 204)
          : send(
              res,
              200,
              list.map((s) => s.id),
            )
      }
      return send(res, 200, { statements: records.statements, more: '' })
    }
    if (p === 'activities/state') {
      const key = stateKey(url.searchParams)
      if (req.method === 'GET') {
        if (!records.state.has(key)) return send(res, 404, { error: 'no such document' })
        return send(res, 200, records.state.get(key))
      }
      if (req.method === 'PUT') {
        records.state.set(key, JSON.parse(await body(req)))
        return send(res, 204)
      }
      if (req.method === 'POST') {
        const prev = (records.state.get(key) ?? {}) as object
        records.state.set(key, { ...prev, ...JSON.parse(await body(req)) })
        return send(res, 204)
      }
      if (req.method === 'DELETE') {
        records.state.delete(key)
        return send(res, 204)
      }
    }
    if (p === 'agents/profile') return send(res, 404, { error: 'no such profile' })
    return send(res, 404, { error: `no ${p}` })
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin)
      const q = url.searchParams
      const key = `${q.get('pkg')}|${q.get('learner')}`
      if (url.pathname.startsWith('/lrs/')) return await lrs(req, res, url)
      if (url.pathname === '/lms/cmi') return send(res, 200, records.scorm.get(key) ?? {})
      if (url.pathname === '/lms/commit' && req.method === 'POST') {
        // scorm-again posts JSON (sendBeacon's final commit as text/plain).
        records.scorm.set(key, JSON.parse(await body(req)))
        return send(res, 200, { result: 'true', errorCode: 0 })
      }
      if (url.pathname === '/lms/cmi5/launch' && req.method === 'POST') {
        const pkg = q.get('pkg')!
        const learner = q.get('learner')!
        const course = cmi5Course(path.join(pkgDir, pkg))
        const registration = registrations.get(key) ?? randomUUID()
        registrations.set(key, registration)
        const session: Cmi5Session = {
          id: randomUUID(),
          pkg,
          learner,
          registration,
          // The LMS's own activity id for the AU, never the AU's publisher id (cmi5 8.1.5).
          activityId: `${origin}/lms/activities/${pkg}`,
          token: null,
          fetched: false,
        }
        records.sessions.push(session)
        const actor = { objectType: 'Agent', name: `Learner ${learner}`, account: { homePage: origin, name: learner } }
        const contextTemplate = {
          contextActivities: { grouping: [{ objectType: 'Activity', id: course.auId }] },
          extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session.id },
        }
        records.state.set(`${session.activityId}|${registration}|LMS.LaunchData`, {
          contextTemplate,
          launchMode: 'Normal',
          moveOn: course.moveOn,
          ...(course.masteryScore !== undefined ? { masteryScore: course.masteryScore } : {}),
          returnURL: `${origin}/host/done.html`,
        })
        records.statements.push({
          id: randomUUID(),
          actor,
          verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
          object: { id: session.activityId },
          context: { ...contextTemplate, registration },
          timestamp: new Date().toISOString(),
        })
        const launch = new URL(`/pkg/${pkg}/${course.url}`, origin)
        launch.searchParams.set('endpoint', `${origin}/lrs/`)
        launch.searchParams.set('fetch', `${origin}/lms/fetch?session=${session.id}`)
        launch.searchParams.set('actor', JSON.stringify(actor))
        launch.searchParams.set('registration', registration)
        launch.searchParams.set('activityId', session.activityId)
        return send(res, 200, { url: launch.href })
      }
      if (url.pathname === '/lms/fetch') {
        if (req.method !== 'POST') return send(res, 405, { error: 'POST only' })
        const session = records.sessions.find((s) => s.id === q.get('session'))
        if (!session) return send(res, 200, { 'error-code': '2', 'error-text': 'Unknown session.' })
        if (session.fetched)
          return send(res, 200, {
            'error-code': '1',
            'error-text': 'The authorization token has already been returned.',
          })
        session.fetched = true
        session.token = Buffer.from(`${session.id}:${randomUUID()}`).toString('base64')
        return send(res, 200, { 'auth-token': session.token })
      }
      const mounts: [string, string][] = [
        ['/pkg/', pkgDir],
        ['/host/', path.join(root, 'e2e', 'lms-host')],
        ['/vendor/', path.join(root, 'node_modules', 'scorm-again', 'dist')],
      ]
      for (const [prefix, dir] of mounts) {
        if (!url.pathname.startsWith(prefix)) continue
        const file = path.resolve(dir, decodeURIComponent(url.pathname.slice(prefix.length)))
        if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) break
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        return void res.end(readFileSync(file))
      }
      send(res, 404, 'Not found')
    } catch (e) {
      send(res, 500, String(e))
    }
  })
  return new Promise((resolve, reject) => {
    server.on('error', reject)
    server.listen(port, '127.0.0.1', () =>
      resolve({ origin, records, close: () => new Promise((r) => server.close(() => r())) }),
    )
  })
}
