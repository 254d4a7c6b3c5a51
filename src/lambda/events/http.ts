// API Gateway (REST and HTTP APIs) and Application Load Balancer requests: synchronous.
import { BROWSER_UA, HTTP_API_ID, REST_API_ID, SHOPPER_IP, clf, multi, type Ctx } from './context.ts'

export function restProxy(c: Ctx) {
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

export function httpApi(c: Ctx) {
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

export function alb(c: Ctx) {
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
