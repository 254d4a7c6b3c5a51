import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'intro-operational-tasks',
    kind: 'select',
    select: 2,
    prompt:
      'Kettle & Co. moves its order API from its own servers to AWS Lambda. Which two jobs does the team still do itself?',
    section: 'serverless-operational-tasks',
    options: [
      {
        text: 'Write and fix the business logic',
        correct: true,
        why: 'The code is always yours: it is the part that makes the shop different.',
      },
      {
        text: 'Choose the function’s memory, timeout and permissions',
        correct: true,
        why: 'How your code runs is your decision: Lambda needs to be told how much memory, how long and what it may touch.',
      },
      {
        text: 'Patch the operating system every month',
        why: 'AWS maintains and patches the operating system of the machines that run your functions.',
      },
      {
        text: 'Install and patch the Node.js runtime',
        why: 'Lambda provides managed runtimes and patches them. You only move to a newer runtime version before yours reaches end of support.',
      },
      {
        text: 'Add servers before a sale-day spike',
        why: 'Lambda adds execution environments as requests arrive; there are no servers to add.',
      },
      {
        text: 'Install an agent to ship logs somewhere central',
        why: 'Lambda sends every function’s logs to Amazon CloudWatch Logs without an agent.',
      },
    ],
    explanation:
      'On Lambda you keep the business logic and a few decisions about how it runs (memory, timeout, permissions). Servers, the operating system, the runtime, scaling, availability and log collection move to AWS.',
  },
  {
    id: 'intro-lambda-features',
    kind: 'select',
    select: 4,
    source: 'KC1',
    prompt: 'Which of these are features of AWS Lambda?',
    section: 'lambdas-features',
    options: [
      {
        text: 'It runs your code without you provisioning or managing servers',
        correct: true,
        why: 'This is the defining feature: you deploy code, and AWS runs the machines it runs on.',
      },
      {
        text: 'It runs your functions for you when events arrive',
        correct: true,
        why: 'An HTTP request, an uploaded file, a queued message or a schedule can each invoke a function; you do not start it yourself.',
      },
      {
        text: 'It scales automatically with the number of requests',
        correct: true,
        why: 'Lambda adds execution environments as requests arrive and removes them when traffic falls.',
      },
      {
        text: 'It has monitoring and logging built in, through Amazon CloudWatch',
        correct: true,
        why: 'Every invocation is logged and measured in CloudWatch without an agent to install.',
      },
      {
        text: 'You never have to configure memory or CPU',
        why: 'You do choose the memory (128 MB to 10,240 MB). What you don’t choose is CPU: Lambda allocates it in proportion to memory.',
      },
      {
        text: 'You can update the operating system of the machines your function runs on',
        why: 'You have no access to the operating system: AWS maintains it, and provides the runtime your code runs in.',
      },
    ],
    explanation:
      'Lambda runs your code without servers to manage, invokes it in response to events, scales automatically, and monitors and logs every invocation through CloudWatch. You still configure memory (and get CPU in proportion), but the operating system is entirely AWS’s job.',
  },
  {
    id: 'intro-eda-roles',
    kind: 'match',
    prompt: 'In Kettle & Co.’s event-driven design, match each part to its role.',
    section: 'producers-routers-consumers',
    pairs: [
      {
        left: 'The online shop, which publishes “Order placed” to the event bus',
        right: 'Producer',
        why: 'It creates events and publishes them, knowing only the router, never the consumers.',
      },
      {
        left: 'Amazon EventBridge, which matches each event against rules',
        right: 'Router',
        why: 'It receives events, filters them and pushes each one to the consumers whose rules match.',
      },
      {
        left: 'The finance team’s function that charges the customer’s card',
        right: 'Consumer',
        why: 'It receives the events it subscribed to and acts on them.',
      },
      {
        left: '“Payment for order 1043 failed”',
        right: 'Event',
        why: 'A record, in the past tense, that something happened: a change of state.',
      },
    ],
    explanation:
      'Producers publish events to a router without knowing who is interested; the router delivers each event to the consumers whose rules match; consumers act on it. Because producers never know their consumers, either side can change independently.',
  },
  {
    id: 'intro-add-consumer',
    kind: 'single',
    prompt:
      'Kettle & Co.’s new marketing team wants to hear about every placed order. What is the smallest change that does it?',
    section: 'producers-routers-consumers',
    options: [
      {
        text: 'Add a rule on the event bus that sends “Order placed” events to marketing',
        correct: true,
        why: 'One new rule on the router; the shop and the other consumers are untouched.',
      },
      {
        text: 'Change the shop’s code so it also sends each order to marketing',
        why: 'That ties the producer to a consumer, which is exactly what the router exists to avoid.',
      },
      {
        text: 'Nothing: EventBridge already delivers every event to every consumer',
        why: 'EventBridge delivers an event only to targets of rules that match it. With no rule, marketing receives nothing.',
      },
      {
        text: 'Ask the finance team’s function to forward each order to marketing',
        why: 'Chaining consumers couples them: if finance changes or fails, marketing stops hearing about orders.',
      },
    ],
    explanation:
      'In an event-driven architecture you add a consumer by subscribing it at the router. The producer keeps publishing the same events, unaware of who listens.',
  },
])

