import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'deploy-iac-parity',
    kind: 'single',
    prompt:
      'Kettle & Co. wants its test environment to match production exactly, and developers to try features without queuing for a shared test server. What gives them both?',
    section: 'one-template-many-environments',
    options: [
      {
        text: 'Deploying the same template as separate stacks: one per feature branch, one for test and one for production',
        correct: true,
        why: 'Every stack is built from the same blueprint, so they match, and an idle serverless stack costs almost nothing, so each branch can have its own.',
      },
      {
        text: 'Recreating production’s resources in the test account by hand in the console',
        why: 'Manual copies are slow, error-prone and drift apart, which is exactly the problem of long-lived servers.',
      },
      {
        text: 'Running the whole application with `sam local`, so no test account is needed',
        why: 'Local runs imitate the Lambda runtime only; permissions, real event sources, quotas and other AWS services need a real account.',
      },
      {
        text: 'One long-lived test stack that every developer deploys into',
        why: 'It can match production, but everyone shares it again, so developers still queue and overwrite each other’s changes.',
      },
    ],
    explanation:
      'Infrastructure as code makes an environment repeatable: the template is the single source of truth, and each deployment of it is a stack. Because idle serverless resources cost little, you can afford as many stacks as you have branches.',
  },
  {
    id: 'deploy-versions-aliases',
    kind: 'select',
    select: 3,
    source: 'versions',
    prompt: 'Which three statements about Lambda versions and aliases are true?',
    section: 'aliases',
    options: [
      {
        text: 'When you create a function, `$LATEST` is its only version',
        correct: true,
        why: 'Numbered versions exist only once you publish them; a new function has just the unpublished `$LATEST`.',
      },
      {
        text: 'An alias can point at any version of its function',
        correct: true,
        why: 'An alias is a pointer to a version, and you can move it to any of the function’s versions at any time (though never to another alias).',
      },
      {
        text: 'A function’s ARN can end in a version number or an alias name',
        correct: true,
        why: 'Such qualified ARNs, like `place-order:4` or `place-order:live`, let callers pin a version or follow an alias.',
      },
      {
        text: 'A function must be versioned before it can be invoked',
        why: 'Versioning is optional: without any published versions, callers invoke `$LATEST`.',
      },
      {
        text: 'You can choose the numbering scheme Lambda uses for versions',
        why: 'Lambda assigns version numbers itself, 1, 2, 3 in order. Use descriptions or aliases to give versions meaning.',
      },
    ],
    explanation:
      'A function starts with only `$LATEST`. Publishing creates immutable, Lambda-numbered versions, and aliases are movable pointers to them. Both versions and aliases can be named in an ARN, which is how callers avoid running untested code.',
  },
  {
    id: 'deploy-weighted-alias-rules',
    kind: 'select',
    select: 2,
    prompt:
      'The team wants the alias `live` to send 90% of requests to version 7 and 10% to a new version 8. Which two situations would prevent this weighted alias?',
    section: 'weighted-aliases',
    options: [
      {
        text: 'Version 8 uses a different execution role from version 7',
        correct: true,
        why: 'Both versions of a weighted alias must have the same execution role.',
      },
      {
        text: 'Instead of version 8, they want the 10% to run `$LATEST`',
        correct: true,
        why: 'Both versions must be published; a weighted alias can’t include `$LATEST`.',
      },
      {
        text: 'Version 8 has twice as much memory as version 7',
        why: 'Settings such as memory and timeout may differ; comparing such changes is a common reason for a canary.',
      },
      {
        text: 'Neither version has a dead-letter queue',
        why: 'The rule is the same dead-letter queue configuration or none at all, and "none" on both sides satisfies it.',
      },
      {
        text: 'Version 8 has a longer timeout than version 7',
        why: 'Timeouts, like other settings, may differ between the two versions.',
      },
    ],
    explanation:
      'A weighted alias points at no more than two published versions, which must share an execution role and have the same dead-letter queue configuration, or none. Everything else, code and settings alike, may differ; that is the point of trying a new version on a share of traffic.',
  },
  {
    id: 'authoring-sam-tools',
    kind: 'match',
    source: 'KC7',
    prompt: 'Match each item to its description.',
    section: 'the-sam-cli',
    pairs: [
      {
        left: 'Like a house’s blueprint: your infrastructure, written as code',
        right: 'CloudFormation template',
        why: 'A CloudFormation template describes every resource, and CloudFormation builds the stack from it.',
      },
      {
        left: 'A shorter form of CloudFormation template, for serverless applications',
        right: 'AWS SAM template',
        why: 'With `Transform: AWS::Serverless-2016-10-31`, a few lines of SAM expand into full CloudFormation resources.',
      },
      {
        left: 'A tool for building, testing and debugging serverless applications on your computer',
        right: 'AWS SAM CLI',
        why: 'Commands such as `sam build` and `sam local invoke` run on your computer, in a container that imitates Lambda.',
      },
      {
        left: 'The SAM CLI command that deploys an application from a SAM template',
        right: '`sam deploy`',
        why: '`sam deploy` uploads the build to S3 and applies a CloudFormation change set; `--guided` walks you through the first run.',
      },
    ],
    explanation:
      'CloudFormation templates are infrastructure as code; SAM templates are a streamlined form of them for serverless applications; the SAM CLI builds and tests them locally, and `sam deploy` ships them through CloudFormation.',
  },
  {
    id: 'deploy-linear-share',
    kind: 'single',
    prompt:
      'A `Linear10PercentEvery1Minute` deployment of `place-order` starts shifting traffic to version 8. No alarm fires. Three minutes later, what share of requests does version 8 receive?',
    section: 'canary-linear-or-all-at-once',
    options: [
      {
        text: '40%',
        correct: true,
        why: 'Each step shifts 10% at the start of its minute: 10% at once, then 20%, 30% and, at minute 3, 40%.',
      },
      {
        text: '30%',
        why: 'That counts only the steps after the first: the first 10% moves as soon as the shift starts.',
      },
      {
        text: '10%',
        why: 'That is a canary: `Canary10Percent5Minutes` keeps 10% for five minutes. A linear deployment keeps adding 10% every minute.',
      },
      {
        text: '100%',
        why: 'That is `AllAtOnce`. A linear deployment needs ten steps to move everything, so it has about six minutes to go.',
      },
    ],
    explanation:
      'The deployment type sets the pace: a linear type adds the same share at the start of every interval, a canary moves a small share and then the rest, all at once moves everything. The slower the shift, the longer an alarm has to catch a bad version while most customers are still on the old one.',
  },

  {
    id: 'deploy-alarm-rollback',
    kind: 'single',
    prompt:
      'A `Linear10PercentEvery1Minute` deployment of `place-order` has reached 40% when its error alarm goes into the ALARM state. What happens?',
    section: 'alarms-and-automatic-rollback',
    options: [
      {
        text: 'CodeDeploy points `live` back at the old version for all traffic, the deployment fails, and the stack update rolls back',
        correct: true,
        why: 'An alarm during the shift triggers an automatic rollback, and CloudFormation reverts the rest of the stack update with it.',
      },
      {
        text: 'CodeDeploy pauses at 40% until someone approves the next step',
        why: 'There is no pause for approval: an alarm means roll back, straight away.',
      },
      {
        text: 'The shift carries on; the alarm only sends a notification',
        why: 'Alarms listed in the deployment preference control the deployment; that is their purpose.',
      },
      {
        text: 'Lambda deletes the new version so that it can’t be invoked again',
        why: 'Versions are not deleted by a rollback; the alias simply stops routing traffic to the new one.',
      },
    ],
    explanation:
      'CodeDeploy watches the alarms for as long as traffic is shifting. The first alarm moves all traffic back to the old version and fails the deployment, and because it runs inside a CloudFormation stack update, the whole update is rolled back.',
  },
])

