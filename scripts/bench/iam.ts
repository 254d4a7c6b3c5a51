// The IAM section of `npm run bench` (`npm run bench:iam` alone): decisions per second on the
// course's lab policies, with same-run baselines (so the figure means something on a busy machine):
//   - baseline A: JSON.parse of a small request-sized document (what any gateway call pays anyway);
//   - baseline B: a decision against one policy without conditions;
//   - lab 1: a Lambda execution role with AWSLambdaBasicExecutionRole + an inline
//     dynamodb:PutItem policy, asked for PutItem (allowed), PutLogEvents (allowed) and
//     DeleteItem (implicitly denied), through the Authorizer the gateway calls;
//   - lab 2: a function's resource-based policy with SourceArn/SourceAccount conditions, asked
//     by s3.amazonaws.com (allowed, then denied for another bucket);
//   - the denied call again with its explanation built (what the UI shows), for scale.
// Target (issue 13): >= 100,000 decisions/s on the lab policies.
import { createIam } from '../../src/aws/iam/index.ts'
import type { AuthorizationQuestion, Principal } from '../../src/aws/types.ts'
import { rate } from './measure.ts'

const ACCOUNT = '123456789012'
const iam = createIam({ accountId: ACCOUNT, region: 'us-east-1' })
const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`

// The lab's role, built through the store's own operations (as a learner would, minus the wire).
iam.store.roles.set('orders-role', {
  name: 'orders-role',
  id: iam.store.newId('AROA'),
  path: '/',
  created: Date.now(),
  trust: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  maxSessionDuration: 3600,
  tags: [],
  inline: [
    {
      name: 'put-orders',
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: table }],
      }),
    },
  ],
  attached: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
})
iam.store.touch()

const session: Principal = {
  kind: 'assumed-role',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/orders-role/place-order`,
  accountId: ACCOUNT,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/orders-role`,
  roleName: 'orders-role',
  sessionName: 'place-order',
}
const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbnail`
const functionPolicy = {
  Version: '2012-10-17',
  Id: 'default',
  Statement: [
    {
      Sid: 's3-invoke',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: fn,
      Condition: {
        StringEquals: { 'AWS:SourceAccount': ACCOUNT },
        ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' },
      },
    },
  ],
}

const q = (over: Partial<AuthorizationQuestion>): AuthorizationQuestion => ({
  principal: session,
  action: 'dynamodb:PutItem',
  resource: table,
  context: {},
  resourceAccount: ACCOUNT,
  ...over,
})
const lab1 = [
  q({}),
  q({
    action: 'logs:PutLogEvents',
    resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/place-order:log-stream:x`,
  }),
  q({ action: 'dynamodb:DeleteItem' }),
]
const s3 = (bucket: string): Principal => ({
  kind: 'service',
  service: 's3.amazonaws.com',
  sourceArn: `arn:aws:s3:::${bucket}`,
  sourceAccount: ACCOUNT,
})
const lab2 = [
  q({ principal: s3('uploads'), action: 'lambda:InvokeFunction', resource: fn, resourcePolicy: functionPolicy }),
  q({ principal: s3('photos'), action: 'lambda:InvokeFunction', resource: fn, resourcePolicy: functionPolicy }),
]
const simple = [
  q({
    principal: { kind: 'service', service: 'sns.amazonaws.com' },
    action: 'sqs:SendMessage',
    resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }],
    },
  }),
]

export function benchIam(): void {
  // Sanity: the lab decisions are what the lab expects.
  const expect = (cond: boolean, what: string) => {
    if (!cond) throw new Error(`bench setup wrong: ${what}`)
  }
  expect(iam.authorizer.authorize(lab1[0]).allowed, 'PutItem allowed')
  expect(iam.authorizer.authorize(lab1[1]).allowed, 'PutLogEvents allowed')
  expect(!iam.authorizer.authorize(lab1[2]).allowed, 'DeleteItem denied')
  expect(iam.authorizer.authorize(lab2[0]).allowed, 's3 from uploads allowed')
  expect(!iam.authorizer.authorize(lab2[1]).allowed, 's3 from photos denied')

  const small = JSON.stringify({ TableName: 'orders', Item: { id: { S: 'o-1' }, total: { N: '42' } } })
  const results: [string, number][] = [
    ['baseline A: JSON.parse of a small request', rate(50_000, 9, () => JSON.parse(small))],
    ['baseline B: one policy, no conditions', rate(50_000, 9, () => iam.authorizer.authorize(simple[0]).allowed)],
    [
      'lab 1: execution role (managed + inline), 3 calls',
      rate(50_000, 9, (i) => iam.authorizer.authorize(lab1[i % 3]).allowed),
    ],
    [
      'lab 2: function policy, SourceArn/SourceAccount',
      rate(50_000, 9, (i) => iam.authorizer.authorize(lab2[i % 2]).allowed),
    ],
    [
      'denied + explanation built',
      rate(5_000, 5, () => iam.authorizer.authorize(lab1[2]).explanation.summary.length > 0),
    ],
  ]

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12)
  console.log('(g) IAM decisions per second (median of batches, this machine, this run)')
  for (const [name, r] of results) console.log(`${fmt(r)}/s  ${name}`)
  const lab = Math.min(results[2][1], results[3][1])
  console.log(
    `\nlab policies: ${fmt(lab).trim()} decisions/s (target >= 100,000: ${lab >= 100_000 ? 'met' : 'NOT met'}); ` +
      `${(results[0][1] / lab).toFixed(2)}x the time of a JSON.parse of a small request`,
  )
}