export const assessment = defineChecks([
  {
    id: 'intro-billing-granularity',
    kind: 'single',
    prompt: 'A warm invocation of a Kettle & Co. function runs for 12 ms. How much run time is billed?',
    section: 'pay-for-value',
    options: [
      {
        text: '12 ms: Lambda bills duration in 1 ms increments',
        correct: true,
        why: 'Duration is rounded up to the nearest millisecond, so fast code saves money directly.',
      },
      {
        text: '100 ms: each invocation is rounded up to the next 100 ms',
        why: 'That was the rule until December 2020. Lambda now bills in 1 ms increments.',
      },
      {
        text: 'Nothing: invocations shorter than 100 ms are free',
        why: 'There is no such threshold: you pay for each request and for every millisecond of run time.',
      },
      {
        text: 'One second, the minimum charge per invocation',
        why: 'There is no minimum duration charge; a 12 ms invocation is billed as 12 ms.',
      },
    ],
    explanation:
      'Lambda bills per request plus run time rounded up to the nearest millisecond, at a price that depends on the memory you configured. When nothing runs, nothing is billed.',
  },
  {
    id: 'intro-function-parts',
    kind: 'match',
    prompt: 'Match each piece of Kettle & Co.’s `place-order` function to the part of a Lambda function it belongs to.',
    section: 'what-is-a-lambda-function',
    pairs: [
      {
        left: '`export const handler = async (event) => { … }` in `index.mjs`',
        right: 'Code',
        why: 'The handler is the entry point of the code Lambda calls with each event.',
      },
      {
        left: 'Runtime `nodejs22.x`, 256 MB of memory and a 10-second timeout',
        right: 'Configuration',
        why: 'Settings that tell Lambda how to run the code.',
      },
      {
        left: 'Permission to write to the `Orders` table, and nothing else',
        right: 'Execution role',
        why: 'The execution role grants the code access to what it needs.',
      },
      {
        left: 'An API Gateway route for `POST /orders`',
        right: 'Trigger',
        why: 'A trigger is an event source that invokes the function.',
      },
    ],
    explanation:
      'A Lambda function is code (with its handler), configuration, and an execution role for permissions; triggers decide when it runs.',
  },
  {
    id: 'intro-long-running-work',
    kind: 'single',
    prompt:
      'Kettle & Co. wants to email a customer three days after an order if it still hasn’t shipped, checking the warehouse once a day in between. How does that fit Lambda?',
    section: 'what-is-aws-lambda',
    options: [
      {
        text: 'As a durable function (or an AWS Step Functions workflow) that waits between steps: the whole run can last days, while each invocation stays short',
        correct: true,
        why: 'A durable function checkpoints its progress, stops while it waits, and is invoked again to carry on; an execution can last up to a year.',
      },
      {
        text: 'As one invocation that waits three days, with the timeout raised to match',
        why: 'A single invocation runs for at most 15 minutes (900 seconds), and you would pay for all the waiting.',
      },
      {
        text: 'As a Lambda Web Function, which keeps running between requests',
        why: 'Web Functions are for HTTP servers answering requests; they don’t keep a three-day workflow alive.',
      },
      {
        text: 'It doesn’t: anything longer than 15 minutes needs a server',
        why: 'The 15-minute limit is per invocation. Durable functions and Step Functions string invocations together for work that takes days.',
      },
    ],
    explanation:
      'Lambda suits work that comes in pieces. A process that waits for hours or days is still a fit if it is split into steps: durable functions (up to a year per execution) or Step Functions keep the state between them.',
  },
])
