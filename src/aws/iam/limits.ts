// IAM's quotas where a learner can meet them, with IAM's own messages ("IAM and AWS STS quotas",
// IAM User Guide; texts as IAM returns them). LimitExceeded is HTTP 409.
import { AwsError } from '../errors.ts'

export const LIMITS = {
  /** The API's own constraint on a policy document parameter (ValidationError past it). */
  policyDocumentLength: 131072,
  /** Customer managed policy, white space not counted. */
  managedPolicySize: 6144,
  /** Sum of a role's inline policies, white space not counted. */
  roleInlinePolicySize: 10240,
  /** Sum of a user's inline policies, white space not counted. */
  userInlinePolicySize: 2048,
  /** Role trust policy (default quota), white space not counted. */
  trustPolicySize: 2048,
  /** Managed policies attached to one role or user (default quota). */
  managedPoliciesPerEntity: 10,
  /** Versions kept for one customer managed policy. */
  policyVersions: 5,
  rolesPerAccount: 1000,
  usersPerAccount: 5000,
  customerManagedPolicies: 1500,
  /** Tags on one role, user or policy. */
  tags: 50,
} as const

/** A policy's size as IAM counts it: characters other than white space. */
export function policySize(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++
  }
  return n
}

export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceeded', message, 409)
}

export const limitMessages = {
  managedPolicySize: () => `Cannot exceed quota for PolicySize: ${LIMITS.managedPolicySize}`,
  trustPolicySize: () => `Cannot exceed quota for ACLSizePerRole: ${LIMITS.trustPolicySize}`,
  roleInline: (role: string) => `Maximum policy size of ${LIMITS.roleInlinePolicySize} bytes exceeded for role ${role}`,
  userInline: (user: string) => `Maximum policy size of ${LIMITS.userInlinePolicySize} bytes exceeded for user ${user}`,
  policiesPerRole: () => `Cannot exceed quota for PoliciesPerRole: ${LIMITS.managedPoliciesPerEntity}`,
  policiesPerUser: () => `Cannot exceed quota for PoliciesPerUser: ${LIMITS.managedPoliciesPerEntity}`,
  versions: () =>
    `A managed policy can have up to ${LIMITS.policyVersions} versions. Before you create a new version, you must delete an existing version.`,
  roles: () => `Cannot exceed quota for RolesPerAccount: ${LIMITS.rolesPerAccount}`,
  users: () => `Cannot exceed quota for UsersPerAccount: ${LIMITS.usersPerAccount}`,
  policies: () => `Cannot exceed quota for PoliciesPerAccount: ${LIMITS.customerManagedPolicies}`,
}
