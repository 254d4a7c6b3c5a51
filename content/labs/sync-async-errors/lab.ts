import { defineLab, invokeStatus, type LabTestContext } from '../../../src/labs/define.ts'
import type { LabInvokeResult } from '../../../src/labs/types.ts'

const VALID = 'valid-order'
const NO_ITEMS = 'no-items'
const ZERO = 'zero-quantity'
const NO_ID = 'no-order-id'

const order = (orderId: string, items: { sku: string; quantity: unknown }[]) => ({
  orderId,
  customer: { email: 'shop@example.com' },
  items,
})

/**
 * Orders the checks also send, which are not among the lab's events (so not in the playground's
 * picker): each breaks the quantity rule in a way the sample events don't, or sits on its edge.
 */
const HIDDEN_BAD: { what: string; payload: unknown }[] = [
  { what: 'a quantity of 2.5', payload: order('KC-1101', [{ sku: 'TEAPOT-BLUE', quantity: 2.5 }]) },
  { what: 'a quantity of 11', payload: order('KC-1102', [{ sku: 'MUG-CLASSIC', quantity: 11 }]) },
  { what: 'a quantity written as text ("2")', payload: order('KC-1103', [{ sku: 'MUG-CLASSIC', quantity: '2' }]) },
  {
    what: 'a good first item and a quantity of -1 on the second',
    payload: order('KC-1104', [
      { sku: 'MUG-CLASSIC', quantity: 1 },
      { sku: 'TEAPOT-BLUE', quantity: -1 },
    ]),
  },
]
const EDGES = order('KC-1105', [
  { sku: 'MUG-CLASSIC', quantity: 1 },
  { sku: 'MUG-ESPRESSO', quantity: 10 },
])

type Answer = { statusCode?: unknown; message?: unknown; orderId?: unknown }

/** The order must be answered with a 400 result; explain what came back otherwise. */
function expectRejected(t: LabTestContext, r: LabInvokeResult, what: string): { message: string } {
  if (r.functionError) {
    t.fail(
      `For ${what}, your function threw (${r.error?.errorType ?? 'an error'}) instead of answering. A bad order is the caller's mistake, not a failure of your function: a synchronous caller gets FunctionError: Unhandled and a stack trace instead of an answer it can show (behind API Gateway, a 502), and an asynchronous invoke would be retried for nothing, because the same bad order fails the same way. Return { statusCode: 400, orderId, message } instead.`,
      `${r.error?.errorType}: ${r.error?.errorMessage}`,
    )
  }
  const a = (r.payload ?? {}) as Answer
  if (a.statusCode === 201 || a.statusCode === 200) {
    t.fail(
      `Your function accepted ${what}. Check the order at the start of the handler, before using it, and answer { statusCode: 400, orderId, message } when a rule is broken.`,
      `It returned ${r.rawPayload.slice(0, 200)}.`,
    )
  }
  t.expect.ok(
    a.statusCode === 400 && typeof a.message === 'string' && a.message !== '',
    `For ${what}, answer { statusCode: 400, orderId, message }: 400 (Bad Request) tells the caller that the order itself is wrong, and the message says what to fix.`,
    `It returned ${r.rawPayload.slice(0, 200)}.`,
  )
  return { message: a.message as string }
}

