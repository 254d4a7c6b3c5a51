// Labs with an account (lesson 4's grant-least-privilege): the runner prepares the account, applies
// the learner's account files to each check's function, and gives checks t.aws and t.mayInvoke.
// Each known-wrong solution must fail the check written for its mistake, and only for that reason.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambda } from '../../lambda/index.ts'
import { createLabEngine, type NodeLabEngine } from '../../../scripts/lab-engine.ts'
import { loadLabFromDisk, readFileTree } from '../node.ts'
import { runLabChecks } from '../runner.ts'
import type { LoadedLab } from '../types.ts'
import { validateLabDefinition } from '../validate.ts'
import { lab as testLab, ECHO } from './runner-fixtures.ts'

const labsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/labs')
const ID = 'grant-least-privilege'
const WRITE = 'Saves the order in the Orders table'
const LEAST = 'The role allows dynamodb:PutItem on the Orders table, and nothing more'
const S3 = 'S3 may invoke the function for uploads to kettle-order-uploads'
const ONLY = 'No other bucket or account may invoke it through S3'

let engine: NodeLabEngine
let loaded: LoadedLab
beforeAll(async () => {
  engine = await createLabEngine({ wallClockCapMs: 5000 })
  const out = await loadLabFromDisk(labsDir, ID)
  if (!out.ok) throw new Error(out.problems.join('\n'))
  loaded = out.loaded
})
afterAll(() => engine.dispose())

async function run(files: Record<string, string>) {
  const out = await runLabChecks(loaded.lab, files, engine)
  return Object.fromEntries(out.results.map((r) => [r.name, r]))
}

const wrong = (name: string) => ({ ...loaded.starter, ...readFileTree(path.join(labsDir, ID, 'wrong', name)) })
const failing = (r: Record<string, { pass: boolean }>) => Object.keys(r).filter((k) => !r[k].pass)

describe(ID, () => {
  it('the solution passes; the starter is refused with AWS’s AccessDeniedException, quoted to the learner', async () => {
    expect(failing(await run(loaded.solution))).toEqual([])
    const r = await run(loaded.starter)
    expect(failing(r)).toEqual([WRITE, LEAST, ONLY])
    expect(r[WRITE].message).toMatch(/allow the action the error names \(dynamodb:PutItem\)/)
    expect(r[WRITE].detail).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/place-order-role/lab-grant-least-privilege is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:PutItem action',
    )
  })

  it('each known-wrong solution fails the check for its mistake, and the others pass', async () => {
    const cases: [string, string[], RegExp][] = [
      ['dynamodb-star', [LEAST], /also allows dynamodb:GetItem, dynamodb:DeleteItem/],
      ['resource-star', [LEAST], /may put items in arn:aws:dynamodb:us-east-1:123456789012:table\/Customers/],
      ['table-prefix-wildcard', [LEAST], /table\/Orders-archive/],
      ['no-source-account', [ONLY], /Add "SourceAccount": "123456789012"/],
      ['wrong-bucket', [S3, ONLY], /S3 may not invoke the function for kettle-order-uploads/],
    ]
    for (const [name, checks, message] of cases) {
      const r = await run(wrong(name))
      expect(failing(r), name).toEqual(checks)
      expect(r[checks[0]].message, name).toMatch(message)
    }
  })

  it('more wrong answers: Action "*", a permission for any bucket, a principal pinned by its conditions', async () => {
    const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] })
    let r = await run({
      ...loaded.solution,
      'execution-role-policy.json': policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
    })
    expect(failing(r)).toEqual([LEAST])
    expect(r[LEAST].message).toMatch(/outside DynamoDB \(s3:GetObject/)
    r = await run({ ...loaded.solution, 's3-permission.json': loaded.starter['s3-permission.json'] })
    expect(failing(r)).toEqual([ONLY])
    expect(r[ONLY].message).toMatch(/^Any S3 bucket, in any AWS account/)
    // IAM's explanation ("Allowed by statement …") is the detail: the learner sees which statement let it in.
    expect(r[ONLY].detail).toMatch(/^Allowed by statement 1 \(Sid "order-uploads"\)/)
    // Principal "*" pinned by both conditions lets in only that bucket of that account: it passes.
    const star = JSON.parse(loaded.solution['s3-permission.json']) as Record<string, unknown>
    r = await run({ ...loaded.solution, 's3-permission.json': JSON.stringify({ ...star, Principal: '*' }) })
    expect(failing(r)).toEqual([])
  })

  it('a denied S3 check shows IAM’s "Denied, because…" with the condition that failed', async () => {
    const r = await run(wrong('wrong-bucket'))
    expect(r[S3].detail).toMatch(/^Denied, because no statement in the resource-based policy/)
    expect(r[S3].detail).toMatch(/does not satisfy ArnLike "arn:aws:s3:::kettle-invoices"/)
  })

  it("a policy file IAM refuses fails every check with IAM's message, naming the file", async () => {
    const r = await run({
      ...loaded.solution,
      'execution-role-policy.json': '{ "Version": "2012-10-17", "Statement": [',
    })
    for (const c of Object.values(r)) {
      expect(c.outcome).toBe('failed')
      expect(c.message).toMatch(/Fix execution-role-policy\.json and run the checks again/)
      expect(c.detail).toMatch(
        /^execution-role-policy\.json \(the execution role's inline policy "place-order-permissions"\): MalformedPolicyDocument: /,
      )
    }
  })
})

