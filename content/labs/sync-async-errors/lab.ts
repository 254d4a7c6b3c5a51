import { defineLab, type LabTestContext } from '../../../src/labs/define.ts'
import type { LabInvokeResult } from '../../../src/labs/types.ts'

const VALID = 'valid-order'
const NO_ITEMS = 'no-items'
const ZERO = 'zero-quantity'
const NO_ID = 'no-order-id'

/** The order must be rejected with a ValidationError; explain what came back otherwise. */
function expectValidationError(
  t: LabTestContext,
  r: LabInvokeResult,
  eventName: string,
): { errorType: string; errorMessage: string } {
  if (!r.functionError) {
    t.fail(
      `Your function accepted "${eventName}" instead of rejecting it. Validate the order at the start of the handler and throw a ValidationError when a rule is broken.`,
      `It returned ${r.rawPayload.slice(0, 200)}.`,
    )
  }
  const e = r.error
  if (!e)
    t.fail(
      `The error payload for "${eventName}" should be { errorType, errorMessage, trace }.`,
      r.rawPayload.slice(0, 200),
    )
  if (e.errorType === 'Error') {
    t.fail(
      `"${eventName}" was rejected, but its errorType is "Error". Lambda reports the error's name as errorType: give your class a name (this.name = 'ValidationError' in its constructor) so callers can tell a bad order from a bug.`,
      `${e.errorType}: ${e.errorMessage}`,
    )
  }
  if (e.errorType === 'string' || e.errorType === 'object') {
    t.fail(
      `"${eventName}" was rejected by throwing a ${e.errorType}, not an Error. Throw new ValidationError('…') so the error has a type, a message and a stack trace.`,
      `errorType: ${e.errorType}, errorMessage: ${e.errorMessage}`,
    )
  }
  t.expect.ok(
    e.errorType === 'ValidationError',
    `For "${eventName}", your function failed with ${e.errorType} rather than a ValidationError. Check the order before using it, so a bad order is reported as a ValidationError instead of crashing on the missing data.`,
    `${e.errorType}: ${e.errorMessage}`,
  )
  return e
}

