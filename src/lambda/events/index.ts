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
import type { LexV2Event, PreSignUpTriggerEvent } from 'aws-lambda'

/** How the service calls Lambda: it waits for the result, queues the event, or Lambda polls it. */
export type Invocation = 'sync' | 'async' | 'poll'

export interface SampleEventOptions {
  /** AWS Region, default `us-east-1`. */
  region?: string
  /** 12-digit account id, default `123456789012`. */
  accountId?: string
  /** Event time in epoch milliseconds (e.g. the virtual clock), default 2025-06-12T09:41:27.512Z. */
  time?: number
}

export interface SampleEvent {
  /** `sam local generate-event` service name, e.g. `apigateway`. */
  service: string
  /** `sam local generate-event` event name, e.g. `aws-proxy`. */
  event: string
  /** Short name for a picker, e.g. "API Gateway REST (aws-proxy)". */
  label: string
  /** One or two sentences on when this event arrives. */
  description: string
  invocation: Invocation
  /** A fresh event object each call. Throws an Error with a clear message on a bad region or account id. */
  build(opts?: SampleEventOptions): unknown
}

export interface SampleEventGroup {
  service: string
  /** The service's name for a group heading, e.g. "Amazon API Gateway". */
  label: string
  events: readonly SampleEvent[]
}

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_TIME = Date.UTC(2025, 5, 12, 9, 41, 27, 512)

interface Ctx {
  /** region */ r: string
  /** account id */ a: string
  /** partition */ p: string
  /** DNS suffix */ d: string
  /** epoch ms */ t: number
}

function context(opts: SampleEventOptions = {}): Ctx {
  const r = opts.region ?? DEFAULT_REGION
  const a = opts.accountId ?? DEFAULT_ACCOUNT_ID
  const t = opts.time ?? DEFAULT_TIME
  if (typeof r !== 'string' || !/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/.test(r)) {
    throw new Error(`A sample event needs an AWS Region such as "us-east-1"; got ${JSON.stringify(r)}.`)
  }
  if (typeof a !== 'string' || !/^\d{12}$/.test(a)) {
    throw new Error(`A sample event needs a 12-digit AWS account id such as "123456789012"; got ${JSON.stringify(a)}.`)
  }
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 253402300799999) {
    throw new Error(`A sample event needs a time in epoch milliseconds between 0 and year 9999; got ${String(t)}.`)
  }
  const p = r.startsWith('cn-') ? 'aws-cn' : r.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
  return { r, a, p, d: p === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', t: Math.floor(t) }
}

const iso = (t: number) => new Date(t).toISOString()
/** ISO 8601 without milliseconds: 2025-06-12T09:41:27Z */
const isoS = (t: number) => iso(t).slice(0, 19) + 'Z'
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
/** API Gateway's request time: 12/Jun/2025:09:41:27 +0000 */
function clf(t: number): string {
  const d = new Date(t)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}
const multi = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]))

const SHOPPER_IP = '203.0.113.24'
const BROWSER_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
const REST_API_ID = 'k9tl3xq2mw'
const HTTP_API_ID = 'r4v1ewz8sh'

// ---- API Gateway ---------------------------------------------------------------------------

