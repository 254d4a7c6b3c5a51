import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'config-memory-cpu',
    kind: 'single',
    prompt:
      'Kettle & Co.’s `resize-photo` function is configured with 512 MB. Its logs show `Max Memory Used: 140 MB`, and nearly all of its time goes on resizing images. Which change is most likely to make it faster?',
    section: 'memory',
    options: [
      {
        text: 'Raise the memory setting, for example to 1,769 MB',
        correct: true,
        why: 'Lambda allocates CPU in proportion to memory. CPU-bound work speeds up with the extra CPU, even though the function will not use the extra RAM.',
      },
      {
        text: 'Lower the memory to 256 MB, since it only uses 140 MB',
        why: 'That would fit the RAM it uses but halve its CPU share, so the resizing would take roughly twice as long.',
      },
      {
        text: 'Raise the timeout from 10 to 60 seconds',
        why: 'The timeout is only a ceiling on how long an invocation may run. It gives the function no extra resources.',
      },
      {
        text: 'Give it reserved concurrency of 100',
        why: 'Reserved concurrency lets more copies run at the same time; it does not make any single invocation faster.',
      },
    ],
    explanation:
      'Memory is Lambda’s only dial for CPU: at 1,769 MB a function gets one full vCPU, at 512 MB under a third of one. A CPU-bound function with spare RAM is starved of CPU, not of memory, so more memory makes it faster, often for about the same cost.',
  },
  {
    id: 'config-reduce-duration',
    kind: 'select',
    select: 3,
    source: 'KC8',
    prompt:
      'You are told that Kettle & Co.’s production function `build-catalogue` runs for 5 minutes, and asked to cut what it costs. Which three steps should you take?',
    section: 'balancing-power-and-duration',
    options: [
      {
        text: 'Check the `Duration` metric to confirm that 5 minutes is typical in production, not a one-off',
        correct: true,
        why: 'Production monitoring shows the real distribution of durations; one report may describe an unusual run.',
      },
      {
        text: 'Test it at several higher memory sizes and compare the duration and cost of each',
        correct: true,
        why: 'More memory brings more CPU. If the duration falls faster than the price per millisecond rises, a larger size costs less.',
      },
      {
        text: 'Remove SDK clients and other libraries the package doesn’t need',
        correct: true,
        why: 'Less code to load shortens Init on each cold start, and Init is billed. It doesn’t shorten the 5-minute run itself, so it saves in proportion to how often the function starts cold.',
      },
      {
        text: 'Run it once from the console to confirm it takes 5 minutes',
        why: 'One run with a test event, possibly a cold start, tells you little about how the function behaves on real production data.',
      },
      {
        text: 'Lower the timeout to 4 minutes so it can’t run as long',
        why: 'The work still needs 5 minutes, so it would simply fail at 4, and you would pay for 4 minutes of wasted work, plus any retries.',
      },
    ],
    explanation:
      'Cutting cost starts with measuring what really happens in production. More memory (and with it CPU) can shorten the run itself; a leaner package shortens only the billed Init of cold starts. A shorter timeout doesn’t make work shorter; it only turns slow runs into failed ones.',
  },
  {
    id: 'config-concurrency-estimate',
    kind: 'single',
    prompt:
      'During a sale, `place-order` receives 300 requests per second, and each takes 200 ms on average. About how much concurrency does it need?',
    section: 'requests-per-second-times-duration',
    options: [
      {
        text: '60',
        correct: true,
        why: '300 requests per second × 0.2 seconds each = 60 invocations running at any moment.',
      },
      {
        text: '300',
        why: 'That is the request rate. It would also be the concurrency only if each request took exactly one second.',
      },
      {
        text: '1,500',
        why: 'That divides the rate by the duration (300 ÷ 0.2) instead of multiplying them.',
      },
      {
        text: '6',
        why: 'The duration was taken as 0.02 seconds: 200 ms is 0.2 seconds.',
      },
    ],
    explanation:
      'Concurrency is requests per second × average duration in seconds. Each environment handles one request at a time, so a 200 ms request occupies one for a fifth of a second, and 300 of them a second keep about 60 environments busy.',
  },
  {
    id: 'config-limit-reasons',
    kind: 'select',
    select: 3,
    source: 'KC9',
    prompt: 'Why might you set a concurrency limit (reserved concurrency) on a function? Select three.',
    section: 'reserved-concurrency',
    options: [
      {
        text: 'To keep its costs under control',
        correct: true,
        why: 'A cap bounds how many invocations can run and be billed at once, even if a bug or a flood of events arrives.',
      },
      {
        text: 'To regulate how quickly a batch of events is worked through',
        correct: true,
        why: 'With a limit, a backlog is processed at a steady, predictable pace rather than all at once.',
      },
      {
        text: 'To match what a downstream resource, such as a database, can handle',
        correct: true,
        why: 'Lambda scales faster than most databases and APIs; the limit stops it from opening more connections than they can take.',
      },
      {
        text: 'To help CloudWatch keep track of log events',
        why: 'Logging works the same at any concurrency; the limit has nothing to do with CloudWatch Logs.',
      },
      {
        text: 'To make sure Amazon SQS queues are emptied efficiently',
        why: 'A limit slows consumption down. To drain a queue faster you would allow more concurrency, not less.',
      },
      {
        text: 'To limit how much memory the function uses',
        why: 'Memory is a separate setting, per invocation. Concurrency counts invocations, not megabytes.',
      },
    ],
    explanation:
      'Reserved concurrency is both a guarantee and a ceiling. The ceiling is what you use to cap spending, pace a backlog and protect slower systems behind the function.',
  },
  {
    id: 'config-concurrency-types',
    kind: 'match',
    prompt: 'Match each situation at Kettle & Co. to the concurrency setting that fits it.',
    section: 'concurrency',
    pairs: [
      {
        left: 'The checkout must never be starved by other functions during the sale',
        right: 'Reserved concurrency',
        why: 'Reserving sets aside a share of the pool that no other function can use.',
      },
      {
        left: 'The product API must answer without cold starts when the sale opens at 9 a.m.',
        right: 'Provisioned concurrency',
        why: 'Provisioned environments are initialised in advance, so requests don’t wait for a cold start.',
      },
      {
        left: 'A rarely used admin report needs nothing special',
        right: 'Unreserved concurrency',
        why: 'By default a function shares the account’s unreserved pool, which is fine for light, uncritical work.',
      },
      {
        left: 'A buggy function is sending duplicate emails and must stop at once',
        right: 'Reserved concurrency of 0',
        why: 'With a reservation of zero, every invocation is throttled until you change it.',
      },
    ],
    explanation:
      'Unreserved is the shared default, reserved guarantees and caps a function’s share, a reservation of 0 switches a function off, and provisioned keeps environments initialised (for a fee) to avoid cold starts.',
  },
  {
    id: 'config-throttled-request',
    kind: 'single',
    prompt:
      '`sync-stock` has reserved concurrency 20, and all 20 of its environments are busy when another synchronous request arrives. What happens to that request?',
    section: 'throttling',
    options: [
      {
        text: 'Lambda rejects it with a 429 `TooManyRequestsException`; the caller decides whether to retry',
        correct: true,
        why: 'A synchronous request that can’t get an environment is throttled straight away, and retrying is up to the caller.',
      },
      {
        text: 'Lambda holds it until one of the 20 environments is free',
        why: 'Lambda queues asynchronous events, not synchronous requests. A synchronous caller gets the error at once.',
      },
      {
        text: 'Lambda borrows an environment from the unreserved pool',
        why: 'Reserved concurrency is also a maximum: the function can’t use more than 20, even when the pool is idle.',
      },
      {
        text: 'Lambda starts a 21st environment and bills it at a higher rate',
        why: 'There is no overflow tier. Beyond the limit, requests are throttled, not charged extra.',
      },
    ],
    explanation:
      'When no concurrency is available, Lambda throttles the request with HTTP 429. Synchronous callers see the error and retry, ideally with backoff; asynchronous events are kept and retried by Lambda; event source mappings slow their polling.',
  },
])

