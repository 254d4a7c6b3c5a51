/**
 * The function's Permissions, as the Lambda console's Configuration → Permissions shows them, without
 * React: the execution role's policies summarised by service (the console's "Resource summary"), and
 * the function's resource-based policy (GetPolicy's JSON) as rows of statements. Pure functions.
 */

/** One policy of the execution role, with its JSON document (already URL-decoded). */
export interface RolePolicy {
  name: string
  /** 'inline' (PutRolePolicy), 'aws-managed' or 'managed' (customer managed). */
  type: 'inline' | 'aws-managed' | 'managed'
  arn?: string
  document: string
}

/** What a service's row in the resource summary lists. */
export interface ServiceSummary {
  /** The action prefix (`logs`, `dynamodb`, `*` for every service). */
  service: string
  /** The console's name for it ("Amazon CloudWatch Logs"). */
  label: string
  /** Allowed actions, as written (`logs:CreateLogGroup`, `dynamodb:*`, `All actions except s3:Delete*`). */
  allowed: string[]
  /** Explicitly denied actions. */
  denied: string[]
  /** The resources the statements name for this service. */
  resources: string[]
  /** The policies the statements come from. */
  policies: string[]
  /** Some statements have conditions. */
  conditional: boolean
}

const SERVICE_LABELS: Record<string, string> = {
  '*': 'All services',
  logs: 'Amazon CloudWatch Logs',
  cloudwatch: 'Amazon CloudWatch',
  dynamodb: 'Amazon DynamoDB',
  s3: 'Amazon S3',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  events: 'Amazon EventBridge',
  lambda: 'AWS Lambda',
  iam: 'AWS Identity and Access Management',
  sts: 'AWS Security Token Service',
  xray: 'AWS X-Ray',
  ec2: 'Amazon EC2',
  kms: 'AWS Key Management Service',
}

export function serviceLabel(prefix: string): string {
  return SERVICE_LABELS[prefix] ?? prefix
}

const list = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

function statementsOf(doc: unknown): Record<string, unknown>[] {
  if (!doc || typeof doc !== 'object') return []
  const s = (doc as { Statement?: unknown }).Statement
  const arr = Array.isArray(s) ? s : s && typeof s === 'object' ? [s] : []
  return arr.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x))
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `dynamodb:PutItem` → `dynamodb`; `*` → `*`. */
function prefixOf(action: string): string {
  const i = action.indexOf(':')
  return i < 0 ? '*' : action.slice(0, i).toLowerCase()
}

/**
 * The console's "Resource summary": every service the role's policies name, with the actions they
 * allow (and deny), the resources, and the policies they come from. Ordered by service name, `*` first.
 */
export function resourceSummary(policies: readonly RolePolicy[]): ServiceSummary[] {
  const by = new Map<string, ServiceSummary>()
  const row = (service: string): ServiceSummary => {
    let r = by.get(service)
    if (!r) {
      r = {
        service,
        label: serviceLabel(service),
        allowed: [],
        denied: [],
        resources: [],
        policies: [],
        conditional: false,
      }
      by.set(service, r)
    }
    return r
  }
  const add = (arr: string[], v: string) => {
    if (!arr.includes(v)) arr.push(v)
  }
  for (const p of policies) {
    for (const st of statementsOf(parse(p.document))) {
      const deny = st.Effect === 'Deny'
      const resources =
        st.NotResource !== undefined ? list(st.NotResource).map((r) => `All resources except ${r}`) : list(st.Resource)
      const conditional = !!st.Condition && typeof st.Condition === 'object' && Object.keys(st.Condition).length > 0
      const entries: [string, string][] =
        st.NotAction !== undefined
          ? [['*', `All actions except ${list(st.NotAction).join(', ')}`]]
          : list(st.Action).map((a) => [prefixOf(a), a])
      for (const [service, action] of entries) {
        const r = row(service)
        add(deny ? r.denied : r.allowed, action)
        for (const res of resources) add(r.resources, res)
        add(r.policies, p.name)
        if (conditional) r.conditional = true
      }
    }
  }
  return [...by.values()].sort((a, b) =>
    a.service === '*' ? -1 : b.service === '*' ? 1 : a.label.localeCompare(b.label, 'en'),
  )
}

/** One statement of a function's resource-based policy, as the console lists it. */
export interface ResourceStatement {
  sid: string
  effect: string
  /** `s3.amazonaws.com`, `arn:aws:iam::111122223333:root`, `*`. */
  principal: string
  action: string
  resource: string
  /** Each condition: operator, key, values (`ArnLike`, `AWS:SourceArn`, `arn:aws:s3:::orders`). */
  conditions: { operator: string; key: string; values: string[] }[]
}

function principalText(p: unknown): string {
  if (typeof p === 'string') return p
  if (!p || typeof p !== 'object') return ''
  const parts: string[] = []
  for (const [, v] of Object.entries(p as Record<string, unknown>)) parts.push(...list(v))
  return parts.join(', ')
}

/** GetPolicy's `Policy` text → its statements; an unreadable policy gives none. */
export function resourcePolicyStatements(policyText: string): ResourceStatement[] {
  return statementsOf(parse(policyText)).map((st) => {
    const conditions: ResourceStatement['conditions'] = []
    const c = st.Condition
    if (c && typeof c === 'object' && !Array.isArray(c)) {
      for (const [operator, block] of Object.entries(c as Record<string, unknown>)) {
        if (!block || typeof block !== 'object') continue
        for (const [key, values] of Object.entries(block as Record<string, unknown>))
          conditions.push({ operator, key, values: list(values) })
      }
    }
    return {
      sid: typeof st.Sid === 'string' ? st.Sid : '',
      effect: typeof st.Effect === 'string' ? st.Effect : '',
      principal: principalText(st.Principal),
      action: list(st.Action).join(', '),
      resource: list(st.Resource).join(', '),
      conditions,
    }
  })
}

/** IAM returns policy documents URL-encoded (RFC 3986), as AWS does; a plain JSON text is kept. */
export function decodePolicyDocument(text: string): string {
  if (text.trimStart().startsWith('{')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The role's name from its ARN (`arn:aws:iam::123456789012:role/service-role/x-role-abc` → `x-role-abc`). */
export function roleNameFromArn(arn: string): string {
  const i = arn.lastIndexOf('/')
  return i < 0 ? arn : arn.slice(i + 1)
}

/** Pretty JSON for display (the text as it is when it does not parse). */
export function prettyJson(text: string): string {
  const v = parse(text)
  return v === undefined ? text : JSON.stringify(v, null, 2)
}
