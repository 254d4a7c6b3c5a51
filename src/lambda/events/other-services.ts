// EventBridge schedules, Alexa, Cognito, CloudFront (Lambda@Edge), CloudFormation custom resources and Lex.
import type { LexV2Event, PreSignUpTriggerEvent } from 'aws-lambda'
import { BROWSER_UA, SHOPPER_IP, isoS, type Ctx } from './context.ts'

export function scheduled(c: Ctx) {
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

export function alexa(c: Ctx) {
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

export function cognitoSync(c: Ctx) {
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

export function cognitoPreSignUp(c: Ctx): PreSignUpTriggerEvent {
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

export function cloudfront() {
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

export function cfnCreate(c: Ctx) {
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

export function lex() {
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

export function lexV2(): LexV2Event {
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