describe('the runner with an account', () => {
  it('a lab with an account on an engine without one says so, without running a check', async () => {
    const plain = await createLambda({ prewarm: 0 })
    try {
      const out = await runLabChecks(loaded.lab, loaded.solution, plain)
      expect(out.results).toEqual([
        expect.objectContaining({
          name: 'The lab itself',
          outcome: 'crashed',
          message: 'This lab needs a simulated AWS account, and the engine it was given has none.',
        }),
      ])
    } finally {
      plain.dispose()
    }
  })

  it('t.aws sends as the admin; the check’s function runs with the lab’s role; without account, t.aws is absent', async () => {
    const seen: unknown[] = []
    const withAccount = testLab(
      [
        {
          name: 'sees the account',
          async run(t) {
            seen.push(t.aws?.accountId, t.aws?.roleArn, t.aws?.functionArn)
            const who = await t.aws!.send('sts', 'GetCallerIdentity')
            seen.push(who.Arn)
            const cfg = await t.aws!.send('lambda', 'GetFunctionConfiguration', { FunctionName: t.functionName })
            seen.push(cfg.Role)
          },
        },
      ],
      { account: { role: { name: 'echo-role' } } },
    )
    const out = await runLabChecks(withAccount, { 'index.mjs': ECHO }, engine)
    expect(out.pass).toBe(true)
    expect(seen).toEqual([
      '123456789012',
      'arn:aws:iam::123456789012:role/echo-role',
      'arn:aws:lambda:us-east-1:123456789012:function:lab-test-lab',
      'arn:aws:iam::123456789012:user/admin',
      'arn:aws:iam::123456789012:role/echo-role',
    ])
    let aws: unknown = 'unset'
    const none = testLab([{ name: 'no account', run: (t) => void (aws = t.aws) }])
    expect((await runLabChecks(none, { 'index.mjs': ECHO }, engine)).pass).toBe(true)
    expect(aws).toBeUndefined()
  })
})

describe('validateLabDefinition: account', () => {
  const base = testLab([{ name: 'x', run: () => {} }])
  it('accepts a well-formed account and names each bad field', () => {
    expect(validateLabDefinition({ ...base, account: loaded.lab.account }, 'test-lab')).toEqual([])
    const problems = validateLabDefinition(
      {
        ...base,
        account: {
          resources: [{ service: 'DynamoDB', operation: 'createTable', input: 1 }],
          role: { name: 'bad name!' },
          files: { '../x.json': { calls: 1 } },
          extra: true,
        },
      },
      'test-lab',
    )
    expect(problems).toEqual([
      '"account.extra" is not a field of account (resources, role, files)',
      '"account.resources[0]" needs a "service" (an SDK id such as "dynamodb")',
      '"account.role" needs a "name" (up to 64 letters, digits and +=,.@_-)',
      '"account.files" names "../x.json": use a relative path such as "execution-role-policy.json"',
      `"account.files['../x.json']" must be a binding ({ describe, calls }), e.g. rolePolicyFile('…') or functionPermissionFile()`,
    ])
  })
})
