import { defineChecks } from '../../src/quiz/types.ts'

export default defineChecks([
  {
    id: 'permissions-execution-role-parts',
    kind: 'select',
    select: 2,
    source: 'KC4a',
    prompt:
      'What must an execution role include so that a Lambda function can work with another service, such as DynamoDB?',
    section: 'the-execution-role',
    options: [
      {
        text: 'A permissions policy that lists the DynamoDB actions the function may perform, on which tables',
        correct: true,
        why: 'The permissions policy is what allows, for example, `dynamodb:PutItem` on the `Orders` table.',
      },
      {
        text: 'A trust policy that lets the Lambda service (`lambda.amazonaws.com`) assume the role',
        correct: true,
        why: 'Without `sts:AssumeRole` for Lambda, the service cannot take the role on to act for the function.',
      },
      {
        text: 'An IAM group listing the users who are allowed to invoke the function',
        why: 'Who may invoke a function is decided by its resource-based policy or the callers’ own policies, not by the execution role, and no group is needed.',
      },
      {
        text: 'An IAM user with administrator access to Lambda and DynamoDB',
        why: 'The function acts through its role’s temporary credentials; no IAM user, and certainly no administrator, is involved.',
      },
    ],
    explanation:
      'An execution role is two policies: the permissions policy says what the function may do, and the trust policy lets Lambda assume the role so the function can use those permissions. No users or groups are required.',
  },
  {
    id: 'permissions-resource-policy-statements',
    kind: 'select',
    select: 3,
    source: 'KC4b',
    prompt: 'Which three statements describe a Lambda function’s resource-based policy?',
    section: 'the-resource-based-policy',
    options: [
      {
        text: 'It can allow Amazon S3 to invoke the function when an object is uploaded',
        correct: true,
        why: 'A statement with the principal `s3.amazonaws.com` and the action `lambda:InvokeFunction` does exactly that.',
      },
      {
        text: 'It can allow another AWS account to invoke the function',
        correct: true,
        why: 'Naming another account as principal is the simplest way to grant cross-account access.',
      },
      {
        text: 'It determines who is allowed to invoke the function',
        correct: true,
        why: 'That is its whole job: it is attached to the function and lists the principals allowed in.',
      },
      {
        text: 'It must be chosen or created when you create the function',
        why: 'That describes the execution role. A resource-based policy appears when you first add a trigger or permission.',
      },
      {
        text: 'It can allow the function to write items to a DynamoDB table',
        why: 'What the function may do is set by its execution role’s permissions policy.',
      },
      {
        text: 'It determines which actions the function may take on other services',
        why: 'Again the execution role: the resource-based policy only controls access to the function itself.',
      },
    ],
    explanation:
      'The resource-based policy controls who may come in: services such as S3, other accounts, an organisation. The execution role, chosen when you create the function, controls what the function may do, and includes the trust policy that lets Lambda assume it.',
  },
  {
    id: 'permissions-which-policy-match',
    kind: 'match',
    prompt:
      'Match each permission Kettle & Co. needs to the policy that grants it. (The function policy is the function’s resource-based policy; the role is its execution role.)',
    section: 'distinct-permissions-for-distinct-purposes',
    pairs: [
      {
        left: 'Amazon S3 may invoke `process-invoice` when an invoice lands in `kettle-invoices`',
        right: 'Function policy',
        why: 'Invoking the function is controlled on the function itself, with conditions naming the bucket and account.',
      },
      {
        left: '`place-order` may call `dynamodb:PutItem` on the `Orders` table',
        right: 'Role’s permissions policy',
        why: 'What the function’s code may do is listed in its role’s permissions policy.',
      },
      {
        left: 'The Lambda service may take on `place-order`’s role and hand its credentials to the function',
        right: 'Role’s trust policy',
        why: 'The trust policy names `lambda.amazonaws.com` as the principal allowed to call `sts:AssumeRole`.',
      },
      {
        left: 'Your function policy already names the partner’s account; what else must allow a developer there to call `lambda:InvokeFunction` on your function?',
        right: 'Partner’s own IAM policy',
        why: 'Across accounts both sides must say yes: your function policy lets the partner’s account in, and the partner’s own IAM policy must allow its developer to make the call.',
      },
    ],
    explanation:
      'Each question has its own document: who may invoke (the function policy), what the function may do (the role’s permissions policy), who may use the role (its trust policy), and, for a caller in another account, what that caller’s own account allows.',
  },
  {
    id: 'permissions-vpc-internet',
    kind: 'single',
    prompt:
      'After `place-order` was attached to private subnets of Kettle & Co.’s VPC to reach its RDS database, every call to the payment provider’s public API times out. What fixes it?',
    section: 'reaching-the-internet-and-aws-services',
    options: [
      {
        text: 'Route the private subnets’ outbound traffic to a NAT gateway in a public subnet',
        correct: true,
        why: 'A function in a VPC reaches the internet only through a NAT device; the NAT gateway has the public IP address the function lacks.',
      },
      {
        text: 'Move the function to a public subnet instead',
        why: 'Lambda’s network interfaces never get public IP addresses, so a public subnet gives the function no internet access either.',
      },
      {
        text: 'Add the `AWSLambdaVPCAccessExecutionRole` managed policy to the execution role',
        why: 'That policy lets Lambda manage the network interfaces; it doesn’t give them a route to the internet.',
      },
      {
        text: 'Add a statement for the payment provider to the function’s resource-based policy',
        why: 'The resource-based policy controls who may invoke the function, not where the function may connect.',
      },
    ],
    explanation:
      'Once attached to a VPC, all of a function’s traffic follows the VPC’s routes, and its interfaces have only private IP addresses. Internet-bound traffic needs a route to a NAT gateway; AWS services can be reached privately through VPC endpoints instead.',
  },
])

