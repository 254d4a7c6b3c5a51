// The awsQuery shape table must say what the real SDK sends and parses: compare it, member by
// member, with the schema inside the installed @aws-sdk/client-iam.
import { describe, expect, it } from 'vitest'
import { IAM_QUERY_SHAPES, type QueryShape } from '../query-shapes.ts'
import { createIam } from '../index.ts'

type Schema = unknown

/** Translate a Smithy schema from the SDK into our QueryShape vocabulary. */
function fromSdk(schema: Schema, depth = 0): QueryShape {
  if (depth > 12) return 'string'
  if (typeof schema === 'function') return fromSdk((schema as () => Schema)(), depth)
  if (schema === 'unit') return { structure: {} }
  if (typeof schema === 'number') {
    if (schema === 0) return 'string'
    if (schema === 1) return 'integer'
    if (schema === 2) return 'boolean'
    if (schema >= 4 && schema <= 7) return 'timestamp'
    if (schema === 21) return 'blob'
    if (schema >= 64 && schema < 128) return { list: fromSdk(schema - 64, depth + 1) }
    if (schema >= 128) return { map: { key: 'string', value: fromSdk(schema - 128, depth + 1) } }
    throw new Error(`unknown schema number ${schema}`)
  }
  const s = schema as unknown[]
  switch (s[0]) {
    case 0:
      return fromSdk(s[4], depth + 1)
    case 1:
      return { list: fromSdk(s[4], depth + 1) }
    case 2:
      return { map: { key: fromSdk(s[4], depth + 1), value: fromSdk(s[5], depth + 1) } }
    case 3:
    case 4: {
      // 3 is a structure, 4 a union: the query protocol writes both the same way.
      const names = s[4] as string[]
      const members = s[5] as Schema[]
      return { structure: Object.fromEntries(names.map((n, i) => [n, fromSdk(members[i], depth + 1)])) }
    }
    default:
      throw new Error(`unknown schema ${JSON.stringify(s.slice(0, 3))}`)
  }
}

/** Every member we describe exists in the SDK's shape with the same type. */
function conforms(ours: QueryShape, sdk: QueryShape, path: string, problems: string[]): void {
  if (typeof ours === 'string' || typeof sdk === 'string') {
    if (ours !== sdk) problems.push(`${path}: ours ${JSON.stringify(ours)}, SDK ${JSON.stringify(sdk)}`)
    return
  }
  if ('list' in ours) {
    if (!('list' in sdk)) return void problems.push(`${path}: ours is a list`)
    return conforms(ours.list, sdk.list, `${path}[]`, problems)
  }
  if ('map' in ours) {
    if (!('map' in sdk)) return void problems.push(`${path}: ours is a map`)
    return conforms(ours.map.value, sdk.map.value, `${path}{}`, problems)
  }
  if (!('structure' in sdk)) return void problems.push(`${path}: ours is a structure`)
  for (const [name, shape] of Object.entries(ours.structure)) {
    const theirs = sdk.structure[name]
    if (!theirs) problems.push(`${path}.${name}: not in the SDK`)
    else conforms(shape, theirs, `${path}.${name}`, problems)
  }
}

// The SDK's schema module has no type declarations; load it by a path the type checker doesn't follow.
const SCHEMAS = '@aws-sdk/client-iam/dist-es/schemas/schemas_0.js'
const sdk = (await import(/* @vite-ignore */ SCHEMAS)) as Record<string, unknown[]>

describe('IAM_QUERY_SHAPES', () => {
  it('covers every operation the service implements', () => {
    const iam = createIam({ accountId: '123456789012', region: 'us-east-1' })
    expect(Object.keys(IAM_QUERY_SHAPES.operations).sort()).toEqual(Object.keys(iam.definition.operations).sort())
  })

  it.each(Object.keys(IAM_QUERY_SHAPES.operations))('%s matches the SDK’s input and output schema', (operation) => {
    const op = sdk[`${operation}$`]
    expect(op, `SDK has ${operation}`).toBeDefined()
    const input = fromSdk(op[4]) as { structure: Record<string, QueryShape> }
    const output = fromSdk(op[5]) as { structure: Record<string, QueryShape> }
    const ours = IAM_QUERY_SHAPES.operations[operation]
    const problems: string[] = []
    conforms({ structure: ours.input }, input, `${operation}Request`, problems)
    conforms({ structure: ours.output ?? {} }, output, `${operation}Response`, problems)
    // Inputs: every member the SDK can send must be known, or the codec could not decode it.
    for (const name of Object.keys(input.structure))
      if (!(name in ours.input)) problems.push(`${operation}Request.${name}: missing`)
    expect(problems).toEqual([])
  })
})

