// src/aws/public.ts is the UI's door to the simulated account: light (no @aws-sdk client, no
// service, no account, no wire protocol — esbuild's module graph), and what it says about the
// services is what the services are.
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { attachLambda, createAccount } from '../index.ts'
import * as pub from '../public.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** The modules a minified browser bundle of `entry` contains, and its size. */
async function bundle(entry: string): Promise<{ graph: string[]; bytes: number; gzip: number }> {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  })
  const code = out.outputFiles[0].contents
  return { graph: Object.keys(out.metafile.inputs), bytes: code.length, gzip: gzipSync(code).length }
}

// An SDK client, Smithy, the account, the gateway, the wire codecs, any service but the pattern language.
const HEAVY =
  /node_modules\/@aws-sdk\/|node_modules\/@smithy\/|src\/aws\/(account|gateway|credentials|index)\.ts|src\/aws\/protocol\/|src\/aws\/services\/(?!events\/pattern\/)|src\/lambda\//

describe('src/aws/public.ts', () => {
  it('pulls in no SDK client, no service, no account and no wire protocol, and stays small', async () => {
    const { graph, bytes, gzip } = await bundle('src/aws/public.ts')
    expect(graph).toContain('src/aws/public.ts')
    expect(graph.filter((m) => HEAVY.test(m))).toEqual([])
    expect(graph.filter((m) => m.includes('node_modules'))).toEqual([])
    // Measured 2026-12-07: 46.9 KB minified, 15.0 KB gzipped (docs/aws-account.md). A budget, so
    // growth is a decision.
    expect(bytes).toBeLessThan(60_000)
    expect(gzip).toBeLessThan(20_000)
  })

  it('the check can fail: the engine-side entry brings the SDK plumbing and every service', async () => {
    const { graph } = await bundle('src/aws/index.ts')
    expect(graph.some((m) => m.includes('node_modules/@smithy/'))).toBe(true)
    expect(graph).toContain('src/aws/services/sqs/service.ts')
  })

  it('lists every service and operation the account has (the Lambda engine attached)', async () => {
    const aws = await createAccount()
    const { engine } = await attachLambda(aws, { prewarm: 0, warmUp: false })
    engine.dispose()
    const actual = Object.values(aws.services)
      .map(({ definition: d }) => ({
        id: d.id,
        signingName: d.signingName,
        actionPrefix: d.actionPrefix,
        protocol: d.protocol,
        operations: Object.keys(d.operations).sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id))
    const listed = pub.SERVICE_CATALOG.map(({ title: _title, ...rest }) => rest).sort((a, b) =>
      a.id.localeCompare(b.id),
    )
    expect(listed).toEqual(actual)
  })

  it('validates policy documents with IAM’s messages, as you type', () => {
    const ok = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }],
    })
    expect(pub.policyDocumentProblem(ok, 'identity')).toBeUndefined()
    expect(pub.policyDocumentProblem('{"Version":', 'identity')).toEqual({
      name: 'MalformedPolicyDocument',
      message: pub.POLICY_MESSAGES.syntax,
    })
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    })
    expect(pub.policyDocumentProblem(withPrincipal, 'identity')?.message).toBe(
      'Policy document should not specify a principal.',
    )
    expect(pub.policyDocumentProblem(withPrincipal, 'resource')).toBeUndefined()
    expect(pub.policyDocumentProblem('x'.repeat(200_000), 'identity')?.name).toBe('MalformedPolicyDocument')
  })

  it('validates event patterns with EventBridge’s message, and lists the managed policies', () => {
    expect(pub.eventPatternProblem('{"source":["shop"]}')).toBeUndefined()
    const bad = pub.eventPatternProblem('{"source":"shop"}')
    expect(bad?.name).toBe('InvalidEventPatternException')
    expect(bad?.message).toMatch(/^Event pattern is not valid\. Reason: /)
    const basic = pub.awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')
    expect(basic?.Document).toContain('logs:CreateLogGroup')
    expect(pub.AWS_MANAGED_POLICIES.length).toBeGreaterThan(5)
    expect(pub.parseArn('arn:aws:sqs:us-east-1:123456789012:orders')?.resource).toBe('orders')
  })
})
