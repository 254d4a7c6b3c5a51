// The per-value checks of the policy grammar: resource ARNs, action names and principals, each
// returning IAM's message for the first problem it finds.
import { isAccountId } from '../arn.ts'
import type { PrincipalSpec } from './policy.ts'

export const PARTITIONS = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
])

const IAM_RESOURCE_TYPES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
]

/** IAM's message for a malformed Resource/NotResource entry, or undefined when it is well formed. */
export function resourceProblem(resource: string): string | undefined {
  if (resource === '*') return undefined
  const first = resource.indexOf(':')
  if (first < 0) return `Resource ${resource} must be in ARN format or "*".`
  const afterArn = resource.slice(first + 1)
  const second = afterArn.indexOf(':')
  const partition = second < 0 ? afterArn : afterArn.slice(0, second)
  if (!PARTITIONS.has(partition)) {
    // IAM rebuilds the ARN it understood, padding missing segments with `*`.
    const parts = (second < 0 ? '' : afterArn.slice(second + 1)).split(':')
    const seg1 = parts[0] !== '' || parts.length > 1 ? parts[0] : '*'
    const seg2 = parts.length > 1 ? parts[1] : '*'
    const seg3 = parts.length > 2 ? parts[2] : '*'
    const seg4 = parts.length > 3 ? parts.slice(3).join(':') : '*'
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${seg1}:${seg2}:${seg3}:${seg4}".`
  }
  if (second < 0) return 'Resource vendor must be fully qualified and cannot contain regexes.'
  const rest = afterArn.slice(second + 1)
  const third = rest.indexOf(':')
  const service = third < 0 ? rest : rest.slice(0, third)
  if (service.includes('*') || service.includes('?'))
    return 'Resource vendor must be fully qualified and cannot contain regexes.'
  const afterService = third < 0 ? '' : rest.slice(third + 1)
  const fourth = afterService.indexOf(':')
  const region = fourth < 0 ? afterService : afterService.slice(0, fourth)
  const afterRegion = fourth < 0 ? '' : afterService.slice(fourth + 1)
  const fifth = afterRegion.indexOf(':')
  const resourcePart = fifth < 0 ? '' : afterRegion.slice(fifth + 1)
  if (service === 'iam' && region !== '') return `IAM resource ${resource} cannot contain region information.`
  if (service === 's3' && region !== '' && !resourcePart.startsWith('accesspoint/'))
    return `Resource ${resource} can not contain region information.`
  if (
    service === 'iam' &&
    fifth >= 0 &&
    resourcePart !== '*' &&
    !IAM_RESOURCE_TYPES.some((t) => resourcePart.startsWith(t))
  )
    return `IAM resource path must either be "*" or start with ${IAM_RESOURCE_TYPES.join(', ')}.`
  return undefined
}

/** IAM's "legacy parsing" of a resource: segments missing between colons. */
export function legacyResourceProblem(resource: string): boolean {
  if (resource === '*') return false
  const colons = resource.split(':').length - 1
  if (colons < 5 && resource.includes('::')) return true
  const parts = resource.split(':')
  return parts.length > 2 && parts[2] === ''
}

/** Checks one Action/NotAction entry; calls fail with IAM's message. */
export function actionProblem(action: string, fail: (message: string) => never): void {
  if (action === '*') return
  const parts = action.split(':')
  if (parts.length === 1) fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.')
  if (parts.length > 2) fail('Actions/Condition can contain only one colon.')
  const vendor = parts[0]
  if (vendor.includes('*') || vendor.includes('?'))
    fail('Action vendors (e.g., aws, ec2, etc.) must not contain wildcards')
  if (!/^[a-zA-Z0-9.-]+$/.test(vendor)) fail(`Vendor ${vendor} is not valid`)
}

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com|aws\.internal)$/
const UNIQUE_ID = /^(AIDA|AROA|AIPA|ANPA|ANVA|ASIA|AKIA)[A-Z0-9]{12,124}$/

/**
 * IAM's description of the first invalid principal (`"AWS":"arn:aws:iam::…:role/gone"`), or
 * undefined when all are valid. `exists` reports whether a same-account user or role exists.
 */
export function principalProblem(spec: PrincipalSpec, exists?: (arn: string) => boolean): string | undefined {
  for (const value of spec.aws) {
    if (value === '*' || isAccountId(value) || UNIQUE_ID.test(value)) continue
    const m = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/.exec(value)
    const ok =
      m !== null &&
      PARTITIONS.has(m[1]) &&
      (m[2] === 'iam'
        ? /^(root|(user|role)\/([^*?]+\/)?[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/.test(m[4])
        : /^(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/.test(m[4]))
    if (!ok || (exists && /:(user|role)\//.test(value) && !exists(value))) return `"AWS":"${value}"`
  }
  for (const value of spec.service) if (!SERVICE_PRINCIPAL.test(value)) return `"SERVICE":"${value}"`
  for (const value of spec.federated) if (value.length === 0) return `"Federated":"${value}"`
  return undefined
}