export default defineLab({
  id: 'sync-async-errors',
  title: 'Sync and async invokes, and typed errors',
  lesson: 'how-lambda-works',
  summary:
    'Validate an order, reject bad ones with a typed error, and compare what a synchronous and an asynchronous caller get back.',
  instructions: `### Goal

Kettle & Co.'s web shop sends every new order to this function. Bad orders must be rejected
with an error that says what is wrong, and with an error **type** a caller can act on. Along
the way you'll see the difference between the two ways of invoking a function.

### Steps

1. Run the "${VALID}" event. The playground invokes **synchronously** (\`RequestResponse\`):
   you get \`StatusCode: 200\` and the function's result as the payload.
2. Run "${NO_ITEMS}". The starter accepts it with \`itemCount: 0\`. Add validation at the top
   of the handler:
   - \`orderId\` must be a non-empty string;
   - \`items\` must be an array with at least one item;
   - every \`quantity\` must be a whole number from 1 to 10.
3. When a rule is broken, throw a \`ValidationError\`: a class that extends \`Error\` and sets
   \`this.name = 'ValidationError'\`. Put the field's name in the message, e.g.
   \`quantity for TEAPOT-CAST-IRON must be a whole number from 1 to 10, not 0\`.
4. Run "${NO_ITEMS}" again and look closely at the response. \`StatusCode\` is **still 200**:
   the invoke itself worked. The failure is in \`FunctionError: "Unhandled"\`, and the payload
   is \`{ "errorType": "ValidationError", "errorMessage": "…", "trace": [ … ] }\`.
5. Switch the invocation type to **Event** (asynchronous) and run both events again. Lambda
   answers \`202\` with no payload at once, before your code even runs. The result, or the
   error, only shows up in the function's logs.
6. Press **Run checks**.

### Why it matters

A synchronous caller sees your error and decides what to do. An asynchronous caller never
does: on AWS, Lambda itself retries a failed event (twice, by default) and can then send it to
an on-failure destination. This simulator runs it once and keeps the error in the logs.

### Done when

Valid orders are accepted; each bad order fails with \`errorType: "ValidationError"\` and a
message that names the problem; and you have seen what an \`Event\` invoke returns.`,
  function: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 3 },
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
    'Validation belongs at the very start of the handler, before the order is used. Check one rule at a time, and stop at the first broken one by throwing.',
    "Define the error once, above the handler:\n\n```js\nclass ValidationError extends Error {\n  constructor(message) {\n    super(message)\n    this.name = 'ValidationError'\n  }\n}\n```\n\nLambda reports `error.name` as `errorType`.",
    '`Number.isInteger(q) && q >= 1 && q <= 10` is true for a good quantity. Name the field in each message: `orderId is required`, `order KC-1043 needs at least one item`, `quantity for TEAPOT-CAST-IRON must be a whole number from 1 to 10, not 0`.',
    "Nearly the answer:\n\n```js\nif (typeof orderId !== 'string' || orderId === '') {\n  throw new ValidationError('orderId is required')\n}\nif (!Array.isArray(items) || items.length === 0) {\n  throw new ValidationError(`order ${orderId} needs at least one item`)\n}\nfor (const item of items) {\n  // check item.quantity, throw a ValidationError naming item.sku\n}\n```",
  ],
  checks: [
    {
      name: 'Accepts a valid order: RequestResponse returns 200 and the result',
      async run(t) {
        const r = await t.invoke(t.event(VALID))
        t.expect.equal(r.statusCode, 200, 'A synchronous (RequestResponse) invoke should return StatusCode 200.')
        t.expect.succeeded(r, `it received "${VALID}"`)
        t.expect.equal(
          r.payload,
          { orderId: 'KC-1042', status: 'ACCEPTED', itemCount: 3 },
          `For "${VALID}", return { orderId: 'KC-1042', status: 'ACCEPTED', itemCount: 3 } (two mugs and one teapot).`,
        )
      },
    },
    {
      name: 'Rejects an order with no items with a ValidationError',
      async run(t) {
        const r = await t.invoke(t.event(NO_ITEMS))
        t.expect.equal(
          r.statusCode,
          200,
          'Even when the function fails, a synchronous invoke returns StatusCode 200: the failure is in FunctionError.',
        )
        const e = expectValidationError(t, r, NO_ITEMS)
        t.expect.equal(r.functionError, 'Unhandled', 'A function error is reported with FunctionError "Unhandled".')
        t.expect.ok(
          Array.isArray(r.error?.trace),
          'The error payload should carry a "trace": throw an Error (your ValidationError), not a string or a plain object.',
          `${e.errorType}: ${e.errorMessage}`,
        )
        t.expect.match(
          e.errorMessage,
          /item/i,
          `The errorMessage for "${NO_ITEMS}" should say that the order needs at least one item.`,
        )
      },
    },
    {
      name: 'Says what is wrong in errorMessage',
      async run(t) {
        const zero = expectValidationError(t, await t.invoke(t.event(ZERO)), ZERO)
        t.expect.match(
          zero.errorMessage,
          /quantity/i,
          `The errorMessage for "${ZERO}" should name the field that is wrong: quantity.`,
        )
        const noId = expectValidationError(t, await t.invoke(t.event(NO_ID)), NO_ID)
        t.expect.match(
          noId.errorMessage,
          /orderId/,
          `The errorMessage for "${NO_ID}" should name the missing field: orderId.`,
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
          mine.some((l) => l.message.startsWith('END')),
          'The queued event should have run once the clock moved on.',
        )
        t.expect.ok(
          mine.some((l) => l.source === 'app' && l.message.includes('KC-1042')),
          `When "${VALID}" is processed, log a line that names the order (the starter logs "Accepted order KC-1042 with 3 items"): for an asynchronous invoke the logs are the only trace of what happened.`,
        )
      },
    },
    {
      name: 'A failed Event invoke: the caller still gets 202, the ValidationError is in the logs',
      async run(t) {
        const r = await t.invoke(t.event(NO_ITEMS), { InvocationType: 'Event' })
        t.expect.equal(
          [r.statusCode, r.rawPayload],
          [202, ''],
          'An asynchronous invoke returns 202 and no payload even when the function will fail.',
        )
        await t.settle()
        const lines = (await t.parsedLogs()).filter((l) => l.requestId === r.requestId)
        const invokeError = lines.find((l) => l.source === 'runtime' && l.message.startsWith('Invoke Error'))
        if (!invokeError) {
          return t.fail(
            `"${NO_ITEMS}", sent asynchronously, should fail: the log should have an "Invoke Error" line. Make the handler throw a ValidationError for it.`,
            `The invoke logged: ${lines
              .map((l) => l.message.split('\n')[0])
              .join(' | ')
              .slice(0, 300)}`,
          )
        }
        t.expect.ok(
          invokeError.message.includes('"errorType":"ValidationError"'),
          'The "Invoke Error" line in the log should show errorType ValidationError.',
          invokeError.message.slice(0, 200),
        )
      },
    },
  ],
})
