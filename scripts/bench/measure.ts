// What every section of `npm run bench` measures with: medians of timed batches, on this machine,
// in this run (each figure is printed beside a baseline measured the same way in the same run).
import { loadavg } from 'node:os'

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`
export const fmtMs = (ms: number) => `${ms.toFixed(3)} ms`

/** Median per-operation time (ms) of `batches` batches of `n` operations each. */
export async function measure(
  n: number,
  batches: number,
  op: (i: number) => unknown | Promise<unknown>,
): Promise<number> {
  const per: number[] = []
  let k = 0
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await op(k++)
    per.push((performance.now() - t0) / n)
  }
  return median(per)
}

/** Operations per second of a synchronous operation: the median of `rounds` timed batches of `n` calls. */
export function rate(n: number, rounds: number, op: (i: number) => unknown): number {
  let sink = 0
  for (let i = 0; i < n; i++) sink += op(i) ? 1 : 0 // warm-up
  const per: number[] = []
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) sink += op(i) ? 1 : 0
    per.push((performance.now() - t0) / n)
  }
  if (sink < 0) console.log(sink)
  return 1000 / median(per)
}

/** CPU time (ms) per call: less sensitive than wall time when the machine is shared. */
export async function cpuPerCall(n: number, op: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage()
  for (let i = 0; i < n; i++) await op()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000 / n
}

/** The one-minute load average, to print beside wall times. */
export const load = () => loadavg()[0].toFixed(1)
