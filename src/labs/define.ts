// What a lab.ts imports: `export default defineLab({ … })` gives the definition its type.
import type { LabDefinition } from './types.ts'

export type { LabDefinition, LabTestContext, LabCheck, LabEvent, LabFunctionConfig } from './types.ts'
/** How an invoke ended, from the engine-marked REPORT of its request (for asynchronous invokes). */
export { invokeStatus } from './logs.ts'

export function defineLab(lab: LabDefinition): LabDefinition {
  return lab
}

/** Bindings for `account.files`: a workspace file that configures the lab's simulated account. */
export { rolePolicyFile, functionPermissionFile } from '../shared/account-setup.ts'
