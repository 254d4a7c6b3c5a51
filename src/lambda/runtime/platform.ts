// Platform log lines (written by Lambda itself, not by the runtime), text and JSON forms.
// Text: as Lambda prints them in CloudWatch today. JSON: the Telemetry API's platform.* records,
// which is what Lambda writes when LoggingConfig.LogFormat is JSON.

import { FNV_OFFSET, fnv1aStep } from '../hash.ts'
import { nodeRuntime } from './node-runtime.ts'

export interface RuntimeInfo {
  /** e.g. "nodejs:20.v48" */
  version: string
  arn: string
  nodeVersion: string
}

// Deterministic fake-but-well-formed runtime version ARNs (Lambda's are a 64-hex digest).
function hex64(seed: string): string {
  let out = ''
  let h = FNV_OFFSET
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) h = fnv1aStep(h, seed.charCodeAt(i) + round)
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

export function runtimeInfo(runtime: string, region: string): RuntimeInfo {
  const r = nodeRuntime(runtime)
  return {
    version: r.runtimeVersion,
    arn: `arn:aws:lambda:${region}::runtime:${hex64(r.runtimeVersion)}`,
    nodeVersion: r.nodeVersion,
  }
}

const ms2 = (n: number) => n.toFixed(2)

export interface ReportData {
  requestId: string
  durationMs: number
  billedDurationMs: number
  memorySizeMB: number
  maxMemoryUsedMB: number
  initDurationMs?: number
  status: 'success' | 'error' | 'timeout'
  errorType?: string
}

export interface PlatformFormatter {
  initStart(
    rt: RuntimeInfo,
    functionName: string,
    version: string,
    phase: 'init' | 'invoke',
    at: number,
  ): string | undefined
  initReport(
    durationMs: number,
    phase: 'init' | 'invoke',
    status: 'error' | 'timeout',
    errorType: string | undefined,
    at: number,
  ): string
  start(requestId: string, version: string, functionArn: string, at: number): string
  end(requestId: string, at: number, status: ReportData['status'], errorType?: string): string
  report(d: ReportData, at: number): string
  timedOut(requestId: string, seconds: number, at: number): string | undefined
  runtimeExit(requestId: string, reason: string, errorType: string, at: number): string | undefined
}

export const textPlatform: PlatformFormatter = {
  initStart: (rt) => `INIT_START Runtime Version: ${rt.version}\tRuntime Version ARN: ${rt.arn}`,
  initReport: (d, phase, status, errorType) =>
    `INIT_REPORT Init Duration: ${ms2(d)} ms\tPhase: ${phase}\tStatus: ${status}${errorType ? `\tError Type: ${errorType}` : ''}`,
  start: (id, version) => `START RequestId: ${id} Version: ${version}`,
  end: (id) => `END RequestId: ${id}`,
  report: (d) => {
    let s =
      `REPORT RequestId: ${d.requestId}\tDuration: ${ms2(d.durationMs)} ms\tBilled Duration: ${d.billedDurationMs} ms\t` +
      `Memory Size: ${d.memorySizeMB} MB\tMax Memory Used: ${d.maxMemoryUsedMB} MB\t`
    if (d.initDurationMs !== undefined) s += `Init Duration: ${ms2(d.initDurationMs)} ms\t`
    if (d.status !== 'success') s += `Status: ${d.status}${d.errorType ? `\tError Type: ${d.errorType}` : ''}`
    return s
  },
  timedOut: (id, seconds, at) =>
    `${new Date(Math.floor(at)).toISOString()} ${id} Task timed out after ${seconds.toFixed(2)} seconds`,
  runtimeExit: (id, reason, errorType) => `RequestId: ${id} Error: ${reason}\n${errorType}`,
}

const iso = (at: number) => new Date(Math.floor(at)).toISOString()

export function jsonPlatform(functionName: string): PlatformFormatter {
  return {
    initStart: (rt, _fn, version, phase, at) =>
      JSON.stringify({
        time: iso(at),
        type: 'platform.initStart',
        record: {
          initializationType: 'on-demand',
          phase,
          runtimeVersion: rt.version,
          runtimeVersionArn: rt.arn,
          functionName,
          functionVersion: version,
        },
      }),
    initReport: (d, phase, status, errorType, at) =>
      JSON.stringify({
        time: iso(at),
        type: 'platform.initReport',
        record: {
          initializationType: 'on-demand',
          phase,
          status,
          ...(errorType ? { errorType } : {}),
          metrics: { durationMs: round2(d) },
        },
      }),
    start: (id, version, _arn, at) =>
      JSON.stringify({ time: iso(at), type: 'platform.start', record: { requestId: id, version } }),
    end: (id, at, status, errorType) =>
      JSON.stringify({
        time: iso(at),
        type: 'platform.runtimeDone',
        record: { requestId: id, status, ...(errorType ? { errorType } : {}) },
      }),
    report: (d, at) =>
      JSON.stringify({
        time: iso(at),
        type: 'platform.report',
        record: {
          requestId: d.requestId,
          metrics: {
            durationMs: round2(d.durationMs),
            billedDurationMs: d.billedDurationMs,
            memorySizeMB: d.memorySizeMB,
            maxMemoryUsedMB: d.maxMemoryUsedMB,
            ...(d.initDurationMs !== undefined ? { initDurationMs: round2(d.initDurationMs) } : {}),
          },
          status: d.status,
          ...(d.errorType ? { errorType: d.errorType } : {}),
        },
      }),
    timedOut: () => undefined,
    runtimeExit: () => undefined,
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
