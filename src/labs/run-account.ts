// The check runner's side of a lab's simulated AWS account (`lab.account`): prepared once per run
// (resources, the execution role), joined by each function a check creates (the learner's account
// files applied to it), and offered to checks as `t.aws`.
import {
  accountContext,
  applyAccountFiles,
  prepareAccount,
  type AccountContext,
  type AccountSend,
  type AccountSetup,
} from '../shared/account-setup.ts'
import { CheckFailed, type LabAccountHandle, type LabEngine } from './types.ts'

/** A lab's account, prepared once per run: how the check's functions join it. */
export interface RunAccount {
  setup: AccountSetup
  send: AccountSend
  roleArn?: string
}

/** Prepare the lab's account on `engine`, or say why it cannot be. */
export async function prepareRunAccount(
  setup: AccountSetup,
  engine: LabEngine,
): Promise<{ ok: true; account: RunAccount } | { ok: false; message: string }> {
  const send = engine.send?.bind(engine)
  if (!send)
    return { ok: false, message: 'This lab needs a simulated AWS account, and the engine it was given has none.' }
  const prepared = await prepareAccount(send, setup)
  if (!prepared.ok) return prepared
  return { ok: true, account: { setup, send, ...(prepared.roleArn ? { roleArn: prepared.roleArn } : {}) } }
}

/**
 * Apply the lab's account files for the function `name`; its context. A file the account refuses
 * fails the check, naming the file, with AWS's message as the detail.
 */
export async function joinAccount(
  account: RunAccount,
  name: string,
  files: Record<string, string>,
): Promise<AccountContext> {
  const { setup, send, roleArn } = account
  const out = (await send('lambda', 'GetFunctionConfiguration', { FunctionName: name })) as { FunctionArn?: unknown }
  const role = setup.role ? { name: setup.role.name, ...(roleArn ? { arn: roleArn } : {}) } : undefined
  const ctx = typeof out.FunctionArn === 'string' ? accountContext(out.FunctionArn, role) : undefined
  if (!ctx) throw new Error(`GetFunctionConfiguration gave no usable FunctionArn for ${name}`)
  const applied = await applyAccountFiles(send, setup, files, ctx)
  if (!applied.ok)
    throw new CheckFailed(
      `The account could not be configured from your files, so this check could not run. Fix ${applied.file ?? 'the file'} and run the checks again.`,
      applied.message,
    )
  return ctx
}

/** What `t.aws` is for a check: the account of its main function. */
export function accountHandle(
  account: RunAccount | undefined,
  ctx: AccountContext | undefined,
  assertOpen: () => void,
): LabAccountHandle | undefined {
  if (!account || !ctx) return undefined
  return {
    accountId: ctx.accountId,
    region: ctx.region,
    functionArn: ctx.functionArn,
    ...(ctx.roleName ? { roleName: ctx.roleName } : {}),
    ...(ctx.roleArn ? { roleArn: ctx.roleArn } : {}),
    async send(service, operation, input = {}) {
      assertOpen()
      return account.send(service, operation, input)
    },
  }
}
