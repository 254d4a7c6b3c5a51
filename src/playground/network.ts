/**
 * The playground's network: a workspace declares fake third-party hosts in a `hosts.json` file (a
 * JSON route table, checked by src/aws/network.ts's validateHosts), and a handler's request that
 * fails because the simulation has no internet is said plainly. Pure (no DOM).
 */
import { validateHosts } from '../aws/public.ts'
import type { LambdaEvent } from '../lambda/public.ts'

export const HOSTS_FILE = 'hosts.json'

export type NetworkRequestEvent = Extract<LambdaEvent, { type: 'NetworkRequest' }>

/** The hosts a workspace declares (`{}` without a hosts.json), or a plain message saying what is wrong. */
export function hostsOf(files: Record<string, string>): { ok: true; hosts: object } | { ok: false; message: string } {
  const text = files[HOSTS_FILE]
  if (text === undefined || text.trim() === '') return { ok: true, hosts: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `${HOSTS_FILE} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
  try {
    return { ok: true, hosts: validateHosts(value) }
  } catch (e) {
    return { ok: false, message: `${HOSTS_FILE}: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/**
 * What to tell the learner about an invoke's requests: undefined when none failed for want of a
 * route. `declared` are the host names the workspace declares.
 */
export function networkNotice(requests: NetworkRequestEvent[], declared: string[]): string | undefined {
  const failed = requests.find((r) => r.error && (r.route === 'unknown' || r.route === 'vpc'))
  if (!failed) return undefined
  const hosts = declared.length > 0 ? `Declared hosts: ${declared.join(', ')}.` : `No hosts are declared.`
  const how = `To give your function a fake API to call, add a ${HOSTS_FILE} file, e.g. { "api.example.com": { "routes": { "GET /hello": { "json": { "message": "hi" } } } } }.`
  if (failed.route === 'vpc')
    return `The simulation has no internet, and this function is in a VPC without a NAT gateway: its request to ${failed.host} got no answer (${failed.error!.message}). ${hosts}`
  return `The simulation has no internet: the request to ${failed.host} failed with ${failed.error!.message}, as a real Lambda function's would for a host that does not exist. ${hosts} ${how}`
}
