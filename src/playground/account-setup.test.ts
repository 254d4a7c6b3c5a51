// The playground's account setup: the lab's resources and role once per engine, its files applied
// whenever their text changes, and a refusal returned as the panel's service error (AWS's name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLabEngine, type NodeLabEngine } from '../../scripts/lab-engine.ts'
import { rolePolicyFile, type AccountSend } from '../shared/account-setup.ts'
import { createAccountSetupRunner } from './account-setup.ts'

let engine: NodeLabEngine
const calls: string[] = []
let send: AccountSend
beforeAll(async () => {
  engine = await createLabEngine({ warmUp: false })
  send = (service, operation, input = {}) => {
    calls.push(`${service}:${operation}`)
    return engine.send(service, operation, input)
  }
})
afterAll(() => engine.dispose())

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
})

describe('createAccountSetupRunner', () => {
  it('prepares once per engine epoch, applies files only when they change, and reports refusals', async () => {
    const runner = createAccountSetupRunner()
    expect(await runner.prepare(send, 0)).toEqual({ ok: true })
    runner.set({ role: { name: 'pg-role' }, files: { 'policy.json': rolePolicyFile('p') } })
    const prepared = await runner.prepare(send, 0)
    expect(prepared).toEqual({ ok: true, roleArn: 'arn:aws:iam::123456789012:role/pg-role' })
    await send('lambda', 'CreateFunction', {
      FunctionName: 'pg',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: prepared.ok ? prepared.roleArn : undefined,
      Code: { Files: { 'index.mjs': 'export const handler = async () => 1' } },
    })
    calls.length = 0
    expect(await runner.prepare(send, 0)).toMatchObject({ ok: true })
    expect(await runner.apply(send, 'pg', { 'policy.json': POLICY }, 0)).toEqual({ ok: true })
    expect(await runner.apply(send, 'pg', { 'policy.json': POLICY, 'index.mjs': 'x' }, 0)).toEqual({ ok: true })
    expect(calls).toEqual(['lambda:GetFunctionConfiguration', 'iam:PutRolePolicy'])
    // After an engine restart (a new epoch), both run again.
    calls.length = 0
    await runner.prepare(send, 1)
    await runner.apply(send, 'pg', { 'policy.json': POLICY }, 1)
    expect(calls).toContain('iam:CreateRole')
    expect(calls).toContain('iam:PutRolePolicy')
    const bad = await runner.apply(send, 'pg', { 'policy.json': '{"Version":"2012-10-17","Statement":{}}' }, 1)
    expect(bad).toMatchObject({ ok: false, error: { name: 'MalformedPolicyDocument' } })
    if (!bad.ok) expect(bad.error.message).toMatch(/^policy\.json \(the execution role's inline policy "p"\): /)
    const missing = await runner.apply(send, 'nope', { 'policy.json': POLICY }, 1)
    expect(missing).toMatchObject({ ok: false, error: { name: 'ResourceNotFoundException' } })
  })
})
