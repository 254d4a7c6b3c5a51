/**
 * The playground record's versions: migrations[n] turns a version-n record into a version-(n+1)
 * one, and migratePlayground runs them (or says why it could not), as src/course/progress-migrations.ts
 * does for progress.
 */
import { PLAYGROUND_VERSION, type LoadIssue } from './schema.ts'

type Migration = (state: unknown) => unknown

/** migrations[n] turns a version-n record into a version-(n+1) record. Version 1 is the first. */
export const migrations: Record<number, Migration> = {
  // Version 2 adds the saved account; a version-1 record has none, and its workspaces are unchanged.
  1: (state) => state,
}

export interface MigrateResult {
  state: unknown
  issues: LoadIssue[]
}

export function migratePlayground(state: unknown, fromVersion: number): MigrateResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    return {
      state: undefined,
      issues: [
        {
          parts: ['workspace'],
          message: 'Your saved playground code came from an unknown format, so the playground was reset.',
        },
      ],
    }
  }
  if (fromVersion > PLAYGROUND_VERSION) {
    return {
      state,
      issues: [
        {
          parts: [],
          message:
            'Your saved playground was written by a newer version of the course; parts this version does not understand were set aside.',
        },
      ],
    }
  }
  const failed: MigrateResult = {
    state: undefined,
    issues: [
      {
        parts: ['workspace'],
        message: `Your saved playground (version ${fromVersion}) could not be upgraded, so it was reset.`,
      },
    ],
  }
  let s = state
  for (let v = fromVersion; v < PLAYGROUND_VERSION; v++) {
    const step = migrations[v]
    if (!step) return failed
    try {
      s = step(s)
    } catch {
      return failed
    }
  }
  return { state: s, issues: [] }
}
