// AWS managed policies, with their real documents.
//
// The documents are data AWS publishes (AWS Managed Policy Reference Guide,
// docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html), at the default version
// named below, as returned by iam:GetPolicyVersion in August 2026. Metadata (policy ids, creation
// and update times, descriptions) comes from the same reference and from GetPolicy output seen in
// public sources; AWSLambdaSQSQueueExecutionRole's policy id was not found in any public source
// and is our own stand-in. AmazonDynamoDB*Access creation times are known to the minute only.
//
// Each document is kept as the JSON text IAM stores (GetPolicyVersion returns it URL-encoded).

export interface AwsManagedPolicy {
  PolicyName: string
  Path: string
  PolicyId: string
  Arn: string
  DefaultVersionId: string
  Description: string
  CreateDate: string
  UpdateDate: string
  Document: string
}

const doc = (value: unknown) => JSON.stringify(value, null, 4)

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  {
    PolicyName: 'AdministratorAccess',
    Path: '/',
    PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
    Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    DefaultVersionId: 'v1',
    Description: 'Provides full access to AWS services and resources.',
    CreateDate: '2015-02-06T18:39:46Z',
    UpdateDate: '2015-02-06T18:39:46Z',
    Document: doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  },
  {
    PolicyName: 'AWSLambdaBasicExecutionRole',
    Path: '/service-role/',
    PolicyId: 'ANPAJNCQGXC42545SKXIK',
    Arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    DefaultVersionId: 'v1',
    Description: 'Provides write permissions to CloudWatch Logs.',
    CreateDate: '2015-04-09T15:03:43Z',
    UpdateDate: '2015-04-09T15:03:43Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AWSLambdaRole',
    Path: '/service-role/',
    PolicyId: 'ANPAJX4DPCRGTC4NFDUXI',
    Arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
    DefaultVersionId: 'v1',
    Description: 'Default policy for AWS Lambda service role.',
    CreateDate: '2015-02-06T18:41:28Z',
    UpdateDate: '2015-02-06T18:41:28Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }],
    }),
  },
  {
    PolicyName: 'AWSLambdaDynamoDBExecutionRole',
    Path: '/service-role/',
    PolicyId: 'ANPAIP7WNAGMIPYNW4WQG',
    Arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole',
    DefaultVersionId: 'v1',
    Description: 'Provides list and read access to DynamoDB streams and write permissions to CloudWatch logs.',
    CreateDate: '2015-04-09T15:09:29Z',
    UpdateDate: '2015-04-09T15:09:29Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AWSLambdaKinesisExecutionRole',
    Path: '/service-role/',
    PolicyId: 'ANPAJHOLKJPXV4GBRMJUQ',
    Arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole',
    DefaultVersionId: 'v2',
    Description: 'Provides list and read access to Kinesis streams and write permissions to CloudWatch logs.',
    CreateDate: '2015-04-09T15:14:16Z',
    UpdateDate: '2018-11-19T20:09:24Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'kinesis:DescribeStream',
            'kinesis:DescribeStreamSummary',
            'kinesis:GetRecords',
            'kinesis:GetShardIterator',
            'kinesis:ListShards',
            'kinesis:ListStreams',
            'kinesis:SubscribeToShard',
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AWSLambdaSQSQueueExecutionRole',
    Path: '/service-role/',
    PolicyId: 'ANPAJFWJZI6JNND4TSELK',
    Arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    DefaultVersionId: 'v1',
    Description:
      'Provides receive message, delete message, and read attribute access to SQS queues, and write permissions to CloudWatch logs.',
    CreateDate: '2018-06-14T21:50:45Z',
    UpdateDate: '2018-06-14T21:50:45Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'sqs:ReceiveMessage',
            'sqs:DeleteMessage',
            'sqs:GetQueueAttributes',
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AmazonDynamoDBReadOnlyAccess',
    Path: '/',
    PolicyId: 'ANPAIY2XFNA232XJ6J7X2',
    Arn: 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess',
    DefaultVersionId: 'v15',
    Description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:00Z',
    UpdateDate: '2024-11-18T17:38:15Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'GeneralReadOnlyAccess',
          Action: [
            'application-autoscaling:DescribeScalableTargets',
            'application-autoscaling:DescribeScalingActivities',
            'application-autoscaling:DescribeScalingPolicies',
            'cloudwatch:DescribeAlarmHistory',
            'cloudwatch:DescribeAlarms',
            'cloudwatch:DescribeAlarmsForMetric',
            'cloudwatch:GetMetricStatistics',
            'cloudwatch:ListMetrics',
            'cloudwatch:GetMetricData',
            'datapipeline:DescribeObjects',
            'datapipeline:DescribePipelines',
            'datapipeline:GetPipelineDefinition',
            'datapipeline:ListPipelines',
            'datapipeline:QueryObjects',
            'dynamodb:BatchGetItem',
            'dynamodb:Describe*',
            'dynamodb:List*',
            'dynamodb:GetAbacStatus',
            'dynamodb:GetItem',
            'dynamodb:GetResourcePolicy',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:PartiQLSelect',
            'dax:Describe*',
            'dax:List*',
            'dax:GetItem',
            'dax:BatchGetItem',
            'dax:Query',
            'dax:Scan',
            'ec2:DescribeVpcs',
            'ec2:DescribeSubnets',
            'ec2:DescribeSecurityGroups',
            'iam:GetRole',
            'iam:ListRoles',
            'kms:DescribeKey',
            'kms:ListAliases',
            'sns:ListSubscriptionsByTopic',
            'sns:ListTopics',
            'lambda:ListFunctions',
            'lambda:ListEventSourceMappings',
            'lambda:GetFunctionConfiguration',
            'resource-groups:ListGroups',
            'resource-groups:ListGroupResources',
            'resource-groups:GetGroup',
            'resource-groups:GetGroupQuery',
            'tag:GetResources',
            'kinesis:ListStreams',
            'kinesis:DescribeStream',
            'kinesis:DescribeStreamSummary',
          ],
          Effect: 'Allow',
          Resource: '*',
        },
        {
          Sid: 'CCIAccess',
          Action: 'cloudwatch:GetInsightRuleReport',
          Effect: 'Allow',
          Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AmazonDynamoDBFullAccess',
    Path: '/',
    PolicyId: 'ANPAINUGF2JSOSUY76KYA',
    Arn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess',
    DefaultVersionId: 'v15',
    Description: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:00Z',
    UpdateDate: '2021-01-29T17:38:30Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Action: [
            'dynamodb:*',
            'dax:*',
            'application-autoscaling:DeleteScalingPolicy',
            'application-autoscaling:DeregisterScalableTarget',
            'application-autoscaling:DescribeScalableTargets',
            'application-autoscaling:DescribeScalingActivities',
            'application-autoscaling:DescribeScalingPolicies',
            'application-autoscaling:PutScalingPolicy',
            'application-autoscaling:RegisterScalableTarget',
            'cloudwatch:DeleteAlarms',
            'cloudwatch:DescribeAlarmHistory',
            'cloudwatch:DescribeAlarms',
            'cloudwatch:DescribeAlarmsForMetric',
            'cloudwatch:GetMetricStatistics',
            'cloudwatch:ListMetrics',
            'cloudwatch:PutMetricAlarm',
            'cloudwatch:GetMetricData',
            'datapipeline:ActivatePipeline',
            'datapipeline:CreatePipeline',
            'datapipeline:DeletePipeline',
            'datapipeline:DescribeObjects',
            'datapipeline:DescribePipelines',
            'datapipeline:GetPipelineDefinition',
            'datapipeline:ListPipelines',
            'datapipeline:PutPipelineDefinition',
            'datapipeline:QueryObjects',
            'ec2:DescribeVpcs',
            'ec2:DescribeSubnets',
            'ec2:DescribeSecurityGroups',
            'iam:GetRole',
            'iam:ListRoles',
            'kms:DescribeKey',
            'kms:ListAliases',
            'sns:CreateTopic',
            'sns:DeleteTopic',
            'sns:ListSubscriptions',
            'sns:ListSubscriptionsByTopic',
            'sns:ListTopics',
            'sns:Subscribe',
            'sns:Unsubscribe',
            'sns:SetTopicAttributes',
            'lambda:CreateFunction',
            'lambda:ListFunctions',
            'lambda:ListEventSourceMappings',
            'lambda:CreateEventSourceMapping',
            'lambda:DeleteEventSourceMapping',
            'lambda:GetFunctionConfiguration',
            'lambda:DeleteFunction',
            'resource-groups:ListGroups',
            'resource-groups:ListGroupResources',
            'resource-groups:GetGroup',
            'resource-groups:GetGroupQuery',
            'resource-groups:DeleteGroup',
            'resource-groups:CreateGroup',
            'tag:GetResources',
            'kinesis:ListStreams',
            'kinesis:DescribeStream',
            'kinesis:DescribeStreamSummary',
          ],
          Effect: 'Allow',
          Resource: '*',
        },
        {
          Action: 'cloudwatch:GetInsightRuleReport',
          Effect: 'Allow',
          Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*',
        },
        {
          Action: ['iam:PassRole'],
          Effect: 'Allow',
          Resource: '*',
          Condition: {
            StringLike: {
              'iam:PassedToService': [
                'application-autoscaling.amazonaws.com',
                'application-autoscaling.amazonaws.com.cn',
                'dax.amazonaws.com',
              ],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole'],
          Resource: '*',
          Condition: {
            StringEquals: {
              'iam:AWSServiceName': [
                'replication.dynamodb.amazonaws.com',
                'dax.amazonaws.com',
                'dynamodb.application-autoscaling.amazonaws.com',
                'contributorinsights.dynamodb.amazonaws.com',
                'kinesisreplication.dynamodb.amazonaws.com',
              ],
            },
          },
        },
      ],
    }),
  },
  {
    PolicyName: 'AmazonS3ReadOnlyAccess',
    Path: '/',
    PolicyId: 'ANPAIZTJ4DXE7G6AGAE6M',
    Arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    DefaultVersionId: 'v3',
    Description: 'Provides read only access to all buckets via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:59Z',
    UpdateDate: '2023-08-10T21:31:39Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ],
    }),
  },
  {
    PolicyName: 'AmazonS3FullAccess',
    Path: '/',
    PolicyId: 'ANPAIFIR6V6BVTRAHWINE',
    Arn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
    DefaultVersionId: 'v2',
    Description: 'Provides full access to all buckets via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:58Z',
    UpdateDate: '2021-09-27T20:16:37Z',
    Document: doc({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }],
    }),
  },
  {
    PolicyName: 'AmazonSQSFullAccess',
    Path: '/',
    PolicyId: 'ANPAI65L554VRJ33ECQS6',
    Arn: 'arn:aws:iam::aws:policy/AmazonSQSFullAccess',
    DefaultVersionId: 'v1',
    Description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    CreateDate: '2015-02-06T18:41:07Z',
    UpdateDate: '2015-02-06T18:41:07Z',
    Document: doc({ Version: '2012-10-17', Statement: [{ Action: ['sqs:*'], Effect: 'Allow', Resource: '*' }] }),
  },
]

const byArn = new Map(AWS_MANAGED_POLICIES.map((p) => [p.Arn, p]))

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return byArn.get(arn)
}

export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith('arn:aws:iam::aws:policy/')
}