export const assessment = defineChecks([
  {
    id: 'deploy-cloud-testing',
    kind: 'single',
    prompt: 'Why do serverless integration tests usually run in an AWS account rather than on a developer’s laptop?',
    section: 'the-serverless-workflow',
    options: [
      {
        text: 'Permissions, real event sources, quotas and the other AWS services exist only in AWS, and an idle test stack costs very little',
        correct: true,
        why: 'A laptop can run the handler, but not the IAM policies, triggers and services it depends on.',
      },
      {
        text: 'Lambda functions can’t run anywhere but in AWS',
        why: 'They can: unit tests run the handler directly, and `sam local invoke` runs it in a container that imitates Lambda.',
      },
      {
        text: 'Only Lambda can install a function’s npm dependencies',
        why: 'You install dependencies yourself, with npm or `sam build`, before packaging.',
      },
      {
        text: 'Local testing would use up the account’s concurrency',
        why: 'Local runs don’t touch Lambda at all, so they use no account concurrency.',
      },
    ],
    explanation:
      'Local tests check logic quickly; integration tests need the real environment. Because serverless stacks cost almost nothing when idle, deploying a full copy per developer or branch into a test account is practical.',
  },
  {
    id: 'deploy-unqualified-arn',
    kind: 'single',
    prompt:
      'A caller invokes `arn:aws:lambda:eu-west-1:123456789012:function:place-order`, with nothing after the function name. Which code runs?',
    section: 'qualified-and-unqualified-arns',
    options: [
      {
        text: '`$LATEST`',
        correct: true,
        why: 'An unqualified ARN refers to the function itself, and invoking it runs the unpublished `$LATEST`.',
      },
      {
        text: 'The most recently published version',
        why: 'Published versions run only when named, directly or through an alias.',
      },
      {
        text: 'Whichever version the alias `live` points at',
        why: 'Aliases apply only when the ARN ends in the alias name, such as `:live`.',
      },
      {
        text: 'Version 1',
        why: 'Lambda never falls back to the first version; without a qualifier, `$LATEST` runs.',
      },
    ],
    explanation:
      'Unqualified means no suffix, and that means `$LATEST`: the newest, possibly untested code. Production callers should use a qualified ARN, ideally an alias, so that releases and rollbacks happen by moving the alias.',
  },
  {
    id: 'deploy-pretraffic-hook',
    kind: 'single',
    prompt: 'What is a PreTraffic hook for in a CodeDeploy deployment of a Lambda function?',
    section: 'pre-traffic-and-post-traffic-hooks',
    options: [
      {
        text: 'Testing the newly published version before any traffic reaches it, and reporting `Succeeded` or `Failed` to CodeDeploy',
        correct: true,
        why: 'It runs after the new version exists but before the alias sends it traffic; a failure stops the deployment.',
      },
      {
        text: 'Checking the whole application after all traffic has moved',
        why: 'That is the PostTraffic hook, which runs once the shift is complete.',
      },
      {
        text: 'Choosing the traffic-shifting type for this deployment',
        why: 'The type comes from `DeploymentPreference`; hooks only test and report.',
      },
      {
        text: 'Warming up the environments of the old version before the shift',
        why: 'The old version is already serving traffic; a PreTraffic hook works on the new one.',
      },
    ],
    explanation:
      'Hooks are Lambda functions that CodeDeploy invokes around the shift: PreTraffic before the new version takes traffic, PostTraffic after. Each must report its result with `PutLifecycleEventHookExecutionStatus`; a failure rolls the deployment back.',
  },
  {
    id: 'deploy-sam-local-credentials',
    kind: 'single',
    prompt:
      '`place-order`’s execution role is missing `dynamodb:PutItem`. You test it with `sam local invoke`, and it writes to the real `Orders` table without an error. What happens once it is deployed?',
    section: 'the-sam-cli',
    options: [
      {
        text: 'The write fails with `AccessDeniedException`: locally, the call used your own AWS credentials, not the function’s role',
        correct: true,
        why: '`sam local` runs the code in a container on your computer with the credentials of your AWS profile. Only in AWS does the function run as its execution role.',
      },
      {
        text: 'It works: `sam local invoke` already checked the execution role',
        why: 'The container can’t take on the function’s role; it uses your profile’s credentials, so a missing permission in the role goes unnoticed.',
      },
      {
        text: '`sam deploy` refuses to deploy a role that is missing a permission the code needs',
        why: 'Neither SAM nor CloudFormation reads your code to work out which permissions it needs; the deployment succeeds and the call fails at run time.',
      },
      {
        text: 'Lambda adds `dynamodb:PutItem` to the role the first time the call is denied',
        why: 'Lambda never changes a role’s permissions. You add the statement, or a policy template such as `DynamoDBCrudPolicy`, to the template.',
      },
    ],
    explanation:
      'Local tests check the code, not the permissions, the event sources or the quotas: those exist only in AWS. That is why integration tests run in a test account, where the function runs as its own role.',
  },
])