export default defineLab({
  id: 'sync-async-errors',
  title: 'Bad input or failure: return or throw',
  lesson: 'how-lambda-works',
  summary:
    'Answer a bad order with a 400 result and let a real failure throw, then compare what a synchronous and an asynchronous caller get back.',
  instructions: `### Goal

Kettle & Co.'s web shop sends every new order to this function. Two kinds of thing can go wrong,
and they need opposite treatment:

- **The order is bad** (no items, a quantity of 0). That is the caller's mistake. Trying again
  can never fix it, so the function must **return** an answer that says what is wrong:
  \`{ statusCode: 400, orderId, message }\`.
- **Something on our side fails** (the stock service is down). That is a real failure, and it may
  pass. The function must **throw**, so that Lambda records an error and an asynchronous invoke is
  tried again later.

### Steps

1. Run the "${VALID}" event. The playground invokes **synchronously** (\`RequestResponse\`): you
   get \`StatusCode: 200\` and the function's answer, with \`statusCode: 201\`.
2. Run "${NO_ITEMS}". The starter accepts an order with nothing in it. Add checks at the top of the
   handler:
   - \`orderId\` must be a non-empty string;
   - \`items\` must be an array with at least one item;
   - every \`quantity\` must be a whole number from 1 to 10 (\`Number.isInteger\`).
3. When a rule is broken, log a warning with \`console.warn\` and return
   \`{ statusCode: 400, orderId, message }\`, with the field's name in the message, for example
   \`quantity for TEAPOT-CAST-IRON must be a whole number from 1 to 10, not 0\`.
4. Now make the stock service fail: in the configuration, set the environment variable
   \`STOCK_SERVICE\` to \`down\` and run "${VALID}" again. \`reserveStock\` throws, and so does your
   handler: \`StatusCode\` is **still 200**, because the invoke itself worked, but
   \`FunctionError: "Unhandled"\` says the function failed, and the payload is the error. Leave it
   that way: don't catch it. Set \`STOCK_SERVICE\` back to \`up\`.
5. Switch the invocation type to **Event** (asynchronous) and run "${VALID}" and "${NO_ITEMS}".
   Lambda answers \`202\` with no payload at once, before your code even runs. Your answer goes
   nowhere: the logs are the only trace, which is why the rejection is logged as a warning.
6. Press **Run checks**. They also try orders that are not in the picker.

### Why it matters

Only a thrown error counts as a failure. For an asynchronous invoke, Lambda retries a failure
(twice, by default, on AWS), which helps when the stock service is back a minute later, and never
helps a bad order. The simulator runs each invoke once.

### Done when

Good orders get \`statusCode: 201\`; every bad order gets \`statusCode: 400\` and a message that
names the problem, and a warning in the log; a failing stock service makes the function throw.`,
  function: {
    Handler: 'index.handler',
    Runtime: 'nodejs24.x',
    MemorySize: 128,
    Timeout: 3,
    Environment: { Variables: { STOCK_SERVICE: 'up' } },
  },
  events: [
    {
      name: VALID,
      payload: {
        orderId: 'KC-1042',
        customer: { email: 'ada@example.com' },
        items: [
          { sku: 'MUG-CLASSIC', quantity: 2 },
          { sku: 'TEAPOT-BLUE', quantity: 1 },
        ],
      },
    },
    { name: NO_ITEMS, payload: { orderId: 'KC-1043', customer: { email: 'grace@example.com' }, items: [] } },
    {
      name: ZERO,
      payload: {
        orderId: 'KC-1044',
        customer: { email: 'alan@example.com' },
        items: [{ sku: 'TEAPOT-CAST-IRON', quantity: 0 }],
      },
    },
    {
      name: NO_ID,
      payload: { customer: { email: 'edsger@example.com' }, items: [{ sku: 'MUG-CLASSIC', quantity: 1 }] },
    },
  ],
  hints: [
    'Checking belongs at the very start of the handler, before the order is used. Check one rule at a time and stop at the first broken one: a small function that returns what is wrong (or `null`) keeps the handler short.',
    "A bad order gets an answer, not an exception:\n\n```js\nconsole.warn(`Rejected order ${orderId}: ${problem}`)\nreturn { statusCode: 400, orderId, message: problem }\n```\n\nDon't wrap `reserveStock` in `try`/`catch`: its error is a real failure, and Lambda must see it.",
    '`Number.isInteger(q) && q >= 1 && q <= 10` is true only for a good quantity: it rejects `0`, `2.5`, `11` and the text `"2"`. Name the field in each message: `orderId is required`, `order KC-1043 needs at least one item`, `quantity for TEAPOT-CAST-IRON must be a whole number from 1 to 10, not 0`.',
    "Nearly the answer:\n\n```js\nfunction problemWith(order) {\n  if (typeof order.orderId !== 'string' || order.orderId === '') {\n    return 'orderId is required'\n  }\n  if (!Array.isArray(order.items) || order.items.length === 0) {\n    return `order ${order.orderId} needs at least one item`\n  }\n  for (const item of order.items) {\n    // return a message naming item.sku when item.quantity is not 1 to 10\n  }\n  return null\n}\n```",
  ],
  checks: [
    {
      name: 'Accepts a valid order: RequestResponse returns 200 and the answer',
      async run(t) {
        const r = await t.invoke(t.event(VALID))
        t.expect.equal(r.statusCode, 200, 'A synchronous (RequestResponse) invoke should return StatusCode 200.')
        t.expect.succeeded(r, `it received "${VALID}"`)
        t.expect.equal(
          r.payload,
          { statusCode: 201, orderId: 'KC-1042', status: 'ACCEPTED', itemCount: 3 },
          `For "${VALID}", return { statusCode: 201, orderId: 'KC-1042', status: 'ACCEPTED', itemCount: 3 } (two mugs and one teapot).`,
        )
      },
    },
    {
      name: 'Answers an order with no items with a 400, not an error',
      async run(t) {
        const r = await t.invoke(t.event(NO_ITEMS))
        t.expect.equal(r.statusCode, 200, 'A synchronous invoke that Lambda ran returns StatusCode 200.')
        const { message } = expectRejected(t, r, `"${NO_ITEMS}"`)
        t.expect.match(
          message,
          /item/i,
          `The message for "${NO_ITEMS}" should say that the order needs at least one item.`,
        )
      },
    },
    {
      name: 'Says what is wrong in the message',
      async run(t) {
        const zero = expectRejected(t, await t.invoke(t.event(ZERO)), `"${ZERO}"`)
        t.expect.match(
          zero.message,
          /quantity/i,
          `The message for "${ZERO}" should name the field that is wrong: quantity.`,
        )
        const noId = expectRejected(t, await t.invoke(t.event(NO_ID)), `"${NO_ID}"`)
        t.expect.match(noId.message, /orderId/, `The message for "${NO_ID}" should name the missing field: orderId.`)
      },
    },
    {
      name: 'Checks every quantity: a whole number from 1 to 10',
      async run(t) {
        for (const bad of HIDDEN_BAD) {
          const r = await t.invoke(bad.payload)
          const { message } = expectRejected(t, r, `an order with ${bad.what} (one of the checks' own orders)`)
          t.expect.match(
            message,
            /quantity/i,
            `For an order with ${bad.what}, the message should name the field that is wrong: quantity.`,
          )
        }
        const edges = await t.invoke(EDGES)
        t.expect.succeeded(edges, 'it received an order for 1 mug and 10 espresso cups')
        t.expect.ok(
          (edges.payload as Answer | undefined)?.statusCode === 201,
          'An order for 1 classic mug and 10 espresso cups is fine: 1 and 10 are both allowed. Accept it with statusCode 201.',
          `It returned ${edges.rawPayload.slice(0, 200)}.`,
        )
      },
    },
    {
      name: 'Lets a failing stock service throw',
      async run(t) {
        await t.updateConfiguration({ Environment: { Variables: { STOCK_SERVICE: 'down' } } })
        const r = await t.invoke(t.event(VALID))
        if (!r.functionError) {
          const a = (r.payload ?? {}) as Answer
          return t.fail(
            `With STOCK_SERVICE set to "down", your function answered statusCode ${JSON.stringify(a.statusCode)} instead of failing. The order is fine; the failure is on our side, and it may pass: let reserveStock's error throw (no try/catch around it), so Lambda counts an error and an asynchronous invoke is tried again later. Caught and returned, the failure is invisible, and the order is lost.`,
            `It returned ${r.rawPayload.slice(0, 200)}.`,
          )
        }
        t.expect.equal(
          r.error?.errorType,
          'StockServiceError',
          "The invoke should fail with reserveStock's own error (StockServiceError), not another one: don't replace it.",
        )
      },
    },
    {
      name: 'An Event invoke returns 202 with no payload; the result is only in the logs',
      async run(t) {
        const r = await t.invoke(t.event(VALID), { InvocationType: 'Event' })
        t.expect.equal(
          r.statusCode,
          202,
          'An asynchronous (Event) invoke should return StatusCode 202: Lambda has queued the event.',
        )
        t.expect.equal(r.rawPayload, '', 'An asynchronous invoke returns no payload: the caller never sees the result.')
        await t.settle()
        const mine = (await t.parsedLogs()).filter((l) => l.requestId === r.requestId)
        t.expect.ok(
          invokeStatus(mine, r.requestId) !== undefined,
          'The queued event should have run once the clock moved on.',
        )
        t.expect.ok(
          mine.some((l) => l.source === 'app' && l.message.includes('KC-1042')),
          `When "${VALID}" is processed, log a line that names the order (the starter logs "Accepted order KC-1042 with 3 items"): for an asynchronous invoke the logs are the only trace of what happened.`,
        )
      },
    },
    {
      name: 'A bad order sent with Event: 202, no error to retry, and a warning in the logs',
      async run(t) {
        const r = await t.invoke(t.event(NO_ITEMS), { InvocationType: 'Event' })
        t.expect.equal(
          [r.statusCode, r.rawPayload],
          [202, ''],
          'An asynchronous invoke returns 202 and no payload, whatever the function will do.',
        )
        await t.settle()
        const lines = (await t.parsedLogs()).filter((l) => l.requestId === r.requestId)
        // Whether it failed is Lambda's REPORT (marked by the engine), never the text a handler can print.
        const status = invokeStatus(lines, r.requestId)
        if (status !== undefined && status !== 'success') {
          const invokeError = lines.find((l) => l.source === 'app' && l.message.startsWith('Invoke Error'))
          return t.fail(
            `"${NO_ITEMS}", sent asynchronously, made the function fail: the log has an "Invoke Error" line. On AWS, Lambda would try the same bad order twice more, for nothing. Return the 400 answer instead of throwing.`,
            (invokeError?.message ?? `REPORT … Status: ${status}`).slice(0, 200),
          )
        }
        t.expect.ok(
          lines.some((l) => l.source === 'app' && l.level === 'WARN' && l.message.includes('KC-1043')),
          `Nobody receives the 400 answer of an asynchronous invoke, so log the rejection with console.warn(…), naming the order (KC-1043): the warning is the only trace of it.`,
          lines
            .filter((l) => l.source === 'app')
            .map((l) => `${l.level ?? ''} ${l.message}`.trim())
            .join(' | ')
            .slice(0, 300) || 'The function logged nothing of its own.',
        )
      },
    },
  ],
})
