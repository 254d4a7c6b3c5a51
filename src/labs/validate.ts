// Structural validation of a lab: the definition's fields and its starter/solution files.
// Messages are plain sentences naming the field, for `npm run check:content` and for loadLab.
import { EVENT_NAME_RE, MAX_SAVED_EVENTS } from '../lambda/public.ts'
import type { LabDefinition } from './types.ts'
import { isRecord } from '../shared/is-record.ts'
import { ROLE_NAME_RE } from '../shared/account-setup.ts'

export const LAB_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Function names are `lab-<id>-<run>-<n>`, and Lambda allows 64 characters. */
export const LAB_ID_MAX = 40
export const LAB_RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const

/** The file Lambda would load for `Handler` (as is, then .js, .mjs, .cjs), or undefined. */
export function handlerFile(handler: string, files: Record<string, string>): string | undefined {
  const slash = handler.lastIndexOf('/')
  const dir = slash >= 0 ? handler.slice(0, slash + 1) : ''
  const base = handler.slice(slash + 1)
  const dot = base.indexOf('.')
  if (dot <= 0) return undefined
  const mod = (dir + base.slice(0, dot)).replace(/^\.\//, '')
  return ['', '.js', '.mjs', '.cjs'].map((ext) => mod + ext).find((p) => Object.prototype.hasOwnProperty.call(files, p))
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

/** Problems with a lab definition (empty when it is well formed). `folderId` is the folder's name. */
export function validateLabDefinition(value: unknown, folderId: string): string[] {
  const problems: string[] = []
  if (!isRecord(value))
    return [
      'lab.ts must `export default defineLab({ … })` (an object); found ' +
        (value === undefined ? 'no default export' : typeof value),
    ]
  const lab = value
  // id
  if (!nonEmpty(lab.id)) problems.push('"id" is missing (it must equal the folder name)')
  else {
    if (lab.id !== folderId) problems.push(`"id" is "${lab.id}" but the folder is "${folderId}"; they must be the same`)
    if (!LAB_ID_RE.test(lab.id)) problems.push(`"id" "${lab.id}" must be lowercase words joined by dashes`)
    if (lab.id.length > LAB_ID_MAX)
      problems.push(`"id" is ${lab.id.length} characters; keep it to ${LAB_ID_MAX} or fewer`)
  }
  for (const key of ['title', 'lesson', 'summary', 'instructions'] as const) {
    if (!nonEmpty(lab[key])) problems.push(`"${key}" is missing or empty`)
  }
  if (nonEmpty(lab.lesson) && !LAB_ID_RE.test(lab.lesson))
    problems.push(`"lesson" "${lab.lesson}" is not a lesson slug (lowercase words joined by dashes)`)
  if (nonEmpty(lab.instructions)) {
    let fenced = false
    lab.instructions.split('\n').forEach((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
      else if (!fenced && /^#{1,2}\s/.test(line))
        problems.push(
          `"instructions" line ${i + 1} is a "${line.split(' ')[0]}" heading; headings in instructions start at ###`,
        )
    })
  }
  // function
  const fn = lab.function
  if (!isRecord(fn))
    problems.push('"function" is missing (Handler, Runtime and optional MemorySize, Timeout, Environment)')
  else {
    if (!nonEmpty(fn.Handler) || !/^[^\s.][^\s]*\.[^\s.]+(\.[^\s.]+)*$/.test(fn.Handler))
      problems.push(
        `"function.Handler" must look like "index.handler" (file.export); found ${JSON.stringify(fn.Handler)}`,
      )
    if (!(LAB_RUNTIMES as readonly unknown[]).includes(fn.Runtime))
      problems.push(`"function.Runtime" must be one of ${LAB_RUNTIMES.join(', ')}; found ${JSON.stringify(fn.Runtime)}`)
    if (
      fn.MemorySize !== undefined &&
      !(Number.isInteger(fn.MemorySize) && (fn.MemorySize as number) >= 128 && (fn.MemorySize as number) <= 10240)
    )
      problems.push('"function.MemorySize" must be a whole number of MB from 128 to 10240')
    if (
      fn.Timeout !== undefined &&
      !(Number.isInteger(fn.Timeout) && (fn.Timeout as number) >= 1 && (fn.Timeout as number) <= 900)
    )
      problems.push('"function.Timeout" must be a whole number of seconds from 1 to 900')
    if (fn.Environment !== undefined) {
      const vars = isRecord(fn.Environment) ? fn.Environment.Variables : undefined
      if (!isRecord(vars) || Object.values(vars).some((v) => typeof v !== 'string'))
        problems.push('"function.Environment" must be { Variables: { NAME: "string value" } }')
    }
    if (isRecord(fn.LoggingConfig) && 'LogGroup' in fn.LoggingConfig)
      problems.push(
        '"function.LoggingConfig.LogGroup" is not allowed: each check run logs to its own function\'s group',
      )
  }
  // events
  if (!Array.isArray(lab.events) || lab.events.length === 0)
    problems.push('"events" must list at least one { name, payload } (the first is selected by default)')
  else {
    // The events become the lab's saved test events, so they follow the Lambda console's rules.
    if (lab.events.length > MAX_SAVED_EVENTS)
      problems.push(
        `"events" lists ${lab.events.length} events: a function keeps at most ${MAX_SAVED_EVENTS} saved test events`,
      )
    const names = new Set<string>()
    lab.events.forEach((e, i) => {
      if (!isRecord(e) || !nonEmpty(e.name)) return problems.push(`"events[${i}]" needs a "name"`)
      if (!EVENT_NAME_RE.test(e.name))
        problems.push(
          `"events[${i}]" is named "${e.name}": a saved test event's name has at most 25 letters, numbers, dots, hyphens and underscores (no spaces), as in the Lambda console`,
        )
      if (names.has(e.name)) problems.push(`"events" has two events named "${e.name}"`)
      names.add(e.name)
      let json: string | undefined
      try {
        json = JSON.stringify(e.payload)
      } catch {
        json = undefined
      }
      if (json === undefined || !('payload' in e)) problems.push(`"events[${i}]" ("${e.name}") needs a JSON "payload"`)
    })
  }
  // hints
  if (!Array.isArray(lab.hints) || lab.hints.length === 0)
    problems.push('"hints" must list at least one hint (a nudge first, nearly the answer last)')
  else
    lab.hints.forEach((h, i) => (!nonEmpty(h) ? problems.push(`"hints[${i}]" must be a non-empty string`) : undefined))
  // checks
  if (!Array.isArray(lab.checks) || lab.checks.length === 0)
    problems.push('"checks" must list at least one { name, run }')
  else {
    const names = new Set<string>()
    lab.checks.forEach((c, i) => {
      if (!isRecord(c) || !nonEmpty(c.name)) return problems.push(`"checks[${i}]" needs a "name"`)
      if (names.has(c.name)) problems.push(`"checks" has two checks named "${c.name}"`)
      names.add(c.name)
      if (typeof c.run !== 'function') problems.push(`"checks[${i}]" ("${c.name}") needs a "run" function`)
    })
  }
  if (lab.account !== undefined) problems.push(...accountProblems(lab.account))
  return problems
}

const SERVICE_ID_RE = /^[a-z][a-z0-9-]{1,30}$/
const OPERATION_RE = /^[A-Z][A-Za-z0-9]{1,80}$/

/** Problems with a lab's `account` (resources, role, files). */
function accountProblems(account: unknown): string[] {
  if (!isRecord(account)) return ['"account" must be an object: { resources?, role?, files? }']
  const problems: string[] = []
  for (const key of Object.keys(account))
    if (!['resources', 'role', 'files'].includes(key))
      problems.push(`"account.${key}" is not a field of account (resources, role, files)`)
  if (account.resources !== undefined) {
    if (!Array.isArray(account.resources))
      problems.push('"account.resources" must be a list of { service, operation, input }')
    else
      account.resources.forEach((r, i) => {
        if (!isRecord(r) || typeof r.service !== 'string' || !SERVICE_ID_RE.test(r.service))
          return problems.push(`"account.resources[${i}]" needs a "service" (an SDK id such as "dynamodb")`)
        if (typeof r.operation !== 'string' || !OPERATION_RE.test(r.operation))
          problems.push(`"account.resources[${i}]" needs an "operation" (an API name such as "CreateTable")`)
        if (!isRecord(r.input)) problems.push(`"account.resources[${i}]" needs an "input" object`)
        if (r.ignore !== undefined && !(Array.isArray(r.ignore) && r.ignore.every((x) => typeof x === 'string')))
          problems.push(`"account.resources[${i}].ignore" must list error names`)
      })
  }
  if (account.role !== undefined) {
    const role = account.role
    if (!isRecord(role) || typeof role.name !== 'string' || !ROLE_NAME_RE.test(role.name))
      problems.push('"account.role" needs a "name" (up to 64 letters, digits and +=,.@_-)')
    else {
      if (role.trust !== undefined && !isRecord(role.trust))
        problems.push('"account.role.trust" must be a trust policy document (an object)')
      if (
        role.managedPolicies !== undefined &&
        !(
          Array.isArray(role.managedPolicies) &&
          role.managedPolicies.every((a) => typeof a === 'string' && a.startsWith('arn:aws:iam::'))
        )
      )
        problems.push('"account.role.managedPolicies" must list policy ARNs (arn:aws:iam::…)')
    }
  }
  if (account.files !== undefined) {
    if (!isRecord(account.files)) problems.push('"account.files" must map workspace file paths to bindings')
    else
      for (const [path, b] of Object.entries(account.files)) {
        if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || path.split('/').some((p) => p === '..' || p === '.'))
          problems.push(`"account.files" names "${path}": use a relative path such as "execution-role-policy.json"`)
        if (!isRecord(b) || typeof b.calls !== 'function' || typeof b.describe !== 'string')
          problems.push(
            `"account.files['${path}']" must be a binding ({ describe, calls }), e.g. rolePolicyFile('…') or functionPermissionFile()`,
          )
      }
  }
  return problems
}

/** Problems with a lab's file sets (the definition must be valid). */
export function validateLabFiles(
  lab: LabDefinition,
  sets: { starter: Record<string, string>; solution: Record<string, string> },
): string[] {
  const problems: string[] = []
  for (const which of ['starter', 'solution'] as const) {
    const files = sets[which]
    if (Object.keys(files).length === 0) {
      problems.push(`${which}/ is missing or empty`)
      continue
    }
    if (!handlerFile(lab.function.Handler, files)) {
      const mod = lab.function.Handler.replace(/\.[^/]*$/, '')
      problems.push(
        `${which}/ has no file for the handler "${lab.function.Handler}" (expected ${mod}.mjs, ${mod}.js or ${mod}.cjs)`,
      )
    }
  }
  return problems
}
