import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'execenv-init-subphases',
    kind: 'match',
    prompt:
      'A cold start of `place-order` runs these steps. Match each one to the part of the lifecycle it belongs to.',
    section: 'the-init-phase',
    pairs: [
      {
        left: 'A monitoring agent, added to the function as a layer, starts up',
        right: 'Extension init',
        why: 'Extensions start first, so they are ready before the runtime and your code.',
      },
      {
        left: 'The Node.js process and Lambda’s bootstrap code start',
        right: 'Runtime init',
        why: 'Bootstrapping the language runtime is the second sub-phase of Init.',
      },
      {
        left: '`const db = new DynamoDBClient({})` at the top of `index.mjs` runs',
        right: 'Function init',
        why: 'Top-level code, outside the handler, runs when Lambda loads your module: the last sub-phase of Init.',
      },
      {
        left: 'The code inside `handler` reads the order from the event',
        right: 'Invoke',
        why: 'The handler runs in the Invoke phase, once per request, after Init has finished.',
      },
    ],
    explanation:
      'Init runs three sub-phases in a fixed order: extension init, runtime init, then function init (your code outside the handler). Only then does the Invoke phase call the handler. On a warm start, only the Invoke step happens.',
  },
  {
    id: 'execenv-lifecycle-match',
    kind: 'match',
    source: 'KC3',
    prompt: 'Match each step to the phase of the execution environment lifecycle in which it happens.',
    section: 'the-lifecycle',
    pairs: [
      {
        left: 'An event source, such as API Gateway, sends a request that reaches the function',
        right: 'Invoke',
        why: 'Each request is handled in the Invoke phase, when Lambda passes the event to the handler.',
      },
      {
        left: 'Lambda creates an execution environment with the memory you configured',
        right: 'Init',
        why: 'Setting up a new environment and its code is where Init begins, before the three init sub-phases run. (A frozen environment that is thawed for a warm start goes straight to Invoke.)',
      },
      {
        left: 'Lambda stops the runtime and removes the environment',
        right: 'Shutdown',
        why: 'Shutdown ends an environment’s life: extensions get a Shutdown event, then the runtime is stopped.',
      },
    ],
    explanation:
      'An environment is initialised once (Init), serves requests (Invoke, as many times as requests arrive), and is eventually removed (Shutdown), after idling or for maintenance. Between invocations it is frozen, not shut down, and thawing it for the next request skips Init.',
  },
  {
    id: 'execenv-init-billing',
    kind: 'single',
    prompt:
      'In September 2025, a cold start of `place-order` (a .zip package on `nodejs22.x`, no provisioned concurrency) spends 300 ms in Init and 50 ms in the handler. How much of that is billed as duration?',
    section: 'when-billing-starts',
    options: [
      {
        text: '350 ms: the Init phase and the invocation',
        correct: true,
        why: 'Since 1 August 2025, Init is billed for every function, at the same rate as Invoke.',
      },
      {
        text: '50 ms: only the handler',
        why: 'That was the rule for .zip functions on managed runtimes before August 2025, not any more.',
      },
      {
        text: 'Only the function init part of the 300 ms, plus the 50 ms',
        why: 'Billing does not start after runtime init: the whole Init phase counts, extension and runtime init included.',
      },
      {
        text: 'Nothing: cold starts are free because Lambda caused them',
        why: 'Cold starts have never been free as a whole; at the least, the handler’s time was always billed.',
      },
    ],
    explanation:
      'Lambda now bills the Init phase of every function, so a cold start costs its Init duration plus its invocation duration. Because cold starts are usually a small share of invocations, most bills barely change, but slow init code now costs money as well as latency.',
  },
  {
    id: 'execenv-sale-latency',
    kind: 'single',
    prompt:
      'During the Black Friday sale, customers of Kettle & Co. notice slow first responses from `place-order`, a Node.js function behind API Gateway. Its init code is already lean. What reduces the cold starts they see?',
    section: 'reducing-cold-start-latency',
    options: [
      {
        text: 'Configure provisioned concurrency on the function’s alias for the hours of the sale',
        correct: true,
        why: 'Provisioned environments are initialised before traffic arrives, so those requests skip Init.',
      },
      {
        text: 'Turn on SnapStart for the function',
        why: 'SnapStart is available for the Java, Python and .NET managed runtimes, not for Node.js.',
      },
      {
        text: 'Raise the function’s timeout from 10 to 60 seconds',
        why: 'The timeout limits how long an invocation may run; it does not make start-up any faster.',
      },
      {
        text: 'Write a cache to `/tmp` so new environments can read it',
        why: '`/tmp` belongs to one environment; a new environment starts with an empty `/tmp`.',
      },
    ],
    explanation:
      'When init code is already small, the remaining cold-start latency can be removed only by initialising ahead of time. For Node.js that means provisioned concurrency, set on a version or alias and paid for while it is configured, so it suits a known peak such as a sale.',
  },
  {
    id: 'execenv-warm-reuse',
    kind: 'select',
    select: 2,
    prompt: 'Which two are good uses of a warm execution environment in `place-order`?',
    section: 'writing-for-warm-starts',
    options: [
      {
        text: 'Create the DynamoDB client outside the handler so later requests reuse it and its connections',
        correct: true,
        why: 'Function init runs once per environment; every warm request then reuses the client.',
      },
      {
        text: 'Download the 300 MB photo-matching model from S3 into `/tmp` once, and again only when the file is missing',
        correct: true,
        why: '`/tmp` is the environment’s own disk and survives warm invocations: the place for a large file, as long as the code copes with a new environment where it is empty.',
      },
      {
        text: 'Count the orders placed today in a module-level variable and show it on the dashboard',
        why: 'Each environment has its own copy of the variable, and any of them can be replaced at any time, so the count is wrong.',
      },
      {
        text: 'Start the audit-log write without awaiting it, so the handler returns sooner',
        why: 'After the handler returns the environment may be frozen, leaving the write unfinished, perhaps for good.',
      },
    ],
    explanation:
      'Warm environments keep whatever init created, so reuse clients, connections and cached files. But any request can land in a new environment, and environments are frozen the moment the handler returns: finish all work first, and keep state that matters in a service such as DynamoDB.',
  },
])