export const assessment = defineChecks([
  {
    id: 'permissions-access-analyzer',
    kind: 'single',
    prompt:
      'An old Kettle & Co. function has a role allowing `dynamodb:*` on every table, and nobody knows what it really uses. Which tool helps you replace that with a least-privilege policy?',
    section: 'least-privilege',
    options: [
      {
        text: 'IAM Access Analyzer policy generation, from the role’s CloudTrail activity',
        correct: true,
        why: 'It reads up to 90 days of CloudTrail events for the role and generates a policy with only the actions used.',
      },
      {
        text: 'The `AWSLambdaBasicExecutionRole` managed policy',
        why: 'That policy only allows writing logs; it says nothing about what this function needs from DynamoDB.',
      },
      {
        text: 'A statement in the function’s resource-based policy',
        why: 'Resource-based policies control who may invoke the function, not what the function may do.',
      },
      {
        text: 'Provisioned concurrency',
        why: 'Provisioned concurrency keeps environments initialised; it has nothing to do with permissions.',
      },
    ],
    explanation:
      'IAM Access Analyzer can generate a policy from a role’s recorded activity. Review the result before using it, since it only reflects what happened in the period you chose.',
  },
  {
    id: 'permissions-sam-policy-template',
    kind: 'single',
    prompt:
      'In a SAM template, `check-stock` needs to read, add, update and delete items in the `Stock` table only. Which entry in its `Policies` property is the best fit?',
    section: 'ease-of-management-with-aws-sam',
    options: [
      {
        text: '`DynamoDBCrudPolicy` with `TableName: !Ref StockTable`',
        correct: true,
        why: 'The template grants create, read, update and delete on exactly one table and its indexes.',
      },
      {
        text: 'The AWS managed policy `AmazonDynamoDBFullAccess`',
        why: 'It allows every DynamoDB action on every table: far more than the function needs.',
      },
      {
        text: '`DynamoDBReadPolicy` with `TableName: !Ref StockTable`',
        why: 'Read-only: the function could not add, update or delete items.',
      },
      {
        text: '`SQSPollerPolicy` with `QueueName: Stock`',
        why: 'That template is for receiving messages from an SQS queue, not for DynamoDB tables.',
      },
    ],
    explanation:
      'SAM policy templates are least-privilege policies scoped to the one resource you name. Pick the template whose actions match what the code does, on the resource it uses.',
  },
  {
    id: 'permissions-privatelink',
    kind: 'single',
    prompt:
      'Warehouse software on EC2 instances in a private subnet, with no NAT gateway or internet gateway, must invoke `reserve-stock`. What lets it call the Lambda API?',
    section: 'calling-the-lambda-api-privately',
    options: [
      {
        text: 'An interface VPC endpoint for Lambda, powered by AWS PrivateLink',
        correct: true,
        why: 'The endpoint gives the Lambda API a private IP address inside the VPC; traffic stays on the AWS network.',
      },
      {
        text: 'Attaching `reserve-stock` to the same VPC',
        why: 'That lets the function reach into the VPC; it doesn’t give the instances a way to reach the Lambda API.',
      },
      {
        text: 'Giving the instances public IP addresses in the private subnet',
        why: 'A private subnet has no route to an internet gateway, and the point is to avoid the internet altogether.',
      },
      {
        text: 'Adding `AWSLambdaVPCAccessExecutionRole` to the function’s role',
        why: 'That policy lets Lambda manage network interfaces for a VPC-attached function; it doesn’t help callers reach Lambda.',
      },
    ],
    explanation:
      'Attaching a function to a VPC is about the function reaching out. Code inside a VPC that calls Lambda uses an interface endpoint (PrivateLink), with no internet gateway, NAT device or VPN needed.',
  },
])
