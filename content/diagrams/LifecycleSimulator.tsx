import { useId, useState } from 'react'
import { c, Lines, svgStyle, useNarrow } from './svg'

/**
 * Minutes an idle environment survives in this simulation: the same 5 minutes as the course's
 * simulated Lambda (src/lambda, idleShutdownMs). Real Lambda publishes no figure.
 */
const IDLE = 5
const PHASES: Array<[string, number, string]> = [
  ['Extension init', 30, c.purple],
  ['Runtime init', 110, c.blue],
  ['Function init', 240, c.accent],
  ['Invoke', 70, c.green],
]

type Env = { n: number; last: number; served: number; alive: boolean }
type State = { t: number; envs: Env[]; reqs: Array<[number, boolean]>; msg: string }
const START: State = { t: 0, envs: [], reqs: [], msg: '' }
const list = (ns: number[]) =>
  ns.length > 1 ? `s ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}` : ` ${ns[0]}`

const css = `.lf-ls{display:grid;gap:.75rem;line-height:1.45}
.lf-ls fieldset{display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0;border:0}
.lf-ls legend{font-weight:650;margin-bottom:.5rem;padding:0}
.lf-ls button{font:inherit;cursor:pointer;border-radius:999px;padding:.35rem .85rem;border:1.5px solid var(--lf-accent);background:var(--lf-surface);color:var(--lf-text)}
.lf-ls button:hover{background:var(--lf-accent-soft)}
.lf-ls button:focus-visible{outline:3px solid var(--lf-accent);outline-offset:2px}
.lf-ls p{margin:0;padding:.75rem 1rem;border-radius:10px;background:var(--lf-surface-2)}
.lf-ls ul{list-style:none;margin:0;padding:0;display:grid;gap:.4rem;grid-template-columns:repeat(auto-fill,minmax(210px,1fr))}
.lf-ls li,.lf-ls li+li{margin:0;padding:.4rem .7rem;border-radius:8px;border:1px solid var(--lf-border);border-left:4px solid var(--lf-blue);font-size:.9rem}
.lf-ls li.is-off{border-left-color:var(--lf-border);color:var(--lf-text-muted)}`

/**
 * Lesson 3, interactive: send requests, let time pass or deploy, and watch Lambda reuse frozen
 * environments (warm starts), create new ones (cold starts) and shut idle ones down.
 */
