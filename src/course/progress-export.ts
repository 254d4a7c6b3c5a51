/**
 * Export files: what "Export progress" writes and how "Import progress" reads it back (strict:
 * anything damaged is refused and nothing is applied). Linear in the file's size.
 */
import { isRecord } from '../shared/is-record.ts'
import { migrateProgress } from './progress-migrations.ts'
import { EXPORT_FORMAT, PROGRESS_VERSION, sanitizeProgress, type ProgressData } from './progress-schema.ts'

/** The largest export file an import reads (characters); a real one is a few kilobytes. */
export const MAX_IMPORT_CHARS = 5_000_000

export interface ProgressExport {
  format: typeof EXPORT_FORMAT
  version: number
  exportedAt: string
  progress: ProgressData
}

export function buildExport(data: ProgressData, now: Date = new Date()): ProgressExport {
  return { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), progress: data }
}

export type ImportResult =
  | { ok: true; data: ProgressData; lessonCount: number; checkCount: number; attemptCount: number }
  | { ok: false; error: string }

/**
 * Parses an export file. Strict: anything malformed is rejected with a clear message and
 * nothing is applied (unlike loading from storage, which keeps the valid parts).
 */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'This file is too large to be a progress export.' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it cannot be a progress export. Nothing was changed.' }
  }
  if (!isRecord(json) || json.format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a Lambda Foundations progress export. Nothing was changed.' }
  }
  const version = json.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'This progress export has no valid version number. Nothing was changed.' }
  }
  if (version > PROGRESS_VERSION) {
    return {
      ok: false,
      error: `This progress export was made by a newer version of the course (format ${version}); this version reads up to format ${PROGRESS_VERSION}. Nothing was changed.`,
    }
  }
  if (!isRecord(json.progress)) {
    return { ok: false, error: 'This progress export has no progress in it. Nothing was changed.' }
  }
  const migrated = migrateProgress(json.progress, version)
  if (migrated.state === undefined || migrated.issues.length > 0) {
    return {
      ok: false,
      error: 'This progress export could not be upgraded to the current format. Nothing was changed.',
    }
  }
  if (!isRecord(migrated.state)) {
    return { ok: false, error: 'This progress export has no progress in it. Nothing was changed.' }
  }
  const { data, invalidParts } = sanitizeProgress(migrated.state)
  if (invalidParts.length > 0) {
    return {
      ok: false,
      error: `This progress export is damaged (unreadable: ${invalidParts.join('; ')}). Nothing was changed.`,
    }
  }
  return {
    ok: true,
    data,
    lessonCount: Object.keys(data.lessons).length,
    checkCount: Object.keys(data.checks).length,
    attemptCount: data.assessment.length,
  }
}
