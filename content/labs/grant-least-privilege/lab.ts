import { defineLab, functionPermissionFile, rolePolicyFile, type LabTestContext } from '../../../src/labs/define.ts'
import type { InvokeAnswer, LabAccountHandle } from '../../../src/labs/types.ts'

const TABLE = 'Orders'
const BUCKET = 'kettle-order-uploads'
const ROLE = 'place-order-role'
const POLICY_FILE = 'execution-role-policy.json'
const PERMISSION_FILE = 's3-permission.json'
/** An account that is not the learner's (the AWS documentation's example account). */
const OTHER_ACCOUNT = '444455556666'

/** The account of a check: every check of this lab has one. */
function account(t: LabTestContext): LabAccountHandle {
  if (!t.aws) return t.fail('This lab needs the simulated AWS account, and the checks were given none.')
  return t.aws
}

/** "Denied, because …": IAM's explanation of a decision, and AWS's own message when it denied. */
function because(a: InvokeAnswer): string | undefined {
  const summary = (a.explanation as { summary?: unknown } | undefined)?.summary
  const parts = [typeof summary === 'string' ? summary : '', a.error ? `${a.error.name}: ${a.error.message}` : '']
  const text = parts.filter(Boolean).join('\n')
  return text || undefined
}

/** The decisions IAM's policy simulator gives the function's role for `actions` on `resource`. */
async function simulate(t: LabTestContext, actions: string[], resource: string): Promise<Map<string, string>> {
  const aws = account(t)
  const out = (await aws.send('iam', 'SimulatePrincipalPolicy', {
    PolicySourceArn: aws.roleArn,
    ActionNames: actions,
    ResourceArns: [resource],
  })) as { EvaluationResults?: { EvalActionName?: string; EvalDecision?: string }[] }
  return new Map((out.EvaluationResults ?? []).map((r) => [r.EvalActionName ?? '', r.EvalDecision ?? '']))
}

const allowed = (decisions: Map<string, string>) =>
  [...decisions].filter(([, decision]) => decision === 'allowed').map(([action]) => action)

const list = (items: string[]) => items.slice(0, 4).join(', ') + (items.length > 4 ? ', …' : '')

/** The question S3 asks before it invokes the function, from `bucket` in `sourceAccount`. */
const fromBucket = (t: LabTestContext, bucket: string, sourceAccount: string) =>
  t.mayInvoke({ service: 's3.amazonaws.com', sourceArn: `arn:aws:s3:::${bucket}`, sourceAccount })

