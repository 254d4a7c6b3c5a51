import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'authoring-context-remaining-time',
    kind: 'single',
    prompt:
      'The `reserve-stock` function works through a batch of orders. It should stop taking new orders when fewer than 5 seconds remain before its timeout. What does it check?',
    section: 'the-context-object',
    options: [
      {
        text: '`context.getRemainingTimeInMillis()`',
        correct: true,
        why: 'It returns the milliseconds left before this invocation times out, counting down as the handler runs.',
      },
      {
        text: '`context.Runtime`',
        why: 'There is no such property: the context gives the time left only through the method `getRemainingTimeInMillis()`.',
      },
      {
        text: '`context.memoryLimitInMB`',
        why: 'That is the memory configured for the function. It says nothing about time.',
      },
      {
        text: '`Date.now()` minus the time the handler started',
        why: 'That tells you how long the handler has run, not how long it has left: the function would also need its timeout, which is not passed to the handler. The context already does the sum.',
      },
    ],
    explanation:
      'The context object carries details of the current invocation. `getRemainingTimeInMillis()` is a method, not a property, so call it each time you need the current value, for example before starting each record of a batch.',
  },
  {
    id: 'authoring-handler-event-context',
    kind: 'match',
    source: 'KC5',
    prompt: 'Match each part of a Lambda function to what it is.',
    section: 'handler-event-and-context',
    pairs: [
      {
        left: 'The entry point that Lambda calls to run your function',
        right: 'Handler',
        why: 'The `Handler` setting (such as `index.handler`) names the exported function Lambda calls with each event.',
      },
      {
        left: 'The data about what triggered this invocation, shaped by its source',
        right: 'Event object',
        why: 'An API Gateway request, an S3 upload and an SQS batch each produce a differently shaped event.',
      },
      {
        left: 'Created by Lambda for each invocation, with metadata such as the request ID and the time left',
        right: 'Context object',
        why: 'Lambda builds the context for every invocation; it includes `awsRequestId`, `functionName` and `getRemainingTimeInMillis()`.',
      },
    ],
    explanation:
      'Lambda calls the handler with two arguments. The event comes from the trigger and describes what happened; the context comes from Lambda and describes the invocation itself, including how long it has left.',
  },
  {
    id: 'authoring-stateless-counter',
    kind: 'select',
    select: 2,
    prompt:
      'A function counts today’s orders in a module-level variable, `let ordersToday = 0`, and adds 1 on every invocation. Which two statements are true?',
    section: 'keep-functions-stateless',
    options: [
      {
        text: 'Each execution environment running at the same time has its own separate count',
        correct: true,
        why: 'Module variables live in one environment’s memory. Ten environments serving traffic at once hold ten different counts.',
      },
      {
        text: 'The count disappears when Lambda shuts that environment down',
        correct: true,
        why: 'Lambda can shut an environment down whenever it is idle or replaced, and its memory goes with it.',
      },
      {
        text: 'Lambda saves module variables and restores them after the next deployment',
        why: 'Nothing in memory survives a deployment: new code starts in new environments.',
      },
      {
        text: 'The count is correct as long as the function has reserved concurrency',
        why: 'Reserved concurrency caps how many environments run; it does not make them share memory, and any of them can still be shut down.',
      },
    ],
    explanation:
      'Functions must be stateless: memory belongs to one execution environment and lasts only as long as it does. A count that matters belongs in a service such as DynamoDB, for example with an atomic counter.',
  },
  {
    id: 'authoring-log-levels',
    kind: 'select',
    select: 2,
    prompt:
      'A function’s log format is JSON and its application log level is WARN. The handler calls the four methods below. Which two produce lines in CloudWatch Logs?',
    section: 'log-structured-json',
    options: [
      {
        text: "`console.warn('Stock low', sku)`",
        correct: true,
        why: 'WARN is the configured level, so it passes the filter.',
      },
      {
        text: '`console.error(err)`',
        correct: true,
        why: 'ERROR is more severe than WARN, so it is kept.',
      },
      {
        text: "`console.log('Order placed')`",
        why: '`console.log` writes at INFO level, which is below WARN, so Lambda drops it.',
      },
      {
        text: '`console.debug(event)`',
        why: 'DEBUG is below WARN. Leave debug lines in the code and lower the level only while you investigate.',
      },
    ],
    explanation:
      'With the JSON log format, each `console` method has a level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL), and the application log level drops every line below it before it reaches CloudWatch Logs. `console.log` counts as INFO.',
  },
  {
    id: 'authoring-secret-storage',
    kind: 'single',
    prompt: 'Where should Kettle & Co.’s payment function keep the payment provider’s API key?',
    section: 'keep-secrets-in-a-secret-store',
    options: [
      {
        text: 'In AWS Secrets Manager, read through the Parameters and Secrets extension, with only the secret’s name in an environment variable',
        correct: true,
        why: 'The value stays in a service built for secrets, access is controlled per secret with IAM, and the extension caches it between invocations.',
      },
      {
        text: 'In a plain environment variable, because Lambda encrypts environment variables at rest',
        why: 'Encryption at rest doesn’t hide the value from anyone who can read the function’s configuration, and it also ends up in templates and deployment logs.',
      },
      {
        text: 'In a constant in the code, so it is deployed together with the function',
        why: 'Then it is in your repository and in every copy of the package, and changing it means a new deployment. A committed secret must be treated as leaked.',
      },
      {
        text: 'In a file in `/tmp`, written by the first invocation',
        why: 'Each environment has its own `/tmp`, which vanishes with it; and the first invocation would still need the key from somewhere safe.',
      },
    ],
    explanation:
      'Secrets belong in AWS Secrets Manager (or a `SecureString` in Parameter Store). The function needs permission to read that one secret, and the Parameters and Secrets Lambda extension saves a call to Secrets Manager on most invocations by caching the value.',
  },
  {
    id: 'authoring-console-editor',
    kind: 'single',
    source: 'KC6',
    prompt: 'What is writing code in the Lambda console editor best suited to?',
    section: 'the-console-editor',
    options: [
      {
        text: 'Simple single-function applications with no custom libraries, and experimenting',
        correct: true,
        why: 'The console is the quickest way to try an idea, as long as the function has no dependencies of its own to package.',
      },
      {
        text: 'Any standalone application whose package is under 10 MB',
        why: 'The console editor’s limit is 3 MB, not 10 MB, and size is not the only test: code with its own libraries or a build step belongs in a package built on your computer.',
      },
      {
        text: 'Large packages, and applications deployed through a CI/CD pipeline',
        why: 'Those are exactly what deployment packages and automation tools are for. Edits in the console would be overwritten by the next pipeline run.',
      },
      {
        text: 'Quick fixes to production functions, because a change goes live as soon as you deploy it',
        why: 'Going live at once is the danger, not the benefit: a console edit skips review, tests and the pipeline, and changes the code behind every connected trigger.',
      },
    ],
    explanation:
      'The console editor suits small experiments: Node.js or Python code with no custom libraries, in a package under 3 MB. As soon as there are dependencies, a build step or a team, use deployment packages and tools such as AWS SAM.',
  },
  {
    id: 'authoring-package-choice',
    kind: 'single',
    prompt:
      'Kettle & Co. wants a function that recognises teapot styles in photos. Its model and libraries take 1.4 GB unpacked. How should it be packaged?',
    section: 'deployment-packages',
    options: [
      {
        text: 'As a container image in Amazon ECR',
        correct: true,
        why: 'Container images can be up to 10 GB, enough for the model and its libraries.',
      },
      {
        text: 'As a .zip archive uploaded through Amazon S3',
        why: 'Uploading through S3 lifts the 50 MB direct-upload limit, but the unzipped package must still fit in 250 MB.',
      },
      {
        text: 'As a .zip archive with the libraries split across five layers',
        why: 'Layers share files between functions, but their unzipped contents count towards the same 250 MB as the function’s own package.',
      },
      {
        text: 'In the console editor, uploading the files one by one',
        why: 'The console editor handles packages of up to 3 MB.',
      },
    ],
    explanation:
      'A .zip package, layers included, is limited to 250 MB unzipped. For larger dependencies, such as machine-learning models, build a container image: up to 10 GB, stored in Amazon ECR.',
  },
])

