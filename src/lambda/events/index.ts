// Sample test events for the playground's event picker, named like
// `sam local generate-event <service> <event>`.
//
// Each event has the same shape as the SAM CLI's template for that name (same keys, nesting and
// JSON value types; checked by events.test.ts against ../shared/reference/sam-events), filled
// with our own values for the course's example shop, Kettle & Co. (mugs and teapots).
// Where a template's map holds user data (query strings, stage variables, message attributes,
// item attributes…) our keys are the shop's own; everything else keeps the template's keys.
// Pure data: no DOM, no Node APIs (btoa and Date exist in browsers, workers and Node).
//
// The SAM CLI has no template for a Cognito user pool trigger, the most common Cognito event a
// function receives. `cognito-user-pool pre-sign-up` follows the shape in the Cognito developer
// guide instead, and its type is checked against @types/aws-lambda (PreSignUpTriggerEvent).
import { context, type Ctx } from './context.ts'
import { alb, httpApi, restProxy } from './http.ts'
import { s3, sns, sqs } from './messaging.ts'
import { dynamodb, kinesis } from './streams.ts'
import { alexa, cfnCreate, cloudfront, cognitoPreSignUp, cognitoSync, lex, lexV2, scheduled } from './other-services.ts'
import type { Invocation, SampleEvent, SampleEventGroup, SampleEventOptions } from './types.ts'

export type { Invocation, SampleEvent, SampleEventGroup, SampleEventOptions } from './types.ts'
export { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME } from './context.ts'

// ---- Registry -------------------------------------------------------------------------------

const SERVICE_LABELS: Record<string, string> = {
  apigateway: 'Amazon API Gateway',
  alb: 'Application Load Balancer',
  s3: 'Amazon S3',
  sns: 'Amazon SNS',
  sqs: 'Amazon SQS',
  dynamodb: 'Amazon DynamoDB Streams',
  kinesis: 'Amazon Kinesis Data Streams',
  cloudwatch: 'Amazon EventBridge (CloudWatch Events)',
  cloudformation: 'AWS CloudFormation',
  cloudfront: 'Amazon CloudFront (Lambda@Edge)',
  'cognito-user-pool': 'Amazon Cognito user pools',
  cognito: 'Amazon Cognito Sync',
  'alexa-skills-kit': 'Alexa Skills Kit',
  'lex-v2': 'Amazon Lex V2',
  lex: 'Amazon Lex V1',
}

const sample = (
  service: string,
  event: string,
  label: string,
  invocation: Invocation,
  description: string,
  make: (c: Ctx) => unknown,
): SampleEvent =>
  Object.freeze({
    service,
    event,
    label,
    invocation,
    description,
    build: (opts?: SampleEventOptions) => make(context(opts)),
  })