export default defineLab({
  id: 'grant-least-privilege',
  title: 'Grant least privilege: an execution role and an S3 trigger',
  lesson: 'permissions',
  summary:
    'Read an AccessDeniedException, give place-order exactly dynamodb:PutItem on the Orders table, then let one S3 bucket, in your account only, invoke it.',
  instructions: `### Goal

\`place-order\` saves each order in the DynamoDB table \`${TABLE}\` with the AWS SDK
(\`PutItemCommand\`). The code is fine. The function's execution role, \`${ROLE}\`, is not:
it can read the table but not write to it. You will grant exactly what the code needs, and
then let the S3 bucket \`${BUCKET}\` invoke the function.

This lab runs in a simulated AWS account (account \`123456789012\`, Region \`us-east-1\`), with the
table, the bucket and the role already created. Two files in the editor configure it, and they
are applied before each **Run** and each check:

- \`${POLICY_FILE}\` is the role's inline permissions policy (as \`aws iam put-role-policy\` sends it).
  The role also has the AWS managed policy \`AWSLambdaBasicExecutionRole\`, for its logs.
- \`${PERMISSION_FILE}\` is one statement of the function's resource-based policy, written as the
  input of \`aws lambda add-permission --cli-input-json\`. \`FunctionName\` is filled in for you.

### Steps

1. **Run** the function with the \`place-order\` event. It fails: read the error in the Result.
   It names the caller (the role's session), the action, the table's ARN, and why IAM said no.
2. Fix \`${POLICY_FILE}\` so the function may do what it does, and nothing else: one action, on one
   table. Run again: the order is saved.
3. Orders will also arrive as files uploaded to \`${BUCKET}\`, so S3 must be allowed to invoke the
   function. \`${PERMISSION_FILE}\` lets the S3 service in, but from **any** bucket, in any account.
   Limit it to \`${BUCKET}\` in your own account.
4. **Run checks**.

### Done when

The order is written, the role allows \`dynamodb:PutItem\` on \`${TABLE}\` and nothing more (no
\`dynamodb:*\`, no \`"Resource": "*"\`, no wildcard that also matches other tables), and only
\`${BUCKET}\`, owned by your account, may invoke the function through S3.`,
  function: {
    Handler: 'index.handler',
    Runtime: 'nodejs24.x',
    MemorySize: 256,
    Timeout: 5,
    Environment: { Variables: { TABLE_NAME: TABLE } },
  },
  account: {
    resources: [
      {
        service: 'dynamodb',
        operation: 'CreateTable',
        input: {
          TableName: TABLE,
          AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
        ignore: ['ResourceInUseException'],
      },
      {
        service: 's3',
        operation: 'CreateBucket',
        input: { Bucket: BUCKET },
        ignore: ['BucketAlreadyOwnedByYou'],
      },
    ],
    role: {
      name: ROLE,
      managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
    files: {
      [POLICY_FILE]: rolePolicyFile('place-order-permissions'),
      [PERMISSION_FILE]: functionPermissionFile(),
    },
  },
  events: [
    { name: 'place-order', payload: { orderId: 'ord-1001', product: 'teapot-blue', quantity: 2 } },
    { name: 'place-order-mugs', payload: { orderId: 'ord-1002', product: 'mug-classic', quantity: 6 } },
  ],
  hints: [
    'Run the function and read the whole error message: it says **who** was refused, **which action**, **on which resource**, and **why** ("no identity-based policy allows…"). Everything you need to write is in it.',
    `The action is \`dynamodb:PutItem\` and the resource is the table's ARN, \`arn:aws:dynamodb:us-east-1:123456789012:table/${TABLE}\`. Put them in \`${POLICY_FILE}\`, in place of what is there: the function never reads the table, so it doesn't need \`dynamodb:GetItem\` either.`,
    `For S3: the service principal \`s3.amazonaws.com\` alone stands for every bucket in every AWS account. Add \`"SourceArn"\` (which bucket: \`arn:aws:s3:::${BUCKET}\`) and \`"SourceAccount"\` (whose bucket: bucket ARNs have no account ID) to \`${PERMISSION_FILE}\`.`,
    `The two files, nearly as they should be:

\`\`\`json
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:PutItem",
      "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/${TABLE}" }
  ]
}
\`\`\`

\`\`\`json
{
  "StatementId": "order-uploads",
  "Action": "lambda:InvokeFunction",
  "Principal": "s3.amazonaws.com",
  "SourceArn": "arn:aws:s3:::${BUCKET}",
  "SourceAccount": "123456789012"
}
\`\`\``,
  ],
  checks: [
    {
      name: 'Saves the order in the Orders table',
      async run(t) {
        const aws = account(t)
        // An order the learner never sees, so the item read back can only come from this check.
        const orderId = `ord-check-${Math.floor(Math.random() * 1e9).toString(36)}`
        const order = { orderId, product: 'kettle-copper', quantity: 3 }
        const r = await t.invoke(order)
        if (r.error?.errorType === 'AccessDeniedException')
          t.fail(
            `The function is still refused: its role may not write to the ${TABLE} table. In ${POLICY_FILE}, allow the action the error names (dynamodb:PutItem) on the table's ARN.`,
            r.error.errorMessage,
          )
        t.expect.succeeded(r, `it received the order ${JSON.stringify(order)}`)
        const got = (await aws.send('dynamodb', 'GetItem', {
          TableName: TABLE,
          Key: { orderId: { S: orderId } },
          ConsistentRead: true,
        })) as { Item?: Record<string, { S?: string; N?: string }> }
        t.expect.ok(
          got.Item?.product?.S === order.product && got.Item?.quantity?.N === String(order.quantity),
          `The function answered, but the order ${orderId} is not in the ${TABLE} table. Keep place-order's code as it was: it writes the order with PutItemCommand.`,
          `GetItem returned ${JSON.stringify(got.Item ?? null)}.`,
        )
      },
    },
    {
      name: 'The role allows dynamodb:PutItem on the Orders table, and nothing more',
      async run(t) {
        const aws = account(t)
        const table = `arn:aws:dynamodb:${aws.region}:${aws.accountId}:table/${TABLE}`
        const own = await simulate(t, ['dynamodb:PutItem'], table)
        t.expect.ok(
          own.get('dynamodb:PutItem') === 'allowed',
          `The role does not allow dynamodb:PutItem on ${table}. Add that action, on that ARN, to ${POLICY_FILE}.`,
        )
        const elsewhere = allowed(
          await simulate(
            t,
            ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage', 'iam:PassRole', 'lambda:InvokeFunction'],
            '*',
          ),
        )
        if (elsewhere.length)
          t.fail(
            `The role allows actions outside DynamoDB (${list(elsewhere)}), which place-order never calls. An "Action": "*" (or a service wildcard) grants far more than the code needs: name "dynamodb:PutItem" alone.`,
          )
        const extra = allowed(
          await simulate(
            t,
            [
              'dynamodb:GetItem',
              'dynamodb:DeleteItem',
              'dynamodb:UpdateItem',
              'dynamodb:Scan',
              'dynamodb:Query',
              'dynamodb:BatchWriteItem',
              'dynamodb:DeleteTable',
              'dynamodb:PutResourcePolicy',
            ],
            table,
          ),
        )
        if (extra.length)
          t.fail(
            `The role also allows ${list(extra)} on the ${TABLE} table, and place-order only writes items. Name the one action it needs, "dynamodb:PutItem", instead of "dynamodb:*" or a list with more in it.`,
          )
        const others = [
          `arn:aws:dynamodb:${aws.region}:${aws.accountId}:table/Customers`,
          `arn:aws:dynamodb:${aws.region}:${aws.accountId}:table/${TABLE}-archive`,
          `arn:aws:dynamodb:eu-west-1:${aws.accountId}:table/${TABLE}`,
          `arn:aws:dynamodb:${aws.region}:${OTHER_ACCOUNT}:table/${TABLE}`,
        ]
        for (const arn of others) {
          const d = await simulate(t, ['dynamodb:PutItem'], arn)
          if (d.get('dynamodb:PutItem') === 'allowed')
            t.fail(
              `The role lets the function write to tables other than ${TABLE}: it may put items in ${arn}. Give "Resource" the table's full ARN, ${table}, rather than "*" or a wildcard.`,
            )
        }
      },
    },
    {
      name: 'S3 may invoke the function for uploads to kettle-order-uploads',
      async run(t) {
        const aws = account(t)
        const a = await fromBucket(t, BUCKET, aws.accountId)
        t.expect.ok(
          a.allowed,
          `S3 may not invoke the function for ${BUCKET}: the function's resource-based policy has no statement that lets it. In ${PERMISSION_FILE}, allow "lambda:InvokeFunction" for the principal "s3.amazonaws.com", with "SourceArn": "arn:aws:s3:::${BUCKET}" and "SourceAccount": "${aws.accountId}".`,
          because(a),
        )
      },
    },
    {
      name: 'No other bucket or account may invoke it through S3',
      async run(t) {
        const aws = account(t)
        const own = await fromBucket(t, BUCKET, aws.accountId)
        t.expect.ok(
          own.allowed,
          `First let S3 invoke the function for ${BUCKET} (the check before this one); then this check makes sure nothing else can.`,
          because(own),
        )
        const otherBucket = await fromBucket(t, 'someone-elses-uploads', OTHER_ACCOUNT)
        t.expect.ok(
          !otherBucket.allowed,
          `Any S3 bucket, in any AWS account, may invoke your function: the principal "s3.amazonaws.com" alone stands for all of S3. Add "SourceArn": "arn:aws:s3:::${BUCKET}" to ${PERMISSION_FILE}.`,
          because(otherBucket),
        )
        const yourOtherBucket = await fromBucket(t, 'kettle-invoices', aws.accountId)
        t.expect.ok(
          !yourOtherBucket.allowed,
          `Every bucket in your account may invoke the function, not only ${BUCKET}. Add "SourceArn": "arn:aws:s3:::${BUCKET}" to ${PERMISSION_FILE}.`,
          because(yourOtherBucket),
        )
        const sameNameElsewhere = await fromBucket(t, BUCKET, OTHER_ACCOUNT)
        t.expect.ok(
          !sameNameElsewhere.allowed,
          `A bucket named ${BUCKET} owned by another account (${OTHER_ACCOUNT}) may invoke your function: a bucket ARN has no account ID in it, and if you ever delete the bucket, anyone can create one with its name. Add "SourceAccount": "${aws.accountId}" to ${PERMISSION_FILE}.`,
          because(sameNameElsewhere),
        )
      },
    },
  ],
})
