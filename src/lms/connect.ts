/**
 * Which LMS launched the pack: cmi5 when the launch parameters are in the query string, else the
 * SCORM API found on a parent or opener window (the package's own version first), else none (a
 * package opened on its own, or an instructor's preview). The cmi5 client (@xapi/cmi5, with
 * axios) loads only for a cmi5 launch.
 */
import { hasCmi5Launch } from './cmi5-launch.ts'
import type { PackFormat } from './pack.ts'
import { findScormApi, ScormConnection, type ApiWindow } from './scorm-api.ts'
import { createScormSession } from './scorm-session.ts'
import { noLms, type LmsSession } from './session.ts'

/** A session whose start fails with `message` (the route shows it). */
function failed(kind: LmsSession['kind'], message: string): LmsSession {
  return {
    ...noLms(),
    kind,
    start: async () => {
      throw new Error(message)
    },
  }
}

export async function connectLms(win: Window, format: PackFormat | null): Promise<LmsSession> {
  const search = win.location.search
  if (hasCmi5Launch(search)) {
    try {
      const { createCmi5Session } = await import('./cmi5-session.ts')
      return createCmi5Session(search)
    } catch (e) {
      return failed(
        'cmi5',
        `This pack could not start its cmi5 session (${e instanceof Error ? e.message : String(e)}). Open it again from your LMS.`,
      )
    }
  }
  const found = findScormApi(win as unknown as ApiWindow, format === 'scorm12' ? '1.2' : '2004')
  if (found) return createScormSession(new ScormConnection(found))
  return noLms()
}