/** Does an operation's output value fit the shape (types, and no members the SDK doesn't know)? */
function fits(value: unknown, shape: QueryShape, path: string, problems: string[]): void {
  if (value === undefined) return
  if (shape === 'string') {
    if (typeof value !== 'string') problems.push(`${path}: expected a string`)
  } else if (shape === 'integer' || shape === 'long') {
    if (!Number.isInteger(value)) problems.push(`${path}: expected an integer`)
  } else if (shape === 'double') {
    if (typeof value !== 'number') problems.push(`${path}: expected a number`)
  } else if (shape === 'boolean') {
    if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean`)
  } else if (shape === 'timestamp') {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) problems.push(`${path}: expected a Date`)
  } else if (shape === 'blob') {
    if (!(value instanceof Uint8Array)) problems.push(`${path}: expected bytes`)
  } else if ('list' in shape) {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list`)
    else value.forEach((v, i) => fits(v, shape.list, `${path}[${i}]`, problems))
  } else if ('map' in shape) {
    if (typeof value !== 'object' || value === null) problems.push(`${path}: expected a map`)
    else for (const [k, v] of Object.entries(value)) fits(v, shape.map.value, `${path}.${k}`, problems)
  } else {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return void problems.push(`${path}: expected a structure`)
    for (const [k, v] of Object.entries(value)) {
      const member = shape.structure[k]
      if (!member) problems.push(`${path}.${k}: not a member`)
      else fits(v, member, `${path}.${k}`, problems)
    }
  }
}

describe('operation outputs', () => {
  it('fit the SDK’s output shapes, for every operation of a full scenario', async () => {
    const { newIam, call, trust } = await import('./harness.ts')
    const { doc } = await import('./helpers.ts')
    const iam = newIam()
    const outputs: [string, unknown][] = []
    const run = async (op: string, input: object) => outputs.push([op, await call(iam, op, input)])
    const arn = 'arn:aws:iam::123456789012:policy/p'
    const p = doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    })
    await run('CreateRole', {
      RoleName: 'r',
      AssumeRolePolicyDocument: trust(),
      Description: 'd',
      Tags: [{ Key: 'k', Value: 'v' }],
    })
    await run('GetRole', { RoleName: 'r' })
    await run('ListRoles', {})
    await run('UpdateRole', { RoleName: 'r', Description: 'e' })
    await run('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trust() })
    await run('PutRolePolicy', { RoleName: 'r', PolicyName: 'i', PolicyDocument: p })
    await run('GetRolePolicy', { RoleName: 'r', PolicyName: 'i' })
    await run('ListRolePolicies', { RoleName: 'r' })
    await run('CreatePolicy', { PolicyName: 'p', PolicyDocument: p, Tags: [{ Key: 'k', Value: 'v' }] })
    await run('GetPolicy', { PolicyArn: arn })
    await run('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: p })
    await run('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v2' })
    await run('ListPolicyVersions', { PolicyArn: arn })
    await run('SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v2' })
    await run('DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v1' })
    await run('ListPolicies', {})
    await run('AttachRolePolicy', { RoleName: 'r', PolicyArn: arn })
    await run('ListAttachedRolePolicies', { RoleName: 'r' })
    await run('ListEntitiesForPolicy', { PolicyArn: arn })
    await run('TagRole', { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }] })
    await run('ListRoleTags', { RoleName: 'r' })
    await run('UntagRole', { RoleName: 'r', TagKeys: ['a'] })
    await run('CreateUser', { UserName: 'u', Tags: [{ Key: 'k', Value: 'v' }] })
    await run('GetUser', { UserName: 'u' })
    await run('ListUsers', {})
    await run('PutUserPolicy', { UserName: 'u', PolicyName: 'i', PolicyDocument: p })
    await run('GetUserPolicy', { UserName: 'u', PolicyName: 'i' })
    await run('ListUserPolicies', { UserName: 'u' })
    await run('AttachUserPolicy', { UserName: 'u', PolicyArn: arn })
    await run('ListAttachedUserPolicies', { UserName: 'u' })
    await run('TagUser', { UserName: 'u', Tags: [{ Key: 'a', Value: 'b' }] })
    await run('ListUserTags', { UserName: 'u' })
    await run('UntagUser', { UserName: 'u', TagKeys: ['a'] })
    await run('SimulatePrincipalPolicy', {
      PolicySourceArn: 'arn:aws:iam::123456789012:role/r',
      ActionNames: ['s3:GetObject', 's3:PutObject'],
    })
    await run('SimulateCustomPolicy', { PolicyInputList: [p], ActionNames: ['s3:GetObject'] })
    await run('DetachUserPolicy', { UserName: 'u', PolicyArn: arn })
    await run('DeleteUserPolicy', { UserName: 'u', PolicyName: 'i' })
    await run('DeleteUser', { UserName: 'u' })
    await run('DetachRolePolicy', { RoleName: 'r', PolicyArn: arn })
    await run('DeleteRolePolicy', { RoleName: 'r', PolicyName: 'i' })
    await run('DeleteRole', { RoleName: 'r' })
    await run('DeletePolicy', { PolicyArn: arn })
    expect(new Set(outputs.map(([op]) => op))).toEqual(new Set(Object.keys(IAM_QUERY_SHAPES.operations)))
    const problems: string[] = []
    for (const [op, out] of outputs)
      fits(out, { structure: IAM_QUERY_SHAPES.operations[op].output ?? {} }, op, problems)
    expect(problems).toEqual([])
  })
})
