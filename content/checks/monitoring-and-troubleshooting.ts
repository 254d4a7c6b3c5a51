import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'monitoring-throttles-counted',
    kind: 'single',
    prompt:
      'In one minute of a sale, `checkout` runs 5,000 requests successfully, 200 more fail because the code throws, and Lambda rejects 300 because no concurrency is left. What do the **Sum** of Invocations, Errors and Throttles show for that minute?',
    section: 'invocation-metrics',
    options: [
      {
        text: 'Invocations 5,200, Errors 200, Throttles 300',
        correct: true,
        why: 'Invocations counts every run, successful or failed; the 300 rejected requests never ran, so they appear only in Throttles.',
      },
      {
        text: 'Invocations 5,500, Errors 500, Throttles 300',
        why: 'Throttled requests are counted neither as invocations nor as errors: your code never ran for them.',
      },
      {
        text: 'Invocations 5,000, Errors 200, Throttles 300',
        why: 'The 200 failed requests did run (and are billed), so they are invocations as well as errors.',
      },
      {
        text: 'Invocations 5,500, Errors 200, Throttles 300',
        why: 'Rejected requests are not invocations. Invocations equals the number of requests you are billed for, and you are not billed for a throttle.',
      },
    ],
    explanation:
      'Invocations counts every time your code ran, including runs that ended in a function error. Errors is the subset that failed. A throttled request is rejected before any code runs, so it is counted only in Throttles.',
  },
  {
    id: 'monitoring-errors-statistic',
    kind: 'single',
    prompt:
      'You want a graph of how many `checkout` invocations failed in each minute. Which statistic and period do you choose for the `Errors` metric?',
    section: 'choosing-the-right-statistic',
    options: [
      {
        text: 'Sum, with a period of 1 minute',
        correct: true,
        why: 'Each failed invocation sends a data point of 1, so adding them up over a minute counts the failures in that minute.',
      },
      {
        text: 'Average, with a period of 1 minute',
        why: 'An average describes a typical data point, not how many there were. Counts need Sum.',
      },
      {
        text: 'Maximum, with a period of 1 minute',
        why: 'Every error data point is 1, so the maximum is 1 whenever at least one error happened: it says "some", not "how many".',
      },
      {
        text: 'p99, with a period of 1 minute',
        why: 'Percentiles summarise values that vary, such as durations. They do not count events.',
      },
    ],
    explanation:
      'Invocation metrics (Invocations, Errors, Throttles and the like) record each outcome as a 1, so the Sum over a period is the count for that period. Performance metrics such as Duration use Average, Maximum or percentiles; concurrency metrics use Maximum.',
  },
  {
    id: 'monitoring-iterator-age',
    kind: 'single',
    prompt:
      'Over an afternoon, the function that reads Kettle & Co.’s orders stream (Kinesis) shows: Errors 0, Throttles 0, Duration steady at 900 ms, and IteratorAge (Maximum) climbing from 2 seconds to 45 minutes. What is happening?',
    section: 'performance-metrics',
    options: [
      {
        text: 'Records arrive faster than the function gets through them: it is falling further behind the stream, although nothing fails',
        correct: true,
        why: 'IteratorAge is how old the last record of a batch was when Lambda sent it. A steady climb with no errors means a growing backlog, not failures.',
      },
      {
        text: 'Batches keep failing and being retried',
        why: 'Failed batches would show in Errors, which is at 0. Here every batch succeeds, just not fast enough.',
      },
      {
        text: 'The function is throttled, so records wait',
        why: 'Throttled requests are counted in Throttles, which is at 0.',
      },
      {
        text: 'Nothing: IteratorAge grows with every batch the function processes',
        why: 'A healthy consumer keeps IteratorAge low and flat; a rising line means each batch it reads is older than the last.',
      },
    ],
    explanation:
      'Read the metrics together: IteratorAge rising while Errors and Throttles stay at zero means the consumer is healthy but too slow for the stream. Look at how much work each batch does and how many batches run at once, before the records expire from the stream.',
  },

  {
    id: 'monitoring-report-line',
    kind: 'single',
    prompt:
      '`checkout` logs `REPORT RequestId: 3b1f… Duration: 41.07 ms Billed Duration: 352 ms Memory Size: 256 MB Max Memory Used: 91 MB Init Duration: 310.52 ms`. Which statement is true?',
    section: 'start-end-and-report',
    options: [
      {
        text: 'It was a cold start: a new environment spent 310.52 ms initialising, and that time is billed too',
        correct: true,
        why: 'Init Duration appears only on a cold start, and Billed Duration is 310.52 + 41.07 ms rounded up: 352 ms.',
      },
      {
        text: 'The handler ran for 352 ms, of which 41 ms was spent waiting for other services',
        why: 'The handler ran for 41.07 ms (Duration). 352 ms is what you pay for: initialisation plus the handler.',
      },
      {
        text: 'The function is about to run out of memory',
        why: 'It used 91 MB of 256 MB, which leaves plenty of headroom.',
      },
      {
        text: 'Every invocation of this function will report the same Init Duration',
        why: 'Warm invocations reuse an initialised environment, so their REPORT lines have no Init Duration at all.',
      },
    ],
    explanation:
      'Duration is the handler’s own time. Init Duration, present only on cold starts, is the length of the Init phase: starting the extensions and the runtime and running your code outside the handler. Since August 2025 both are billed, so Billed Duration is their sum rounded up to the next millisecond.',
  },
  {
    id: 'monitoring-trace-reading',
    kind: 'single',
    prompt:
      'In the trace of one slow checkout, the function’s Invocation subsegment lasts 2.9 seconds. Inside it, a DynamoDB `GetItem` subsegment takes 15 ms and a call to the payment provider takes 2.8 seconds. What should the team investigate first?',
    section: 'segments-subsegments-and-the-trace-map',
    options: [
      {
        text: 'The payment provider call, which accounts for nearly all of the time',
        correct: true,
        why: 'The trace shows where the time went: 2.8 of the 2.9 seconds were spent waiting for that call.',
      },
      {
        text: 'The DynamoDB table’s capacity, because databases are the usual bottleneck',
        why: 'Follow the evidence, not habit: the trace shows the DynamoDB call took 15 ms.',
      },
      {
        text: 'The function’s memory, because more memory makes every part of the request faster',
        why: 'More memory brings more CPU, but it does not make a remote API answer sooner. The function was waiting, not computing.',
      },
      {
        text: 'Cold starts, because the Initialization subsegment is usually the slowest part',
        why: 'This trace has no Initialization subsegment worth mentioning: the time is inside the invocation, in one downstream call.',
      },
    ],
    explanation:
      'A trace breaks one request into segments and subsegments, so you can see which service or call took the time. Here one instrumented downstream call explains almost the whole duration.',
  },
  {
    id: 'monitoring-error-match',
    kind: 'match',
    prompt: 'Match each message from the logs or the caller to what it means.',
    section: 'reading-errors-and-timeouts',
    pairs: [
      {
        left: '`Runtime.HandlerNotFound: index.handler is undefined or not exported`',
        right: 'The Handler setting names an export that does not exist',
        why: 'Check the `Handler` value against the file name and the name you export.',
      },
      {
        left: "`Runtime.ImportModuleError: Cannot find package 'ulid' imported from /var/task/index.mjs`",
        right: 'A dependency is missing from the deployment package',
        why: 'The package was never installed or bundled into what you deployed.',
      },
      {
        left: "`Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token '}'`",
        right: 'The code does not parse',
        why: 'A syntax error stops the module loading, so every invocation fails until you fix and redeploy it.',
      },
      {
        left: '`Task timed out after 6.00 seconds`',
        right: 'The handler was still running when its time ran out',
        why: 'Lambda stopped it at the timeout; usually it was waiting for a slow call.',
      },
      {
        left: '`Status: error  Error Type: Runtime.OutOfMemory` in a REPORT line',
        right: 'Max Memory Used reached the configured memory',
        why: 'The runtime was killed; give the function more memory or make it hold less at once.',
      },
      {
        left: 'HTTP 429 `TooManyRequestsException`: Rate Exceeded.',
        right: 'No concurrency was available, so the request was rejected',
        why: 'The request was throttled before any code ran, and Throttles went up.',
      },
    ],
    explanation:
      '`Runtime.HandlerNotFound`, `Runtime.ImportModuleError` and `Runtime.UserCodeSyntaxError` mean your code never started, so they fail every invocation. Timeouts and out-of-memory failures stop code that did start. A 429 means the request was never run at all.',
  },
  {
    id: 'monitoring-worked-fix',
    kind: 'single',
    prompt:
      'During the sale, `checkout` reaches its reserved concurrency of 100 and throttles requests, while its p99 Duration sits at the 6-second timeout. A colleague proposes raising reserved concurrency to 500. Why did the team decide against it?',
    section: 'worked-example-checkout-timeouts-at-the-sale',
    options: [
      {
        text: 'The throttling was caused by slow requests; more concurrency would only send more waiting requests to the slow payment provider',
        correct: true,
        why: 'Concurrency is roughly requests per second times duration. The durations rose first; the throttles followed. Fixing the wait fixes both.',
      },
      {
        text: 'A function’s reserved concurrency cannot be higher than 100',
        why: 'It can be set much higher, within the account’s concurrency limit for the Region.',
      },
      {
        text: 'Raising reserved concurrency would also raise the timeout, and customers would wait longer',
        why: 'Reserved concurrency and the timeout are independent settings.',
      },
      {
        text: 'Lambda retries throttled requests automatically, so they do not reach customers',
        why: 'API Gateway invokes `checkout` synchronously: Lambda does not retry, and customers (or the mobile app) see the 429 errors.',
      },
    ],
    explanation:
      'Metrics showed Duration rising at 12:05, then ConcurrentExecutions reaching 100 at 12:08, then Throttles. Logs and the trace pointed at the payment call. Limiting how long the function waits for it removed both the timeouts and the throttles.',
  },
])

