import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'invocation-sync-function-error',
    kind: 'single',
    prompt:
      'Your code calls `Invoke` with `InvocationType: RequestResponse` and gets back `StatusCode: 200` and `FunctionError: Unhandled`. What happened?',
    section: 'what-the-caller-gets-back',
    options: [
      {
        text: 'Lambda ran the function, the function threw, and the payload holds the error',
        correct: true,
        why: 'The 200 means Lambda received the request and ran your code; `FunctionError` says the code itself failed.',
      },
      {
        text: 'The function succeeded; `FunctionError` is only a warning',
        why: 'When the function succeeds, `FunctionError` is absent. Its presence means the invocation failed.',
      },
      {
        text: 'Lambda could not run the function because it was throttled',
        why: 'A throttled request is rejected with HTTP 429 (`TooManyRequestsException`), not a 200.',
      },
      {
        text: 'Lambda will retry the invocation automatically in about a minute',
        why: 'Lambda never retries a synchronous invocation; whether to try again is the caller’s decision.',
      },
    ],
    explanation:
      'For a synchronous invoke, the status code describes Lambda’s part (it received the request and ran the function), and `FunctionError` describes your code’s part. Always check `FunctionError` before trusting the payload.',
  },
  {
    id: 'invocation-async-default-retries',
    kind: 'single',
    prompt:
      'An upload to S3 invokes a function asynchronously, and the function throws on every attempt. With the default settings and no destination or dead-letter queue, what happens to the event?',
    section: 'inside-the-queue-retries-and-event-age',
    options: [
      {
        text: 'Lambda runs it three times in all, about one and then two minutes apart, then discards it',
        correct: true,
        why: 'Function errors get two retries by default. Without a destination or dead-letter queue, the event is then thrown away.',
      },
      {
        text: 'Lambda keeps retrying it for up to 6 hours, then discards it',
        why: 'Retrying for up to 6 hours applies when Lambda could not run the function at all (throttling, system errors). A function error gets two retries.',
      },
      {
        text: 'S3 receives the error and uploads the object again',
        why: 'S3 got `202 Accepted` and moved on: it never learns that the function failed.',
      },
      {
        text: 'The event stays in Lambda’s queue until the code is fixed',
        why: 'The queue is not a parking place: after the retries (or the maximum event age) the event leaves it.',
      },
    ],
    explanation:
      'Asynchronous invocation hands error handling to Lambda: two retries by default (configurable from 0 to 2), an event age limit of 6 hours by default, and then a destination, a dead-letter queue, or the bin.',
  },
  {
    id: 'invocation-partial-batch',
    kind: 'single',
    prompt:
      'A function receives a batch of 10 SQS messages and fails on the 4th. The mapping has `ReportBatchItemFailures` turned on, and the handler returns `batchItemFailures` containing only the 4th message’s `messageId`. What happens next?',
    section: 'partial-batch-responses',
    options: [
      {
        text: 'Only the 4th message returns to the queue; Lambda deletes the other nine',
        correct: true,
        why: 'A partial batch response lists just the records that failed, so only those are retried.',
      },
      {
        text: 'All ten messages return to the queue',
        why: 'That is what happens without partial batch responses, or if the handler throws instead of returning.',
      },
      {
        text: 'The 4th message is deleted and the other nine are retried',
        why: 'It is the other way round: the listed identifiers are the failures to retry.',
      },
      {
        text: 'Lambda moves the 4th message straight to the queue’s dead-letter queue',
        why: 'The message becomes visible again after the visibility timeout. Only after `maxReceiveCount` receives does the queue’s redrive policy move it.',
      },
    ],
    explanation:
      'With `ReportBatchItemFailures`, a handler catches errors per record and returns the IDs of the records that failed. Lambda deletes the rest, so good messages are not processed twice.',
  },
  {
    id: 'invocation-models-kc2',
    kind: 'select',
    select: 3,
    source: 'KC2',
    prompt: 'Which statements about invocation models are correct?',
    section: 'three-ways-to-invoke-a-function',
    options: [
      {
        text: 'Amazon S3 invokes a function asynchronously when an object is uploaded',
        correct: true,
        why: 'S3 pushes the event to Lambda, gets `202 Accepted`, and does not wait for the result.',
      },
      {
        text: 'Amazon API Gateway invokes a function synchronously and waits for its response',
        correct: true,
        why: 'A browser is waiting on the other end, so API Gateway waits for the function’s answer.',
      },
      {
        text: 'For an Amazon SQS queue, Lambda polls the queue and invokes the function with batches of messages',
        correct: true,
        why: 'SQS never pushes; an event source mapping run by Lambda reads the queue.',
      },
      {
        text: 'When Alexa invokes a function that fails, Lambda tries three times in all and then sends the event to a dead-letter queue',
        why: 'Alexa invokes synchronously, and Lambda never retries a synchronous invocation. Three attempts and a dead-letter queue belong to asynchronous invocation.',
      },
      {
        text: 'DynamoDB needs an execution role that allows it to invoke your function',
        why: 'With a DynamoDB stream, Lambda polls the stream, so it is your function’s execution role that needs permission to read it. DynamoDB invokes nothing.',
      },
    ],
    explanation:
      'S3 invokes asynchronously, API Gateway synchronously, and SQS through polling by an event source mapping. Alexa is a synchronous caller, so Lambda does not retry it. For polled sources, permissions point the other way: the function’s execution role must allow reading the queue or stream.',
  },
  {
    id: 'invocation-failed-event-match',
    kind: 'match',
    prompt: 'A function fails on every attempt, for good. Match each set-up to where the failed event ends up.',
    section: 'error-behaviour-compared',
    pairs: [
      {
        left: 'API Gateway invokes the function synchronously',
        right: 'With the caller, as an error response',
        why: 'Lambda does not retry; API Gateway returns a 5xx to the browser and nothing is kept.',
      },
      {
        left: 'S3 invokes it asynchronously, with an on-failure destination',
        right: 'In the on-failure destination, with the error details',
        why: 'After the retries, Lambda sends an invocation record: the event, the error, the number of attempts and the request context.',
      },
      {
        left: 'An event source mapping reads an SQS queue that has a redrive policy',
        right: 'In the queue’s dead-letter queue, after maxReceiveCount receives',
        why: 'The message keeps reappearing until the queue’s redrive policy moves it.',
      },
      {
        left: 'An event source mapping reads a Kinesis stream, with default settings',
        right: 'Retried until the records expire, blocking its shard',
        why: 'By default stream batches are retried until they succeed or expire, and the shard waits behind them.',
      },
    ],
    explanation:
      'Each model puts failures in a different place: the caller for synchronous calls, a destination or dead-letter queue for asynchronous events, the queue’s own dead-letter queue for SQS, and, for streams, nowhere until you limit retries and add an on-failure destination.',
  },
])

