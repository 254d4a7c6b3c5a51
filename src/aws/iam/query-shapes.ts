// What a generic awsQuery codec needs to know about the iam service's operations.
//
// Requests are form-encoded (`Action=CreateRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=k`):
//   - a list member is `Name.member.N` (N from 1), each item serialised in turn;
//   - a structure member is `Name.Member` (recursively);
//   - a map member is `Name.entry.N.key` and `Name.entry.N.value`;
//   - scalars are text; booleans `true`/`false`; integers decimal; timestamps ISO 8601.
// An empty list is sent as `Name=` (the SDK does this) and decodes to [].
//
// Responses are XML:
//   <CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
//     <CreateRoleResult>…output members…</CreateRoleResult>
//     <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>
//   </CreateRoleResponse>
//   - a list is `<Name><member>…</member>…</Name>` (an empty list: `<Name/>`);
//   - a map is `<Name><entry><key>…</key><value>…</value></entry></Name>`;
//   - timestamps are ISO 8601 with milliseconds dropped when zero (`2026-01-01T00:00:00Z`);
//   - members whose value is undefined are omitted.
// Operations with no output members answer `<XResponse><ResponseMetadata>…` with no Result element.
// Errors: <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>
//   <Code>NoSuchEntity</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>
//   (Type is Receiver for 5xx errors).
//
// The table below (in protocol/query-shapes.ts's notation) is checked against the installed
// @aws-sdk/client-iam schema by a unit test.

import type { QueryOperationShapes, QueryShape } from '../protocol/query-shapes.ts'

export type { QueryOperationShapes, QueryShape }

const S = 'string' as const
const I = 'integer' as const
const B = 'boolean' as const
const T = 'timestamp' as const
const list = (member: QueryShape): QueryShape => ({ list: member })
const struct = (members: Record<string, QueryShape>): QueryShape => ({ structure: members })

const tag = struct({ Key: S, Value: S })
const tags = list(tag)
const paging = { Marker: S, MaxItems: I }
const page = { IsTruncated: B, Marker: S }
const boundary = struct({ PermissionsBoundaryType: S, PermissionsBoundaryArn: S })
const role = struct({
  Path: S,
  RoleName: S,
  RoleId: S,
  Arn: S,
  CreateDate: T,
  AssumeRolePolicyDocument: S,
  Description: S,
  MaxSessionDuration: I,
  MaxSigninSessionDuration: I,
  PermissionsBoundary: boundary,
  Tags: tags,
  RoleLastUsed: struct({ LastUsedDate: T, Region: S }),
  SourceRoleTemplate: struct({ TemplateArn: S, TemplateMinorVersion: I }),
})
const user = struct({
  Path: S,
  UserName: S,
  UserId: S,
  Arn: S,
  CreateDate: T,
  PasswordLastUsed: T,
  PermissionsBoundary: boundary,
  Tags: tags,
})
const policy = struct({
  PolicyName: S,
  PolicyId: S,
  Arn: S,
  Path: S,
  DefaultVersionId: S,
  AttachmentCount: I,
  PermissionsBoundaryUsageCount: I,
  IsAttachable: B,
  Description: S,
  CreateDate: T,
  UpdateDate: T,
  Tags: tags,
})
const policyVersion = struct({ Document: S, VersionId: S, IsDefaultVersion: B, CreateDate: T })
const attachedPolicy = struct({ PolicyName: S, PolicyArn: S })
const position = struct({ Line: I, Column: I })
const statement = struct({ SourcePolicyId: S, SourcePolicyType: S, StartPosition: position, EndPosition: position })
const decisionDetails = { map: { key: S, value: S } } as QueryShape
const evaluationResult = struct({
  EvalActionName: S,
  EvalResourceName: S,
  EvalDecision: S,
  MatchedStatements: list(statement),
  MissingContextValues: list(S),
  OrganizationsDecisionDetail: struct({ AllowedByOrganizations: B }),
  PermissionsBoundaryDecisionDetail: struct({ AllowedByPermissionsBoundary: B }),
  EvalDecisionDetails: decisionDetails,
  ResourceSpecificResults: list(
    struct({
      EvalResourceName: S,
      EvalResourceDecision: S,
      MatchedStatements: list(statement),
      MissingContextValues: list(S),
      EvalDecisionDetails: decisionDetails,
      PermissionsBoundaryDecisionDetail: struct({ AllowedByPermissionsBoundary: B }),
    }),
  ),
})
const contextEntry = struct({ ContextKeyName: S, ContextKeyValues: list(S), ContextKeyType: S })
const simulateOutput = { EvaluationResults: list(evaluationResult), ...page }
const simulateCommon = {
  ActionNames: list(S),
  ResourceArns: list(S),
  ResourcePolicy: S,
  ResourceOwner: S,
  CallerArn: S,
  ContextEntries: list(contextEntry),
  ResourceHandlingOption: S,
  ...paging,
}
const roleName = { RoleName: S }
const userName = { UserName: S }

