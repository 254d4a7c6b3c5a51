// The timeline's words: durations, shutdown reasons, Init sub-phase names, and each segment
// described in a sentence (the drawing's accessible names and tooltips). See timeline.ts.
import type { ShutdownReason } from '../lambda/public.ts'
import type { InitPhaseSpan, Lane, Segment } from './timeline.ts'

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(2)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`
  const m = Math.floor(ms / 60_000)
  const s = Math.round((ms % 60_000) / 1000)
  return s === 0 ? `${m} min` : `${m} min ${s} s`
}

const REASONS: Record<ShutdownReason, string> = {
  idle: 'idle for too long',
  'code-update': 'the code was updated',
  'config-update': 'the configuration was updated',
  timeout: 'the invocation timed out',
  crash: 'the runtime exited',
  oom: 'out of memory',
  delete: 'the function was deleted',
  'init-error': 'Init failed',
}

export function shutdownReasonText(r: ShutdownReason): string {
  return REASONS[r] ?? r
}

const PHASE_NAMES: Record<InitPhaseSpan['name'], string> = {
  extension: 'Extension init',
  runtime: 'Runtime init',
  function: 'Function init',
}

export function initPhaseName(n: InitPhaseSpan['name']): string {
  return PHASE_NAMES[n]
}

/** The accessible description of a segment (aria-label and tooltip). */
export function describeSegment(s: Segment, lane: Lane): string {
  const env = `Environment ${lane.index}`
  switch (s.kind) {
    case 'init': {
      const parts = s.phases.map((p) => `${initPhaseName(p.name)} ${formatMs(p.duration)}`).join(', ')
      const status = s.open
        ? 'in progress'
        : s.status === 'success'
          ? 'succeeded'
          : s.status === 'timeout'
            ? 'timed out'
            : `failed${s.errorType ? ` (${s.errorType})` : ''}`
      return `${env}: ${s.phase === 'invoke' ? 'Init retried in the invoke phase' : 'Init'}, ${formatMs(s.end - s.start)}, ${status}${parts ? `. ${parts}` : ''}`
    }
    case 'invoke': {
      const kind = s.coldStart ? 'cold start' : 'warm start'
      if (s.open) return `${env}: Invoke (${kind}) in progress, request ID ${s.requestId}`
      const status =
        s.status === 'success'
          ? 'succeeded'
          : s.status === 'timeout'
            ? 'timed out'
            : s.status === 'oom'
              ? 'ran out of memory'
              : `failed${s.errorType ? ` (${s.errorType})` : ''}`
      return `${env}: Invoke (${kind}), request ID ${s.requestId}, duration ${formatMs(s.duration ?? s.end - s.start)}, billed ${s.billedDuration ?? '?'} ms${s.initDuration !== undefined ? `, init duration ${formatMs(s.initDuration)}` : ''}, ${status}`
    }
    case 'idle':
      return `${env}: idle for ${formatMs(s.end - s.start)}${s.open ? ' so far (frozen, ready for a warm start)' : ''}`
  }
}
