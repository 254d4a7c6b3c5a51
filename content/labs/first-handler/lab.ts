import { defineLab, type LabTestContext } from '../../../src/labs/define.ts'

/** An Amazon API Gateway REST API event (Lambda proxy integration, format 1.0) for GET <path>. */
function apiGatewayEvent(path: string, productId: string | null) {
  const headers = {
    Accept: 'application/json',
    Host: 'k3ttl3c0.execute-api.eu-west-2.amazonaws.com',
    'User-Agent':
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    'X-Amzn-Trace-Id': 'Root=1-6721f0a4-3b1c5e2d7f9a4b6c8d0e1f23',
    'X-Forwarded-For': '203.0.113.24',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  }
  const resource = productId === null ? '/products' : '/products/{id}'
  return {
    resource,
    path,
    httpMethod: 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: productId === null ? null : { id: productId },
    stageVariables: null,
    requestContext: {
      resourceId: productId === null ? 'a1b2c3' : 'd4e5f6',
      resourcePath: resource,
      httpMethod: 'GET',
      extendedRequestId: 'Xq3vYF2qLPEFkTg=',
      requestTime: '14/Oct/2026:09:12:45 +0000',
      path: `/prod${path}`,
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage: 'prod',
      domainPrefix: 'k3ttl3c0',
      requestTimeEpoch: 1791969165000,
      requestId: '4f1d2c3b-8a7e-4e0f-9b6a-2c1d0e9f8a7b',
      identity: { sourceIp: '203.0.113.24', userAgent: headers['User-Agent'] },
      domainName: 'k3ttl3c0.execute-api.eu-west-2.amazonaws.com',
      apiId: 'k3ttl3c0',
    },
    body: null,
    isBase64Encoded: false,
  }
}

const ONE = 'get-teapot-blue'
const ALL = 'list-products'
const UNKNOWN = 'get-kettle-gold'

interface ProxyResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
}

/**
 * Requests the checks also send, which are not among the lab's events (so not in the playground's
 * picker): a handler that answers only the three sample requests, hard-coded, fails them.
 */
const HIDDEN = {
  mug: { label: 'GET /products/mug-classic', payload: apiGatewayEvent('/products/mug-classic', 'mug-classic') },
  jug: { label: 'GET /products/milk-jug', payload: apiGatewayEvent('/products/milk-jug', 'milk-jug') },
}

/** A request by the lab event's name, or a hidden one: what to call it in messages, and its payload. */
type Request = { label: string; payload: unknown }
const named = (t: LabTestContext, eventName: string): Request => ({
  label: `"${eventName}"`,
  payload: t.event(eventName),
})

/** Invoke and insist on a well-formed proxy response. */
async function proxyResponse(t: LabTestContext, req: Request | string): Promise<ProxyResponse> {
  const { label, payload } = typeof req === 'string' ? named(t, req) : req
  const r = await t.invoke(payload)
  if (label === `"${ALL}"` && r.error?.errorType === 'TypeError' && /'id'/.test(r.error.errorMessage)) {
    t.fail(
      `Your handler crashed on ${label} because it read a property of null. For a path without {id}, API Gateway sends "pathParameters": null, not {}. Read it with optional chaining: event.pathParameters?.id.`,
      `${r.error.errorType}: ${r.error.errorMessage}`,
    )
  }
  t.expect.succeeded(r, `it received ${label}`)
  const p = r.payload as Partial<ProxyResponse> | null
  if (p === null || typeof p !== 'object' || Array.isArray(p) || typeof p.statusCode !== 'number') {
    t.fail(
      `For ${label}, return an object with a numeric statusCode, headers and a body, for example { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(product) }. API Gateway builds the HTTP response from it; anything else makes it answer 502 Bad Gateway.`,
      `Your handler returned ${r.rawPayload.slice(0, 200)}.`,
    )
  }
  t.expect.ok(
    typeof p.body === 'string',
    `For ${label}, "body" must be a string: pass your data through JSON.stringify(). API Gateway sends the body as it is, and rejects an object there as a malformed proxy response.`,
    `body was ${p.body === undefined ? 'missing' : p.body === null ? 'null' : Array.isArray(p.body) ? 'an array' : typeof p.body === 'object' ? 'an object' : `a ${typeof p.body}`}.`,
  )
  const headers = p.headers && typeof p.headers === 'object' ? p.headers : {}
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  t.expect.ok(
    typeof type === 'string' && /^application\/json\b/i.test(type),
    `For ${label}, add a "Content-Type": "application/json" header so the caller knows the body is JSON.`,
    `headers were ${JSON.stringify(p.headers ?? null)}.`,
  )
  return p as ProxyResponse
}

