// The `iam` service of the simulated account: the IAM API's operations (awsQuery protocol,
// version 2010-05-08), over one account's IamStore. IAM is a global service: its endpoint is
// iam.amazonaws.com and requests are signed for us-east-1, whatever region the account uses.
import { withQueryShapes } from '../protocol/query-shapes.ts'
import type { ServiceDefinition } from '../types.ts'
import { IAM_QUERY_SHAPES } from './query-shapes.ts'
import { policyOperations } from './service-policies.ts'
import { roleOperations } from './service-roles.ts'
import { userOperations } from './service-users.ts'
import type { IamServiceState } from './service-common.ts'
import { simulateOperations } from './simulate.ts'

export const IAM_API_VERSION = '2010-05-08'

export function iamServiceDefinition(state: IamServiceState): ServiceDefinition {
  return {
    id: 'iam',
    signingName: 'iam',
    actionPrefix: 'iam',
    protocol: 'awsQuery',
    apiVersion: IAM_API_VERSION,
    xmlNamespace: IAM_QUERY_SHAPES.xmlNamespace,
    validationErrorName: 'ValidationError',
    // The shapes let the query codec read lists and maps and write the XML (the table is checked
    // against the SDK's own schema by __tests__/query-shapes.test.ts).
    operations: withQueryShapes(
      {
        ...roleOperations(state),
        ...userOperations(state),
        ...policyOperations(state),
        ...simulateOperations(state),
      },
      IAM_QUERY_SHAPES.operations,
      { emptyResult: 'omit' },
    ),
  }
}
