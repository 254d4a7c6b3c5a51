// The host's reading of what the runtime hands back across the boundary: a step result (one JSON
// head line, then the payload) and an exception QuickJS raised inside runtime code.
import { SandboxFault, type StepResult } from './types.ts'

/** step()'s answer for "done, no logs" (see runtime/bootstrap/phases.js). */
const OK_HEAD = '{"s":1,"t":-1}\n'

export function parseStep(out: string): StepResult {
  if (out.startsWith(OK_HEAD)) return { s: 1, t: -1, payload: out.slice(OK_HEAD.length) }
  const nl = out.indexOf('\n')
  const head = JSON.parse(out.slice(0, nl)) as StepResult
  head.payload = out.slice(nl + 1)
  return head
}

/**
 * What an exception that escaped the runtime's own entry points means. Only QuickJS's
 * uncatchable or internal errors get there (the runtime catches everything learner code
 * throws): interrupts, out of memory, stack overflow. QuickJS raises the last two as
 * InternalError, which the bootstrap presents as RangeError (Node's class for both), so the
 * name may be either.
 */
export function faultFrom(dumped: unknown, interrupted: boolean): SandboxFault {
  const d = dumped as { name?: string; message?: string } | null
  const internal = !!d && typeof d === 'object' && (d.name === 'InternalError' || d.name === 'RangeError')
  if (interrupted || (internal && d!.message === 'interrupted')) {
    return new SandboxFault('timeout', 'interrupted')
  }
  if (d === null || d === undefined || (internal && d.message === 'out of memory'))
    return new SandboxFault('oom', 'out of memory')
  if (internal && d.message === 'stack overflow') return new SandboxFault('stack', 'stack overflow')
  return new SandboxFault(
    'crash',
    `internal error: ${d && typeof d === 'object' ? `${d.name}: ${d.message}` : String(d)}`,
  )
}