export const assessment = defineChecks([
  {
    id: 'config-billing-gb-seconds',
    kind: 'single',
    prompt:
      'A function is configured with 2,048 MB, uses at most 300 MB, and one invocation runs for 500 ms. How much compute does that invocation use for billing?',
    section: 'requests-and-gb-seconds',
    options: [
      {
        text: '1 GB-second: 2 GB configured × 0.5 seconds',
        correct: true,
        why: 'Duration is priced by the memory you configure, multiplied by the time, rounded up to the millisecond.',
      },
      {
        text: 'About 0.15 GB-seconds: 300 MB used × 0.5 seconds',
        why: 'Lambda bills the memory you allocate, not the memory the function actually uses.',
      },
      {
        text: '2 GB-seconds, because the duration is rounded up to a whole second',
        why: 'Lambda rounds duration up to the nearest millisecond, not to whole seconds.',
      },
      {
        text: 'Nothing, because the function used less memory than it was given',
        why: 'Every invocation is charged for its requests and duration, whatever memory it uses.',
      },
    ],
    explanation:
      'Compute is measured in GB-seconds: configured memory in GB × duration in seconds, per millisecond. That is why a large memory setting that the function doesn’t need costs money, unless it makes the function faster.',
  },
  {
    id: 'config-timeout-choice',
    kind: 'single',
    prompt:
      'An API function usually finishes in 300 ms, but hangs for minutes whenever the payment provider is down. Its timeout is 900 seconds. What should you change?',
    section: 'timeout',
    options: [
      {
        text: 'Lower the timeout to a few seconds, comfortably above its slowest normal runs',
        correct: true,
        why: 'It then fails fast, the customer gets an answer, and you stop paying for minutes of waiting.',
      },
      {
        text: 'Leave it at 900 seconds, so the function never times out',
        why: 'You would pay for every minute it hangs, and the customer would have given up long before.',
      },
      {
        text: 'Set it to exactly 300 ms, the usual duration',
        why: 'Ordinary variation, such as a cold start, would then cause timeouts on healthy requests.',
      },
      {
        text: 'Set it to 0 to turn timeouts off',
        why: 'The timeout must be between 1 and 900 seconds; it can’t be switched off.',
      },
    ],
    explanation:
      'A timeout is a safety net. Set it from measured durations, with a margin for the slow tail, so that failures are quick and cheap instead of slow and expensive.',
  },
  {
    id: 'config-scaling-rate',
    kind: 'single',
    prompt:
      'A function with no warm environments suddenly needs 3,000 concurrent environments. The account limit has been raised to 5,000. How does Lambda scale it?',
    section: 'how-fast-a-function-scales',
    options: [
      {
        text: 'It adds up to 1,000 environments every 10 seconds for this function, reaching 3,000 in about 20 seconds',
        correct: true,
        why: 'The scaling rate is per function: up to 1,000 new environments every 10 seconds until the limit is reached.',
      },
      {
        text: 'It bursts to between 500 and 3,000 depending on the Region, then adds 500 a minute',
        why: 'That was the Region-wide burst model, replaced in November 2023.',
      },
      {
        text: 'It starts all 3,000 immediately, because the account limit allows it',
        why: 'The account limit is how far it may go, not how fast; the scaling rate still applies.',
      },
      {
        text: 'It shares a single scaling rate with every other function in the Region',
        why: 'Since 2023 each function scales independently of the others.',
      },
    ],
    explanation:
      'Two things bound scaling: the limit (account or reserved concurrency) and the rate, 1,000 environments every 10 seconds per function. Requests beyond the capacity of the moment are throttled until Lambda catches up.',
  },
])