export const sampleEvents: readonly SampleEvent[] = Object.freeze([
  sample(
    'apigateway',
    'aws-proxy',
    'API Gateway REST (aws-proxy)',
    'sync',
    'A REST API with Lambda proxy integration: a shopper adds two mugs to a cart. Return { statusCode, headers, body }.',
    restProxy,
  ),
  sample(
    'apigateway',
    'http-api-proxy',
    'API Gateway HTTP API (http-api-proxy)',
    'sync',
    'An HTTP API (payload format 2.0) with a JWT authorizer: a shopper reviews a teapot.',
    httpApi,
  ),
  sample(
    'alb',
    'request',
    'Application Load Balancer (request)',
    'sync',
    'An ALB target group request: the stock page asks how many blue mugs are left.',
    alb,
  ),
  sample(
    's3',
    'put',
    'S3 object created (put)',
    'async',
    'A product photo was uploaded to the images bucket. The object key is URL-encoded.',
    (c) =>
      s3(c, 'ObjectCreated:Put', {
        key: 'mugs/stoneware-blue.jpg',
        size: 48213,
        eTag: 'd41c7a0e5f3b9a8c6e2d1f0a9b8c7d6e',
      }),
  ),
  sample(
    's3',
    'delete',
    'S3 object deleted (delete)',
    'async',
    'An old product photo was deleted from the images bucket.',
    (c) => s3(c, 'ObjectRemoved:Delete', { key: 'teapots/cast-iron-1l-old.jpg' }),
  ),
  sample(
    'sns',
    'notification',
    'SNS notification',
    'async',
    'A message published to the order-events topic. Message is a string: JSON.parse it yourself.',
    sns,
  ),
  sample(
    'sqs',
    'receive-message',
    'SQS messages (receive-message)',
    'poll',
    'A batch of two order messages that Lambda polled from the orders queue. Each body is a string.',
    sqs,
  ),
  sample(
    'dynamodb',
    'update',
    'DynamoDB stream (update)',
    'poll',
    'Stream records for a product item: inserted, stock changed from 40 to 38, removed. Values are typed ({ "N": "38" }).',
    dynamodb,
  ),
  sample(
    'kinesis',
    'get-records',
    'Kinesis records (get-records)',
    'poll',
    'Two clickstream records from a shard. Each data field is base64: decode it, then JSON.parse.',
    kinesis,
  ),
  sample(
    'cloudwatch',
    'scheduled-event',
    'EventBridge schedule (scheduled-event)',
    'async',
    'A scheduled rule fires the nightly stock report.',
    scheduled,
  ),
  sample(
    'cloudformation',
    'create-request',
    'CloudFormation custom resource (create-request)',
    'async',
    'A custom resource is being created with the stack. Your function must PUT its result to ResponseURL.',
    cfnCreate,
  ),
  sample(
    'cloudfront',
    'modify-querystring',
    'CloudFront viewer request (modify-querystring)',
    'sync',
    'A Lambda@Edge viewer request for the teapots page, with a query string to rewrite.',
    cloudfront,
  ),
  sample(
    'cognito-user-pool',
    'pre-sign-up',
    'Cognito user pool pre sign-up (pre-sign-up)',
    'sync',
    "A shopper signs up for an account. Return the event to let the sign-up go on (set response.autoConfirmUser to skip the confirmation code), or throw to refuse it. Not a SAM CLI template: shaped like the Cognito developer guide's.",
    cognitoPreSignUp,
  ),
  sample(
    'cognito',
    'sync-trigger',
    'Cognito Sync trigger (sync-trigger)',
    'sync',
    "A shopper's synced preferences changed (Cognito Sync, a legacy service). Return the event to accept the changes.",
    cognitoSync,
  ),
  sample(
    'alexa-skills-kit',
    'start-session',
    'Alexa skill launch (start-session)',
    'sync',
    'Someone said "Alexa, open Kettle tea timer": a LaunchRequest that starts a new session.',
    alexa,
  ),
  sample(
    'lex-v2',
    'book-car',
    'Lex V2 dialog code hook (book-car)',
    'sync',
    "A Lex V2 bot asks your code what to do next while a shopper books a tea tasting (shaped like the SAM CLI's book-car template). Answer with a sessionState and a dialogAction.",
    lexV2,
  ),
  sample(
    'lex',
    'make-appointment',
    'Lex V1 dialog hook (make-appointment)',
    'sync',
    'A Lex V1 bot asks your code to validate a tasting booking (Lex V1 was retired on 15 September 2025).',
    lex,
  ),
])

const GROUP_ORDER = Object.keys(SERVICE_LABELS)

/** The samples grouped by service, in a stable order, for a grouped picker (<optgroup>). */
export const sampleEventGroups: readonly SampleEventGroup[] = Object.freeze(
  GROUP_ORDER.map((service) =>
    Object.freeze({
      service,
      label: SERVICE_LABELS[service],
      events: Object.freeze(sampleEvents.filter((e) => e.service === service)),
    }),
  ).filter((g) => g.events.length > 0),
)

/** The id a picker can use as an option value: "<service> <event>", as on the SAM CLI's command line. */
export const sampleEventId = (e: Pick<SampleEvent, 'service' | 'event'>): string => `${e.service} ${e.event}`

export function findSampleEvent(service: string, event: string): SampleEvent | undefined {
  return sampleEvents.find((e) => e.service === service && e.event === event)
}