function parseBody(t: LabTestContext, res: ProxyResponse, label: string): Record<string, unknown> {
  const data = t.expect.json(res.body, `For ${label}, the body should be JSON text made with JSON.stringify().`)
  t.expect.ok(
    data !== null && typeof data === 'object' && !Array.isArray(data),
    `For ${label}, the body should be a JSON object.`,
    `It was ${res.body.slice(0, 120)}.`,
  )
  return data as Record<string, unknown>
}

export default defineLab({
  id: 'first-handler',
  title: 'Your first handler: an API Gateway response',
  lesson: 'introduction-to-serverless',
  summary:
    'Read a product ID from an API Gateway event and answer with a proper HTTP response: the product, the whole catalogue, or a 404.',
  instructions: `### Goal

Kettle & Co. wants a small product API. Amazon API Gateway receives \`GET /products/{id}\` and
\`GET /products\` and invokes your function with an **event** describing the request. Your
handler must answer with an object API Gateway can turn into an HTTP response.

### What the handler receives

Pick the events in the playground and look at them. The parts you need:

- \`pathParameters\`: \`{ "id": "teapot-blue" }\` for \`/products/teapot-blue\`, and **\`null\`**
  for \`/products\`, which has no \`{id}\` in its path.
- Everything else (headers, the source IP, the stage) you can ignore for now.

### What it must return

An API Gateway *proxy response*:

\`\`\`js
{
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ id: 'teapot-blue', name: 'Blue teapot', price: 3500 }),
}
\`\`\`

\`body\` is a **string**. Return anything else and API Gateway answers the caller with
502 Bad Gateway.

### Steps

1. Run the starter with the "${ONE}" event. It returns the product object itself: that is
   not a proxy response.
2. Return a proxy response with status 200 and the product as the JSON body.
3. Run it with "${ALL}". The starter crashes reading \`id\` of \`null\`. Handle the missing ID by
   returning \`{ "products": [ …every product… ] }\` with status 200.
4. Run it with "${UNKNOWN}". Answer 404 with a JSON body such as
   \`{ "message": "No product with ID \\"kettle-gold\\"" }\`.
5. Press **Run checks**.

### Done when

All three events get a proxy response with a JSON body: the product, the catalogue, and a 404
whose message names the missing ID. The checks also send requests for products that are not in
the picker, so look the ID up rather than answering the three samples one by one.`,
  function: { Handler: 'index.handler', Runtime: 'nodejs24.x', MemorySize: 128, Timeout: 3 },
  events: [
    { name: ONE, payload: apiGatewayEvent('/products/teapot-blue', 'teapot-blue') },
    { name: ALL, payload: apiGatewayEvent('/products', null) },
    { name: UNKNOWN, payload: apiGatewayEvent('/products/kettle-gold', 'kettle-gold') },
  ],
  hints: [
    'Whatever your handler returns, API Gateway expects `{ statusCode, headers, body }` and builds the HTTP response from it. A small helper such as `json(statusCode, data)` that builds this object keeps the handler short.',
    "`body` must be a string: `body: JSON.stringify(data)`. Add `headers: { 'Content-Type': 'application/json' }` so the caller knows what it is.",
    'For `GET /products` there is no `{id}`, so API Gateway sends `"pathParameters": null`. `event.pathParameters?.id` gives `undefined` there instead of throwing a `TypeError`.',
    'Nearly the answer:\n\n```js\nconst id = event.pathParameters?.id\nif (id === undefined) return json(200, { products: [...products.values()] })\nconst product = products.get(id)\nif (!product) return json(404, { message: `No product with ID "${id}"` })\nreturn json(200, product)\n```',
  ],
  checks: [
    {
      name: 'Returns an API Gateway proxy response',
      async run(t) {
        await proxyResponse(t, ONE)
      },
    },
    {
      name: 'Returns the product as JSON with status 200',
      async run(t) {
        const res = await proxyResponse(t, ONE)
        t.expect.equal(res.statusCode, 200, `For "${ONE}", answer with statusCode 200: the product exists.`)
        const data = parseBody(t, res, `"${ONE}"`)
        t.expect.ok(
          data.id === 'teapot-blue' && data.name === 'Blue teapot' && data.price === 3500,
          `For "${ONE}", the body should be the product: { "id": "teapot-blue", "name": "Blue teapot", "price": 3500 }.`,
          `The body was ${res.body.slice(0, 200)}.`,
        )
      },
    },
    {
      name: 'Lists the whole catalogue when there is no ID',
      async run(t) {
        const res = await proxyResponse(t, ALL)
        t.expect.equal(res.statusCode, 200, `For "${ALL}", answer with statusCode 200.`)
        const data = parseBody(t, res, `"${ALL}"`)
        const list = data.products
        if (!Array.isArray(list))
          return t.fail(
            `For "${ALL}", the body should be { "products": [ … ] } with every product in the catalogue.`,
            `The body was ${res.body.slice(0, 200)}.`,
          )
        const ids = list.map((p: unknown) => (p as { id?: unknown } | null)?.id).sort()
        t.expect.equal(
          ids,
          ['mug-classic', 'teapot-blue', 'teapot-cast-iron'],
          `For "${ALL}", list all three products (each with its id, name and price).`,
        )
      },
    },
    {
      name: 'Answers 404 with a message for an unknown product',
      async run(t) {
        const res = await proxyResponse(t, UNKNOWN)
        t.expect.equal(
          res.statusCode,
          404,
          `For "${UNKNOWN}", answer with statusCode 404 (Not Found): Kettle & Co. sells no golden kettles.`,
        )
        const data = parseBody(t, res, `"${UNKNOWN}"`)
        t.expect.ok(
          typeof data.message === 'string' && data.message.includes('kettle-gold'),
          `For "${UNKNOWN}", give the 404 a JSON body with a "message" that names the ID, e.g. { "message": "No product with ID \\"kettle-gold\\"" }.`,
          `The body was ${res.body.slice(0, 200)}.`,
        )
      },
    },
    {
      name: 'Answers any product ID, not just the sample ones',
      async run(t) {
        // Requests the learner has not seen in the picker: a hard-coded answer per sample event fails here.
        const mug = await proxyResponse(t, HIDDEN.mug)
        const mugData = parseBody(t, mug, HIDDEN.mug.label)
        t.expect.ok(
          mug.statusCode === 200 &&
            mugData.id === 'mug-classic' &&
            mugData.name === 'Classic mug' &&
            mugData.price === 1200,
          `The checks also sent ${HIDDEN.mug.label}, and the answer was not the classic mug. Look the product up in the catalogue by the ID in event.pathParameters.id, rather than answering the sample requests one by one.`,
          `statusCode ${mug.statusCode}, body ${mug.body.slice(0, 160)}`,
        )
        const jug = await proxyResponse(t, HIDDEN.jug)
        const jugData = parseBody(t, jug, HIDDEN.jug.label)
        t.expect.ok(
          jug.statusCode === 404 && typeof jugData.message === 'string' && jugData.message.includes('milk-jug'),
          `The checks also sent ${HIDDEN.jug.label}, a product Kettle & Co. doesn't sell: answer 404 with a message that names that ID, whatever the ID is.`,
          `statusCode ${jug.statusCode}, body ${jug.body.slice(0, 160)}`,
        )
      },
    },
  ],
})