function restProxy(c: Ctx) {
  const cart = 'c-7f3a9e'
  const path = `/carts/${cart}/items`
  const headers = {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate, br',
    'Accept-Language': 'en-US,en;q=0.9',
    'Cache-Control': 'no-cache',
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Is-Mobile-Viewer': 'false',
    'CloudFront-Is-SmartTV-Viewer': 'false',
    'CloudFront-Is-Tablet-Viewer': 'false',
    'CloudFront-Viewer-Country': 'US',
    Host: `${REST_API_ID}.execute-api.${c.r}.${c.d}`,
    'Upgrade-Insecure-Requests': '1',
    'User-Agent': BROWSER_UA,
    Via: '2.0 5d91c17922c61a450f4c15639643b0f6.cloudfront.net (CloudFront)',
    'X-Amz-Cf-Id': 'pTWM3fawsu7HWpddK7A0id0iZhDaRyXxL9IEmQvVepoEcAUu3sAQnx1G==',
    'X-Forwarded-For': `${SHOPPER_IP}, 130.176.98.17`,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  }
  return {
    body: JSON.stringify({ sku: 'MUG-STONE-BLUE', quantity: 2 }),
    resource: '/carts/{cartId}/items',
    path,
    httpMethod: 'POST',
    isBase64Encoded: false,
    queryStringParameters: { currency: 'USD' },
    multiValueQueryStringParameters: { currency: ['USD'] },
    pathParameters: { cartId: cart },
    stageVariables: { cartsTable: 'kettle-carts-prod' },
    headers,
    multiValueHeaders: multi(headers),
    requestContext: {
      accountId: c.a,
      resourceId: 'x7k2pq',
      stage: 'prod',
      requestId: 'e5185f4a-c34c-428e-9a24-41e370186ec8',
      requestTime: clf(c.t),
      requestTimeEpoch: c.t,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        sourceIp: SHOPPER_IP,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: BROWSER_UA,
        user: null,
      },
      path: `/prod${path}`,
      resourcePath: '/carts/{cartId}/items',
      httpMethod: 'POST',
      apiId: REST_API_ID,
      protocol: 'HTTP/1.1',
    },
  }
}

function httpApi(c: Ctx) {
  const sku = 'TPT-CAST-IRON-1L'
  const route = 'POST /products/{sku}/reviews'
  const path = `/products/${sku}/reviews`
  const domain = `${HTTP_API_ID}.execute-api.${c.r}.${c.d}`
  const body = JSON.stringify({ rating: 5, comment: 'Keeps a full pot hot through a long breakfast.' })
  return {
    version: '2.0',
    routeKey: route,
    rawPath: path,
    rawQueryString: 'notify=true',
    cookies: ['kc_session=3f9a1c7e0b', 'kc_currency=USD'],
    headers: {
      accept: 'application/json',
      'content-length': String(body.length),
      'content-type': 'application/json',
      host: domain,
      'user-agent': BROWSER_UA,
      'x-amzn-trace-id': 'Root=1-684aa0c7-2be34d42327ceb9465a1b2c3',
      'x-forwarded-for': SHOPPER_IP,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    queryStringParameters: { notify: 'true' },
    requestContext: {
      accountId: c.a,
      apiId: HTTP_API_ID,
      // Present only when the API uses mutual TLS.
      authentication: {
        clientCert: {
          clientCertPem:
            '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIUKettleAndCoPosTerminal07…\n-----END CERTIFICATE-----',
          subjectDN: 'CN=pos-terminal-07.kettleandco.example,O=Kettle & Co.',
          issuerDN: 'CN=Kettle & Co. Internal CA,O=Kettle & Co.',
          serialNumber: '3c:0f:9a:41:be:72:d5:08:6e:11:c4:93:2a:7d:e0:55',
          validity: { notBefore: 'Jan  6 00:00:00 2025 GMT', notAfter: 'Jan  6 00:00:00 2026 GMT' },
        },
      },
      authorizer: {
        jwt: {
          claims: {
            sub: 'cfb0c4b1-ca1e-4b09-9f53-aa35c6db766f',
            email: 'ada@example.com',
            iss: `https://cognito-idp.${c.r}.${c.d}/${c.r}_Kt7LeAbCd`,
            client_id: '4s7kettle0reviews0app0id2',
          },
          scopes: ['reviews/write'],
        },
      },
      domainName: domain,
      domainPrefix: HTTP_API_ID,
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: SHOPPER_IP, userAgent: BROWSER_UA },
      requestId: 'Kx2aBjHZoAMEJWQ=',
      routeKey: route,
      stage: '$default',
      time: clf(c.t),
      timeEpoch: c.t,
    },
    body,
    pathParameters: { sku },
    isBase64Encoded: false,
    stageVariables: { reviewsTable: 'kettle-reviews' },
  }
}