export const assessment = defineChecks([
  {
    id: 'execenv-isolation',
    kind: 'single',
    prompt: 'Which statement about Lambda execution environments is true?',
    section: 'what-an-execution-environment-is',
    options: [
      {
        text: 'An environment serves one function and, for an Event Function, handles one request at a time',
        correct: true,
        why: 'Environments are never shared between functions, and an Event Function’s environment works on a single request at once. (Web Functions and Managed Instances are the exceptions.)',
      },
      {
        text: 'Functions in the same account share environments to save memory',
        why: 'An environment belongs to exactly one function; it is never shared with another.',
      },
      {
        text: 'Extensions run in their own environment, apart from the function',
        why: 'Extensions run inside the same environment as the runtime, sharing its memory, variables and credentials.',
      },
      {
        text: 'An environment runs a request to completion and is then destroyed',
        why: 'It is frozen between requests and reused for warm starts; it is shut down only after idling or for maintenance.',
      },
    ],
    explanation:
      'An execution environment is an isolated microVM for one function. The runtime, extensions and `/tmp` live inside it, and it handles one request at a time, which is why concurrent requests need separate environments.',
  },
  {
    id: 'execenv-cold-start-causes',
    kind: 'select',
    select: 2,
    prompt: 'Which two situations give `place-order` a cold start?',
    section: 'cold-starts-and-warm-starts',
    options: [
      {
        text: 'The first request after a new version of the code is deployed',
        correct: true,
        why: 'Environments running the old code are not reused, so new ones must be initialised.',
      },
      {
        text: 'Five requests arrive at once while only two environments are frozen and free',
        correct: true,
        why: 'Each concurrent request needs its own environment, so Lambda initialises three more.',
      },
      {
        text: 'A request arrives a few seconds after the previous one finished',
        why: 'The environment that served the previous request is frozen and ready: a warm start.',
      },
      {
        text: 'The handler logs a large message with `console.log`',
        why: 'Logging happens during Invoke and has nothing to do with whether Init runs.',
      },
    ],
    explanation:
      'A cold start happens whenever a request needs an environment that doesn’t exist yet: the first request, the first after a deployment or configuration change, more concurrent requests than free environments, or after an environment was shut down.',
  },
  {
    id: 'execenv-what-you-optimise',
    kind: 'single',
    prompt: 'Which part of a cold start can you, rather than AWS, make shorter?',
    section: 'what-aws-optimises-and-what-you-optimise',
    options: [
      {
        text: 'Function init, by importing only the SDK clients you use and deferring rarely needed modules',
        correct: true,
        why: 'Function init runs your top-level code, so its length is in your hands.',
      },
      {
        text: 'Creating the microVM',
        why: 'Preparing the environment is Lambda’s job; you have no setting for it.',
      },
      {
        text: 'Starting the Node.js runtime process',
        why: 'Runtime init is optimised by AWS, which maintains the managed runtimes.',
      },
      {
        text: 'The time the environment stays frozen before Shutdown',
        why: 'Idle time is not part of a cold start, and Lambda does not let you set it.',
      },
    ],
    explanation:
      'AWS optimises the steps it owns: creating the environment, fetching the code and starting the runtime. You own package size, extensions, function init and the handler, and function init is often the largest part of a cold start.',
  },
])