export const assessment = defineChecks([
  {
    id: 'authoring-node24-callbacks',
    kind: 'single',
    prompt:
      'A function written as `exports.handler = (event, context, callback) => { … callback(null, result) }` moves from `nodejs22.x` to `nodejs24.x`. What should you expect?',
    section: 'async-handlers-not-callbacks',
    options: [
      {
        text: 'It must be rewritten as an async handler that returns its result: Node.js 24 no longer supports callback-style handlers',
        correct: true,
        why: 'Callback-style handlers work only on `nodejs22.x` and earlier runtimes.',
      },
      {
        text: 'It keeps working unchanged, because Lambda converts the callback into a promise',
        why: 'Lambda does no such conversion on Node.js 24: the callback signature is simply not supported there.',
      },
      {
        text: 'It works, but `callbackWaitsForEmptyEventLoop` is ignored',
        why: 'That setting belongs to callback handlers, which Node.js 24 doesn’t run at all.',
      },
      {
        text: 'It works if the function switches to `context.succeed(result)` instead',
        why: '`context.succeed()` is an even older style of the same idea. Return the result from an async handler instead.',
      },
    ],
    explanation:
      'On current runtimes, a Node.js handler is an async function (or returns a promise): return a value for success, throw for failure. The callback signature is supported only up to `nodejs22.x`.',
  },

  {
    id: 'authoring-bad-input-result',
    kind: 'single',
    prompt:
      'API Gateway invokes `place-order` with an order whose quantity is `0`. What should the handler do, and what does the customer’s browser then get?',
    section: 'return-clear-results',
    options: [
      {
        text: 'Return `{ statusCode: 400, body: … }` saying the quantity must be at least 1: the browser gets a 400 with that message',
        correct: true,
        why: 'A bad request is the caller’s mistake, not the function’s failure. A 4xx answer tells the caller what to fix, and Lambda records no error.',
      },
      {
        text: 'Throw an `Error` naming the quantity: the browser gets a 400 with that message',
        why: 'A thrown error is a function error: API Gateway answers `502 Bad Gateway`, and the message never reaches the browser. It also counts in the Errors metric as if the function were broken.',
      },
      {
        text: 'Throw an `Error`, so that Lambda retries the invocation until the order is fixed',
        why: 'Lambda never retries a synchronous invocation, and no retry could fix a bad order anyway: the same order fails the same way every time.',
      },
      {
        text: 'Return `{ statusCode: 201 }` and fix the quantity to 1, so the customer is not bothered',
        why: 'Silently changing an order hides the mistake from the customer, who would get something they did not ask for.',
      },
    ],
    explanation:
      'Bad input gets an answer that says what is wrong (a 4xx for an HTTP caller); only work that could not be done, such as a database that is down, is thrown, so that Lambda records it and retries asynchronous and polled events.',
  },
])