export const assessment = defineChecks([
  {
    id: 'invocation-destination-vs-dlq',
    kind: 'single',
    prompt: 'Why prefer an on-failure destination to a dead-letter queue for a new asynchronous function?',
    section: 'destinations-and-dead-letter-queues',
    options: [
      {
        text: 'Its invocation record carries the full response or error, the number of attempts and the request context, as well as the event',
        correct: true,
        why: 'A dead-letter queue message is the event, with only a request ID, an error code and the error message (cut to 1 KB) attached as message attributes.',
      },
      {
        text: 'A dead-letter queue receives the event alone, with nothing to say what went wrong',
        why: 'Not quite: Lambda attaches the attributes `RequestID`, `ErrorCode` and `ErrorMessage` (up to 1 KB) to the message. What it lacks is the full response, the attempt count and the request context.',
      },
      {
        text: 'A dead-letter queue can only be an Amazon SNS topic',
        why: 'A dead-letter queue can be an SQS queue or an SNS topic.',
      },
      {
        text: 'Adding a destination makes Lambda retry more times',
        why: 'Retries are a separate setting (0 to 2). A destination only decides where the outcome is sent.',
      },
      {
        text: 'Dead-letter queues no longer work for new functions',
        why: 'They still work; they simply carry less information than a destination, and only for failures.',
      },
    ],
    explanation:
      'Destinations send an invocation record (the event, the response or error, the attempt count and the request context) to SQS, SNS, Lambda, EventBridge or, for failures, S3. A dead-letter queue gets the event with three message attributes: the request ID, an error code and the error message, cut to 1 KB.',
  },
  {
    id: 'invocation-esm-permissions',
    kind: 'single',
    prompt:
      'The `reserve-stock` function reads orders from an SQS queue through an event source mapping. Which permission must be in place?',
    section: 'polling-invocation-event-source-mappings',
    options: [
      {
        text: 'The function’s execution role allows `sqs:ReceiveMessage`, `sqs:DeleteMessage` and `sqs:GetQueueAttributes` on the queue',
        correct: true,
        why: 'Lambda reads and deletes the messages on the function’s behalf, using its execution role.',
      },
      {
        text: 'The queue’s access policy allows SQS to invoke the function',
        why: 'SQS never invokes anything: Lambda polls the queue.',
      },
      {
        text: 'The function’s resource-based policy allows `sqs.amazonaws.com` to call `lambda:InvokeFunction`',
        why: 'That is how push sources such as S3 get permission. A polled queue invokes nothing, so it needs none.',
      },
      {
        text: 'None: event source mappings are not checked by IAM',
        why: 'They are: without the permissions, the mapping cannot read the queue.',
      },
    ],
    explanation:
      'For polled sources the direction of permission is reversed: Lambda does the reading, so the function’s execution role must allow it, and the queue or stream needs no permission to invoke the function.',
  },
  {
    id: 'invocation-batch-size',
    kind: 'single',
    prompt:
      'An SQS event source mapping has a batch size of 10 and no batching window. Three messages arrive. What does Lambda do?',
    section: 'batching',
    options: [
      {
        text: 'Invokes the function promptly with the messages available, up to 10',
        correct: true,
        why: 'Batch size is a maximum, and with a batching window of 0 Lambda does not wait for more.',
      },
      {
        text: 'Waits until ten messages have arrived',
        why: 'Batch size is an upper limit, not a target.',
      },
      {
        text: 'Invokes the function three times, once per message',
        why: 'An event source mapping delivers batches: the function gets a `Records` array.',
      },
      {
        text: 'Waits 300 seconds, then invokes the function',
        why: '300 seconds is the largest batching window you can set; here the window is 0.',
      },
    ],
    explanation:
      'Lambda invokes as soon as the first of three limits is reached: the batch size, the batching window, or the 6 MB payload limit. With no window, whatever is available is sent straight away.',
  },
])