export const IAM_QUERY_SHAPES: {
  xmlNamespace: string
  version: string
  operations: Record<string, QueryOperationShapes>
} = {
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  version: '2010-05-08',
  operations: {
    CreateRole: {
      input: {
        Path: S,
        RoleName: S,
        AssumeRolePolicyDocument: S,
        Description: S,
        MaxSessionDuration: I,
        MaxSigninSessionDuration: I,
        PermissionsBoundary: S,
        Tags: tags,
      },
      output: { Role: role },
    },
    GetRole: { input: roleName, output: { Role: role } },
    DeleteRole: { input: roleName, output: {} },
    ListRoles: { input: { PathPrefix: S, ...paging }, output: { Roles: list(role), ...page } },
    UpdateRole: {
      input: {
        ...roleName,
        Description: S,
        MaxSessionDuration: I,
        MaxSigninSessionDuration: I,
        ResetMaxSigninSessionDuration: B,
      },
      output: {},
    },
    UpdateAssumeRolePolicy: { input: { ...roleName, PolicyDocument: S }, output: {} },
    PutRolePolicy: { input: { ...roleName, PolicyName: S, PolicyDocument: S }, output: {} },
    GetRolePolicy: { input: { ...roleName, PolicyName: S }, output: { RoleName: S, PolicyName: S, PolicyDocument: S } },
    DeleteRolePolicy: { input: { ...roleName, PolicyName: S }, output: {} },
    ListRolePolicies: { input: { ...roleName, ...paging }, output: { PolicyNames: list(S), ...page } },
    AttachRolePolicy: { input: { ...roleName, PolicyArn: S }, output: {} },
    DetachRolePolicy: { input: { ...roleName, PolicyArn: S }, output: {} },
    ListAttachedRolePolicies: {
      input: { ...roleName, PathPrefix: S, ...paging },
      output: { AttachedPolicies: list(attachedPolicy), ...page },
    },
    TagRole: { input: { ...roleName, Tags: tags }, output: {} },
    UntagRole: { input: { ...roleName, TagKeys: list(S) }, output: {} },
    ListRoleTags: { input: { ...roleName, ...paging }, output: { Tags: tags, ...page } },

    CreateUser: { input: { Path: S, UserName: S, PermissionsBoundary: S, Tags: tags }, output: { User: user } },
    GetUser: { input: userName, output: { User: user } },
    DeleteUser: { input: userName, output: {} },
    ListUsers: { input: { PathPrefix: S, ...paging }, output: { Users: list(user), ...page } },
    PutUserPolicy: { input: { ...userName, PolicyName: S, PolicyDocument: S }, output: {} },
    GetUserPolicy: { input: { ...userName, PolicyName: S }, output: { UserName: S, PolicyName: S, PolicyDocument: S } },
    DeleteUserPolicy: { input: { ...userName, PolicyName: S }, output: {} },
    ListUserPolicies: { input: { ...userName, ...paging }, output: { PolicyNames: list(S), ...page } },
    AttachUserPolicy: { input: { ...userName, PolicyArn: S }, output: {} },
    DetachUserPolicy: { input: { ...userName, PolicyArn: S }, output: {} },
    ListAttachedUserPolicies: {
      input: { ...userName, PathPrefix: S, ...paging },
      output: { AttachedPolicies: list(attachedPolicy), ...page },
    },
    TagUser: { input: { ...userName, Tags: tags }, output: {} },
    UntagUser: { input: { ...userName, TagKeys: list(S) }, output: {} },
    ListUserTags: { input: { ...userName, ...paging }, output: { Tags: tags, ...page } },

    CreatePolicy: {
      input: { PolicyName: S, Path: S, PolicyDocument: S, Description: S, Tags: tags },
      output: { Policy: policy },
    },
    GetPolicy: { input: { PolicyArn: S }, output: { Policy: policy } },
    DeletePolicy: { input: { PolicyArn: S }, output: {} },
    ListPolicies: {
      input: { Scope: S, OnlyAttached: B, PathPrefix: S, PolicyUsageFilter: S, ...paging },
      output: { Policies: list(policy), ...page },
    },
    CreatePolicyVersion: {
      input: { PolicyArn: S, PolicyDocument: S, SetAsDefault: B },
      output: { PolicyVersion: policyVersion },
    },
    GetPolicyVersion: { input: { PolicyArn: S, VersionId: S }, output: { PolicyVersion: policyVersion } },
    DeletePolicyVersion: { input: { PolicyArn: S, VersionId: S }, output: {} },
    ListPolicyVersions: { input: { PolicyArn: S, ...paging }, output: { Versions: list(policyVersion), ...page } },
    SetDefaultPolicyVersion: { input: { PolicyArn: S, VersionId: S }, output: {} },
    ListEntitiesForPolicy: {
      input: { PolicyArn: S, EntityFilter: S, PathPrefix: S, PolicyUsageFilter: S, ...paging },
      output: {
        PolicyGroups: list(struct({ GroupName: S, GroupId: S })),
        PolicyUsers: list(struct({ UserName: S, UserId: S })),
        PolicyRoles: list(struct({ RoleName: S, RoleId: S })),
        ...page,
      },
    },

    SimulatePrincipalPolicy: {
      input: {
        PolicySourceArn: S,
        PolicyInputList: list(S),
        PermissionsBoundaryPolicyInputList: list(S),
        PolicyExclusionList: list(
          struct({
            PolicyType: S,
            PolicyArn: S,
            InlinePolicyIdentifier: struct({ PolicyName: S, AttachmentType: S, AttachmentName: S }),
          }),
        ),
        ...simulateCommon,
      },
      output: simulateOutput,
    },
    SimulateCustomPolicy: {
      input: {
        PolicyInputList: list(S),
        PermissionsBoundaryPolicyInputList: list(S),
        OrderedOrganizationPolicyInputList: list(struct({ ServiceControlPolicyInputList: list(S) })),
        ...simulateCommon,
      },
      output: simulateOutput,
    },
  },
}