export const assessment = defineChecks([
  {
    id: 'monitoring-log-streams',
    kind: 'single',
    prompt:
      'Two checkouts a few seconds apart both failed. In `/aws/lambda/checkout` you find the first request’s lines in one log stream, but the second request’s lines are not in that stream. Why?',
    section: 'log-groups-and-log-streams',
    options: [
      {
        text: 'Each execution environment writes to its own log stream, and another environment served the second request',
        correct: true,
        why: 'A log stream belongs to one environment; concurrent or later requests may be served by others, each with its own stream.',
      },
      {
        text: 'Lambda creates a new log stream for every invocation',
        why: 'A stream lasts as long as its environment and holds every invocation that environment served.',
      },
      {
        text: 'Failed invocations are written to a separate error log group',
        why: 'Errors are logged in the same log group and stream as everything else the invocation wrote.',
      },
      {
        text: 'The second request’s lines are held back until the stream is rotated at midnight',
        why: 'There is no rotation to wait for: log lines arrive within seconds. Search the whole group by request ID.',
      },
    ],
    explanation:
      'A function logs to one log group (`/aws/lambda/<name>` by default), with one log stream per execution environment. To follow a particular request, search the whole group for its request ID.',
  },
  {
    id: 'monitoring-insights-query',
    kind: 'single',
    prompt:
      "`checkout` uses the JSON log format and logs `console.info({ msg: 'Payment authorised', orderId, ms })`. Which CloudWatch Logs Insights query lists the payment calls that took longer than 2 seconds?",
    section: 'querying-with-cloudwatch-logs-insights',
    options: [
      {
        text: '`filter message.msg = "Payment authorised" and message.ms > 2000`',
        correct: true,
        why: 'Lambda puts the logged object in the record’s `message` field, so its keys become `message.msg`, `message.ms` and so on.',
      },
      {
        text: '`filter msg = "Payment authorised" and ms > 2000`',
        why: 'The keys you logged are nested under `message`, next to Lambda’s own `timestamp`, `level` and `requestId`.',
      },
      {
        text: '`filter @type = "REPORT" and @duration > 2000`',
        why: 'That finds invocations whose whole handler took over 2 seconds, not the payment calls inside them.',
      },
      {
        text: '`filter level = "WARN"`',
        why: 'These lines are logged with `console.info`, at INFO level, and the level says nothing about how long the call took.',
      },
    ],
    explanation:
      'With the JSON log format every field you log can be searched, under the record’s `message`. Logs Insights also discovers fields in Lambda’s own REPORT lines, such as `@duration` and `@initDuration`.',
  },

  {
    id: 'monitoring-async-event-age',
    kind: 'single',
    prompt:
      'Supplier invoices uploaded to S3 are being processed hours late, yet the invoice function’s Errors graph is flat. Which metric shows how long events wait before the function runs?',
    section: 'asynchronous-invocation-metrics',
    options: [
      {
        text: 'AsyncEventAge',
        correct: true,
        why: 'It measures the time between Lambda queuing an asynchronous event and invoking the function with it.',
      },
      {
        text: 'IteratorAge',
        why: 'IteratorAge is for stream event sources such as Kinesis, not for S3’s asynchronous invocations.',
      },
      {
        text: 'Duration',
        why: 'Duration starts when the handler starts, so time spent waiting in the queue is not in it.',
      },
      {
        text: 'ConcurrentExecutions',
        why: 'A concurrency limit may be why events wait, but this metric counts busy environments, not waiting time.',
      },
    ],
    explanation:
      'S3 invokes asynchronously, so events wait in Lambda’s internal queue. AsyncEventAge rises when throttling or retries hold them back; look at Throttles and Errors next to find out which.',
  },
])