function alb(c: Ctx) {
  return {
    requestContext: {
      elb: {
        targetGroupArn: `arn:${c.p}:elasticloadbalancing:${c.r}:${c.a}:targetgroup/kettle-stock-api/6d0ecf831eec9f09`,
      },
    },
    httpMethod: 'GET',
    path: '/stock',
    queryStringParameters: { sku: 'MUG-STONE-BLUE' },
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip',
      'accept-language': 'en-US,en;q=0.9',
      connection: 'keep-alive',
      host: `kettle-shop-alb-1402381926.${c.r}.elb.${c.d}`,
      'upgrade-insecure-requests': '1',
      'user-agent': BROWSER_UA,
      'x-amzn-trace-id': 'Root=1-684aa0c7-4d0f7c3e8a9b1c2d3e4f5a6b',
      'x-forwarded-for': SHOPPER_IP,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      'x-imforwards': '20',
    },
    body: '',
    isBase64Encoded: false,
  }
}

// ---- S3, SNS, SQS, streams ----------------------------------------------------------------

function s3(c: Ctx, eventName: string, object: Record<string, string | number>) {
  const bucket = 'kettle-co-product-images'
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: c.r,
        eventTime: iso(c.t),
        eventName,
        userIdentity: { principalId: 'AWS:AIDAJDPLRKLG7UEXAMPLE' },
        requestParameters: { sourceIPAddress: SHOPPER_IP },
        responseElements: {
          'x-amz-request-id': 'C3D13FE58DE4C810',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'product-image-pipeline',
          bucket: {
            name: bucket,
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:${c.p}:s3:::${bucket}`,
          },
          object: { ...object, sequencer: '00684AA0C7A1B2C3D4' },
        },
      },
    ],
  }
}

function sns(c: Ctx) {
  const topic = `arn:${c.p}:sns:${c.r}:${c.a}:kettle-order-events`
  const subscription = `${topic}:03c27f63-efa7-457e-86ca-68985e249c61`
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscription,
        Sns: {
          Type: 'Notification',
          MessageId: '47314215-1cb4-4bdd-bfea-8b4704308b34',
          TopicArn: topic,
          Subject: 'Order KC-1042 shipped',
          Message: JSON.stringify({ orderId: 'KC-1042', status: 'SHIPPED', carrier: 'UPS', items: 3 }),
          Timestamp: iso(c.t),
          SignatureVersion: '1',
          Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j2+aE9lWFtAqD6bGJtIr/v6N8uQ==',
          SigningCertUrl: `https://sns.${c.r}.${c.d}/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
          UnsubscribeUrl: `https://sns.${c.r}.${c.d}/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
          MessageAttributes: {
            eventType: { Type: 'String', Value: 'OrderShipped' },
            warehouse: { Type: 'String', Value: 'PDX-1' },
          },
        },
      },
    ],
  }
}

// md5OfBody is the MD5 of the body (checked by the test).
const SQS_MESSAGES: [id: string, body: string, md5: string][] = [
  [
    'ef1227cb-0c67-42c5-9676-5410377771b4',
    '{"orderId":"KC-1042","sku":"MUG-STONE-BLUE","quantity":2}',
    '2034f557f7edfd1e4df089396046cd82',
  ],
  [
    '5c54fca6-449d-455e-999f-4ab5233669ef',
    '{"orderId":"KC-1043","sku":"TPT-CAST-IRON-1L","quantity":1}',
    '5bd649ec149b408ae06b659d62c6b118',
  ],
]

function sqs(c: Ctx) {
  return {
    Records: SQS_MESSAGES.map(([messageId, body, md5OfBody], i) => ({
      messageId,
      receiptHandle: `AQEB${i ? 'Xq2' : 'wJn'}KyrHigUMZj6rYigCgxlaS3SLy0a8Q9KettleCo+orders/Z3ieQ2l1dUl0ZW1z==`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(c.t - 40 + i),
        SenderId: 'AROAIWPX5BD2BHG722MW4:kettle-checkout',
        ApproximateFirstReceiveTimestamp: String(c.t + i),
      },
      messageAttributes: {},
      md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:${c.p}:sqs:${c.r}:${c.a}:kettle-orders`,
      awsRegion: c.r,
    })),
  }
}