export function LifecycleSimulator() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const id = useId()
  const [s, setS] = useState<State>(START)

  const send = (k: number) =>
    setS((p) => {
      const envs = p.envs.map((e) => ({ ...e }))
      const free = envs.filter((e) => e.alive).sort((a, b) => b.last - a.last)
      let next = envs.length + 1
      const reqs: State['reqs'] = []
      for (let i = 0; i < k; i++) {
        const e = free[i] ?? (envs.push({ n: next++, last: 0, served: 0, alive: true }), envs[envs.length - 1])
        reqs.push([e.n, !free[i]])
        e.last = p.t
        e.served++
      }
      const warm = reqs.filter((r) => !r[1]).map((r) => r[0])
      const cold = reqs.filter((r) => r[1]).map((r) => r[0])
      const msg =
        k === 1
          ? cold.length
            ? `Cold start: no frozen environment was free, so Lambda created environment ${cold[0]} and ran Init (380 ms) before the handler.`
            : `Warm start: environment ${warm[0]} was frozen and free, so Lambda thawed it and went straight to Invoke (70 ms).`
          : `${k} requests at once, one per environment: ` +
            [
              warm.length && `${warm.length} warm (environment${list(warm)})`,
              cold.length && `${cold.length} cold (new environment${list(cold)})`,
            ]
              .filter(Boolean)
              .join(' and ') +
            '.'
      return { ...p, envs, reqs, msg }
    })

  const wait = (m: number) =>
    setS((p) => {
      const t = p.t + m
      const shut = p.envs.filter((e) => e.alive && t - e.last >= IDLE).map((e) => e.n)
      const envs = p.envs.map((e) => (shut.includes(e.n) ? { ...e, alive: false } : e))
      const msg =
        `${m} minute${m === 1 ? '' : 's'} pass${m === 1 ? 'es' : ''}. ` +
        (shut.length
          ? `Environment${list(shut)} had been idle for ${IDLE} minutes or more, so Lambda shut ${shut.length > 1 ? 'them' : 'it'} down.`
          : envs.some((e) => e.alive)
            ? 'The idle environments stay frozen, ready for warm starts.'
            : 'There are no environments to shut down.')
      return { ...p, t, envs, msg }
    })

  const deploy = () =>
    setS((p) => ({
      ...p,
      envs: p.envs.map((e) => ({ ...e, alive: false })),
      reqs: [],
      msg: 'New code deployed. The old environments get no more requests and are shut down, so the next request is a cold start.',
    }))

  // Drawing: one row per request of the last batch.
  const W = narrow ? 360 : 720
  const x0 = narrow ? 10 : 200
  const px = (narrow ? 340 : 500) / 500
  const rowH = narrow ? 66 : 54
  const top = narrow ? 58 : 36
  const H = top + Math.max(s.reqs.length, 1) * rowH + 26
  const alive = s.envs.filter((e) => e.alive)
  const desc =
    `Simulated clock: ${s.t} minutes. ` +
    (alive.length
      ? `Frozen and ready: ${alive.map((e) => `environment ${e.n}, idle ${s.t - e.last} minutes`).join('; ')}. `
      : 'No environment is ready, so the next request will be a cold start. ') +
    s.reqs
      .map(([n, cold], i) =>
        cold
          ? `Request ${i + 1} went to new environment ${n}: extension init 30 ms, runtime init 110 ms, function init 240 ms, invoke 70 ms; 450 ms billed.`
          : `Request ${i + 1} went to environment ${n}, a warm start: invoke only, 70 ms billed.`,
      )
      .join(' ')

  return (
    <div ref={ref} className="lf-ls">
      <style>{css}</style>
      <fieldset>
        <legend>Drive the function</legend>
        <button type="button" onClick={() => send(1)}>
          Send 1 request
        </button>
        <button type="button" onClick={() => send(3)}>
          Send 3 at once
        </button>
        <button type="button" onClick={() => wait(1)}>
          Wait 1 minute
        </button>
        <button type="button" onClick={() => wait(10)}>
          Wait 10 minutes
        </button>
        <button type="button" onClick={deploy}>
          Deploy new code
        </button>
        <button type="button" onClick={() => setS({ ...START, msg: 'Reset: no environments, clock at 0.' })}>
          Reset
        </button>
      </fieldset>
      <p role="status" aria-live="polite">
        {s.msg || 'Send a request to start. The first one is always a cold start.'}
      </p>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>Timeline of the last requests</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {PHASES.map(([label, , color], i) => {
          const lx = narrow ? 10 + (i % 2) * 175 : 10 + i * 150
          const ly = narrow ? 14 + (i >> 1) * 22 : 14
          return (
            <g key={label}>
              <rect x={lx} y={ly} width={12} height={12} rx={2} style={{ fill: color }} />
              <Lines x={lx + 18} y={ly + 10.5} lines={[label]} size={12.5} anchor="start" />
            </g>
          )
        })}
        {!s.reqs.length && <Lines x={W / 2} y={top + 30} lines={['No requests yet']} size={13} color={c.muted} />}
        {s.reqs.map(([n, cold], i) => {
          const y = top + i * rowH
          const barY = narrow ? y + 22 : y + 6
          let x = x0
          return (
            <g key={i}>
              <Lines
                x={10}
                y={y + 18}
                lines={[`Request ${i + 1} → env ${n}${narrow ? (cold ? ' · cold start' : ' · warm start') : ''}`]}
                size={13}
                weight={650}
                anchor="start"
              />
              {!narrow && (
                <Lines
                  x={10}
                  y={y + 35}
                  lines={[cold ? 'cold start' : 'warm start']}
                  size={12.5}
                  color={cold ? c.accent : c.green}
                  anchor="start"
                />
              )}
              {PHASES.filter((_, j) => cold || j === 3).map(([label, ms, color]) => {
                const r = <rect key={label} x={x} y={barY} width={ms * px} height={18} style={{ fill: color }} />
                x += ms * px
                return r
              })}
              <Lines
                x={x0}
                y={barY + 34}
                lines={[cold ? 'Init 380 ms + Invoke 70 ms: 450 ms billed' : 'Invoke only: 70 ms billed']}
                size={12}
                color={c.muted}
                anchor="start"
              />
            </g>
          )
        })}
        {[0, 100, 200, 300, 400, 500].map((ms) => (
          <Lines
            key={ms}
            x={x0 + ms * px}
            y={H - 8}
            lines={[ms < 500 ? `${ms}` : '500 ms']}
            size={11}
            color={c.muted}
            anchor={ms < 500 ? 'middle' : 'end'}
          />
        ))}
      </svg>
      <ul aria-label={`Execution environments at ${s.t} minutes`}>
        {!s.envs.length && <li className="is-off">No execution environments yet.</li>}
        {s.envs.slice(-6).map((e) => (
          <li key={e.n} className={e.alive ? undefined : 'is-off'}>
            <strong>Environment {e.n}</strong>: {e.alive ? `frozen, idle ${s.t - e.last} min` : 'shut down'}, {e.served}{' '}
            served
          </li>
        ))}
      </ul>
    </div>
  )
}
