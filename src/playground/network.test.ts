import { describe, expect, it } from 'vitest'
import { hostsOf, networkNotice, type NetworkRequestEvent } from './network.ts'

const req = (over: Partial<NetworkRequestEvent>): NetworkRequestEvent => ({
  type: 'NetworkRequest',
  functionName: 'f',
  environmentId: 'env-1',
  time: 0,
  requestId: 'r1',
  method: 'GET',
  url: 'https://api.example.com/',
  host: 'api.example.com',
  latencyMs: 1,
  ...over,
})

describe('the playground network', () => {
  it('reads hosts.json: none, valid, bad JSON, bad table', () => {
    expect(hostsOf({ 'index.mjs': '' })).toEqual({ ok: true, hosts: {} })
    expect(hostsOf({ 'hosts.json': '{"api.test": {"routes": {"GET /": {"json": 1}}}}' })).toMatchObject({
      ok: true,
      hosts: { 'api.test': {} },
    })
    const bad = hostsOf({ 'hosts.json': '{"api.test": ' })
    expect(bad.ok === false && bad.message).toMatch(/^hosts\.json is not valid JSON: /)
    const table = hostsOf({ 'hosts.json': '{"api.test": {"routes": {"/x": {}}}}' })
    expect(table.ok === false && table.message).toMatch(/^hosts\.json: "api\.test"\.routes: "\/x" should look like/)
  })

  it('says plainly that the simulation has no internet, naming the declared hosts', () => {
    expect(networkNotice([req({ route: 'declared', status: 200 })], ['api.test'])).toBeUndefined()
    const unknown = networkNotice(
      [req({ route: 'unknown', error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.example.com' } })],
      ['api.test'],
    )
    expect(unknown).toMatch(
      /^The simulation has no internet: the request to api\.example\.com failed with getaddrinfo ENOTFOUND api\.example\.com/,
    )
    expect(unknown).toContain('Declared hosts: api.test.')
    expect(networkNotice([req({ route: 'unknown', error: { code: 'ENOTFOUND', message: 'x' } })], [])).toContain(
      'No hosts are declared.',
    )
    expect(
      networkNotice(
        [req({ route: 'vpc', error: { code: 'UND_ERR_CONNECT_TIMEOUT', message: 'Connect Timeout Error' } })],
        [],
      ),
    ).toMatch(/in a VPC without a NAT gateway/)
  })
})