function dynamodb(c: Ctx) {
  const s = Math.floor(c.t / 1000)
  const key = { productId: { N: '2041' } }
  const v1 = { productId: { N: '2041' }, name: { S: 'Stoneware mug, blue glaze' }, stock: { N: '40' } }
  const v2 = { ...v1, stock: { N: '38' } }
  const rec = (n: number, eventName: string, images: object, SizeBytes: number) => ({
    eventID: [
      'd95819cc7de343bb9368fd2647e02d27',
      '72c9e3030f7544528b69af8aa1935513',
      'c046d94a9b964b4d942ce9c6543a3878',
    ][n],
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: c.r,
    dynamodb: {
      Keys: key,
      ...images,
      ApproximateCreationDateTime: s + n * 60,
      SequenceNumber: `11400000000012345678${n}`,
      SizeBytes,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: `arn:${c.p}:dynamodb:${c.r}:${c.a}:table/kettle-products/stream/2025-06-01T08:00:00.000`,
  })
  return {
    Records: [
      rec(0, 'INSERT', { NewImage: v1 }, 58),
      rec(1, 'MODIFY', { NewImage: v2, OldImage: v1 }, 104),
      rec(2, 'REMOVE', { OldImage: v2 }, 58),
    ],
  }
}

function kinesis(c: Ctx) {
  const views: [string, string][] = [
    ['session-8f2c', 'TPT-CAST-IRON-1L'],
    ['session-51d0', 'MUG-STONE-BLUE'],
  ]
  return {
    Records: views.map(([session, sku], i) => {
      const seq = `4965662616642435871338901612840542747839637456738580889${8 + i}`
      return {
        kinesis: {
          partitionKey: session,
          kinesisSchemaVersion: '1.0',
          data: btoa(JSON.stringify({ type: 'product_view', session, sku, at: iso(c.t - 500 + i * 250) })),
          sequenceNumber: seq,
          approximateArrivalTimestamp: (c.t + i * 250) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventID: `shardId-000000000000:${seq}`,
        invokeIdentityArn: `arn:${c.p}:iam::${c.a}:role/kettle-clickstream-consumer`,
        eventVersion: '1.0',
        eventName: 'aws:kinesis:record',
        eventSourceARN: `arn:${c.p}:kinesis:${c.r}:${c.a}:stream/kettle-clickstream`,
        awsRegion: c.r,
      }
    }),
  }
}

// ---- Others ---------------------------------------------------------------------------------

function scheduled(c: Ctx) {
  return {
    id: '89167804-51d4-4326-a550-9fbb138a54b5',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: c.a,
    time: isoS(c.t),
    region: c.r,
    resources: [`arn:${c.p}:events:${c.r}:${c.a}:rule/kettle-nightly-stock-report`],
    detail: {},
  }
}

function alexa(c: Ctx) {
  const app = { applicationId: 'amzn1.ask.skill.41cf4e41-fe0d-422c-8bb2-d1060167e03c' }
  const user = { userId: 'amzn1.ask.account.AHKETTLECO7TEATIMER3SHOPPER5PREFERS2ASSAM' }
  return {
    version: '1.0',
    session: {
      new: true,
      sessionId: 'amzn1.echo-api.session.64dbdb65-6f4b-4781-9d13-36e536989304',
      application: app,
      user,
      attributes: {},
    },
    context: {
      AudioPlayer: { playerActivity: 'IDLE' },
      System: { application: app, user, device: { supportedInterfaces: { AudioPlayer: {} } } },
    },
    request: {
      type: 'LaunchRequest',
      requestId: 'amzn1.echo-api.request.66ed8d05-e359-481c-90d3-496d94afd08b',
      timestamp: isoS(c.t),
      locale: 'en-US',
    },
  }
}

function cognitoSync(c: Ctx) {
  return {
    version: 2,
    eventType: 'SyncTrigger',
    region: c.r,
    identityPoolId: `${c.r}:c3527e01-d37a-40b9-8ee9-b02a4148a6cf`,
    identityId: `${c.r}:e5185f4a-c34c-428e-9a24-41e370186ec8`,
    datasetName: 'shopperPreferences',
    datasetRecords: {
      favouriteTea: { oldValue: 'Earl Grey', newValue: 'Assam', op: 'replace' },
      mugSize: { oldValue: '300ml', newValue: '450ml', op: 'replace' },
    },
  }
}

function cognitoPreSignUp(c: Ctx): PreSignUpTriggerEvent {
  return {
    version: '1',
    triggerSource: 'PreSignUp_SignUp',
    region: c.r,
    userPoolId: `${c.r}_Kt7LeAbCd`,
    // With email as the sign-in name, Cognito names the user by a generated id.
    userName: '5f2d8c1e-7a40-4b9d-9e63-0c8a1b2d4e6f',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '3n4b5urk1ft4fl3mg5e62d9ado' },
    request: {
      userAttributes: { email: 'ana.silva@example.com', name: 'Ana Silva' },
      validationData: { signupSource: 'checkout' },
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }
}

function cloudfront() {
  const header = (key: string, value: string) => [{ key, value }]
  return {
    Records: [
      {
        cf: {
          config: { distributionId: 'E2KETTLE7EXAMPLE' },
          request: {
            uri: '/products/teapots',
            querystring: 'colour=blue&utm_source=newsletter',
            method: 'GET',
            clientIp: SHOPPER_IP,
            headers: {
              host: header('Host', 'd111111abcdef8.cloudfront.net'),
              'user-agent': header('User-Agent', BROWSER_UA),
              'user-name': header('User-Name', 'kettle-guest'),
            },
          },
        },
      },
    ],
  }
}

function cfnCreate(c: Ctx) {
  const stack = 'kettle-shop-prod'
  const stackId = `arn:${c.p}:cloudformation:${c.r}:${c.a}:stack/${stack}/d95819cc-7de3-43bb-9368-fd2647e02d27`
  return {
    RequestType: 'Create',
    ResponseURL: `https://cloudformation-custom-resource-response-${c.r.replace(/-/g, '')}.s3.${c.r}.${c.d}/${encodeURIComponent(stackId)}%7CSeedCatalog%7C72c9e303?X-Amz-Expires=7200&X-Amz-Signature=EXAMPLE`,
    StackId: stackId,
    RequestId: '72c9e303-0f75-4452-b669-af8aa1935513',
    ResourceType: 'Custom::SeedCatalog',
    LogicalResourceId: 'SeedCatalog',
    ResourceProperties: { StackName: stack, List: ['mugs', 'teapots', 'kettles'] },
  }
}

function lex() {
  return {
    messageVersion: '1.0',
    invocationSource: 'DialogCodeHook',
    userId: 'shopper-5521',
    sessionAttributes: {},
    bot: { name: 'KettleConcierge', alias: '$LATEST', version: '$LATEST' },
    outputDialogMode: 'Text',
    currentIntent: {
      name: 'BookTasting',
      slots: { AppointmentType: 'oolong tasting', Date: '2025-06-21', Time: '15:00' },
      confirmationStatus: 'None',
    },
  }
}

function lexV2(): LexV2Event {
  const slots = { TeaType: null, TastingDate: null, Guests: null }
  const booking = { name: 'BookTasting', slots, state: 'InProgress' as const, confirmationState: 'None' as const }
  const copy = () => ({ ...booking, slots: { ...slots } })
  return {
    sessionId: '481516234200815',
    inputTranscript: 'I would like to book a tea tasting',
    interpretations: [
      { intent: copy(), nluConfidence: 0.97 },
      {
        intent: { name: 'CheckOrderStatus', slots: { OrderId: null }, state: 'InProgress', confirmationState: 'None' },
        nluConfidence: 0.22,
      },
      { intent: { name: 'FallbackIntent', slots: {}, state: 'InProgress', confirmationState: 'None' } },
    ],
    proposedNextState: { intent: copy(), dialogAction: { slotToElicit: 'TeaType', type: 'ElicitSlot' } },
    responseContentType: 'text/plain; charset=utf-8',
    sessionState: { intent: copy(), originatingRequestId: '7c1e2a44-93b5-4f0e-8d6a-2b9e51f0c3d7' },
    messageVersion: '1.0',
    invocationSource: 'DialogCodeHook',
    transcriptions: [
      {
        resolvedSlots: {},
        resolvedContext: { intent: 'BookTasting' },
        transcription: 'I would like to book a tea tasting',
        transcriptionConfidence: 1,
      },
    ],
    inputMode: 'Text',
    bot: {
      aliasName: 'TestBotAlias',
      aliasId: 'TSTALIASID',
      name: 'KettleConcierge',
      version: 'DRAFT',
      localeId: 'en_GB',
      id: 'K3TTLEB0T1',
    },
  }
}

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
