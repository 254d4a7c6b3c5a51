/** The account e2e/account-ui.spec.ts saves before loading the playground (an AccountSnapshot without credentials). */
const ACCOUNT = '123456789012'
const ROLE = 'playground-default-role-e2etest1'
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:playground-default`
const T = 1796690000000

/** An inline policy whose one DynamoDB statement names another table: the "closest" statement. */
export const APP_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ArchiveOnly',
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/archive`,
      },
    ],
  },
  null,
  2,
)

export const SEEDED_ROLE = ROLE

export const SEEDED_SNAPSHOT = {
  version: 1,
  accountId: ACCOUNT,
  region: 'us-east-1',
  services: {
    iam: {
      version: 1,
      accountId: ACCOUNT,
      seq: 10,
      roles: [
        {
          name: ROLE,
          id: 'AROATCAAJJE64PP3WIQ5I',
          path: '/service-role/',
          created: T,
          trust: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
          maxSessionDuration: 3600,
          tags: [],
          inline: [{ name: 'orders-app', document: APP_POLICY }],
          attached: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
      ],
      users: [],
      policies: [],
    },
    dynamodb: {
      version: 1,
      tables: [
        {
          TableName: 'orders',
          TableId: 'b340aee2-8b0f-419e-8ff8-65896a98a0f4',
          CreatedAt: T,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          DeletionProtectionEnabled: false,
          TableClass: 'STANDARD',
          Tags: [],
          Items: [],
        },
      ],
    },
    lambda: {
      policies: {
        'playground-default': {
          statements: [
            {
              Sid: 's3-invoke',
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'lambda:InvokeFunction',
              Resource: FN_ARN,
              Condition: {
                StringEquals: { 'AWS:SourceAccount': ACCOUNT },
                ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::orders-uploads' },
              },
            },
          ],
          revisionId: '96be6a01-f6f3-42ed-b39e-e2047c9dce8f',
        },
      },
    },
  },
}

export const ORDER_HANDLER = `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'

const ddb = new DynamoDBClient({})

export const handler = async (event) => {
  await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: String(event.id ?? 'o-1') } } }))
  return { saved: true }
}
`
