// The playground's and labs' declared hosts as JSON (`hosts.json`): checking a route table, and
// putting it on a network (network.ts).
import { isAwsHost, type HostSpec, type SimNetwork } from './network.ts'

const SPEC_KEYS = new Set(['latencyMs', 'failureRate', 'routes'])
const ANSWER_KEYS = new Set(['status', 'headers', 'body', 'json', 'latencyMs'])
const HOST_RE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/

/**
 * Checks a JSON route table (the playground's `hosts.json`): `{ "<host>": { latencyMs?, failureRate?,
 * routes: { "METHOD /path": { status?, headers?, body? | json?, latencyMs? } } } }`. Returns the
 * hosts, or throws an Error whose message says plainly what is wrong and where.
 */
export function validateHosts(value: unknown): Record<string, HostSpec> {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObj(value)) throw new Error('hosts.json must be an object: { "api.example.com": { "routes": { … } } }')
  const names = Object.keys(value)
  if (names.length > 50) throw new Error(`hosts.json declares ${names.length} hosts; at most 50`)
  const out: Record<string, HostSpec> = {}
  for (const name of names) {
    const host = name.toLowerCase()
    if (!HOST_RE.test(host)) throw new Error(`"${name}" is not a host name (like api.example.com, no scheme or port)`)
    if (isAwsHost(host)) throw new Error(`"${name}" is an AWS endpoint: the account answers those`)
    const spec = value[name]
    if (!isObj(spec)) throw new Error(`"${name}": expected an object with "routes"`)
    for (const k of Object.keys(spec))
      if (!SPEC_KEYS.has(k)) throw new Error(`"${name}": unknown field "${k}" (latencyMs, failureRate, routes)`)
    const l = spec.latencyMs
    const okLatency = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 900_000
    if (l !== undefined && !okLatency(l) && !(Array.isArray(l) && l.length === 2 && l.every(okLatency)))
      throw new Error(`"${name}".latencyMs: a number of ms (0 to 900000) or [min, max]`)
    const f = spec.failureRate
    if (f !== undefined && !(typeof f === 'number' && f >= 0 && f <= 1))
      throw new Error(`"${name}".failureRate: a number from 0 to 1`)
    const routes = spec.routes ?? {}
    if (!isObj(routes)) throw new Error(`"${name}".routes: expected an object of "METHOD /path": answer`)
    for (const [key, answer] of Object.entries(routes)) {
      if (!/^(\*|[A-Za-z]+) \/\S*$/.test(key.trim()))
        throw new Error(`"${name}".routes: "${key}" should look like "GET /path" (or "* /prefix*")`)
      if (!isObj(answer)) throw new Error(`"${name}".routes["${key}"]: expected an object like { "json": … }`)
      for (const k of Object.keys(answer))
        if (!ANSWER_KEYS.has(k))
          throw new Error(`"${name}".routes["${key}"]: unknown field "${k}" (status, headers, body, json, latencyMs)`)
      const st = answer.status
      if (st !== undefined && !(typeof st === 'number' && st >= 100 && st <= 599))
        throw new Error(`"${name}".routes["${key}"].status: an HTTP status from 100 to 599`)
      if (answer.body !== undefined && typeof answer.body !== 'string')
        throw new Error(`"${name}".routes["${key}"].body: text (use "json" for a JSON value)`)
      if (answer.headers !== undefined && !isObj(answer.headers))
        throw new Error(`"${name}".routes["${key}"].headers: an object of names to values`)
      if (answer.latencyMs !== undefined && !okLatency(answer.latencyMs))
        throw new Error(`"${name}".routes["${key}"].latencyMs: a number of ms (0 to 900000)`)
    }
    out[host] = spec as HostSpec
  }
  return out
}

/** Replace every declared host of a network with these. */
export function replaceHosts(network: SimNetwork, hosts: Record<string, HostSpec>): void {
  for (const h of network.declaredHosts()) network.undeclare(h)
  for (const [h, spec] of Object.entries(hosts)) network.declare(h, spec)
}
