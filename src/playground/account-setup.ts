/**
 * A workspace's account setup in the playground (src/shared/account-setup.ts): a lab declares the
 * account around its function (resources, the execution role, files that configure the account),
 * and every Run applies it through the learner's account, as the lab's checks do: the resources
 * and the role once per engine (again after a restart), the files whenever their text changed.
 * A refusal (a policy IAM rejects, invalid JSON) comes back as the service error the panel shows,
 * with AWS's name and message and the file's path.
 */
import {
  accountContext,
  applyAccountFiles,
  prepareAccount,
  type AccountSend,
  type AccountSetup,
} from '../shared/account-setup.ts'

export interface SetupError {
  name: string
  message: string
}

export interface AccountSetupRunner {
  /** The setup to apply (undefined: none); forgets what was applied. */
  set(setup: AccountSetup | undefined): void
  readonly setup: AccountSetup | undefined
  /** Create the resources and the role (once per engine `epoch`); the role's ARN for CreateFunction. */
  prepare(send: AccountSend, epoch: number): Promise<{ ok: true; roleArn?: string } | { ok: false; error: SetupError }>
  /** Apply the files to the deployed function, unless the same texts were applied in this `epoch`. */
  apply(
    send: AccountSend,
    functionName: string,
    files: Record<string, string>,
    epoch: number,
  ): Promise<{ ok: true } | { ok: false; error: SetupError }>
}

export function createAccountSetupRunner(): AccountSetupRunner {
  let setup: AccountSetup | undefined
  let prepared: { epoch: number; roleArn?: string } | undefined
  let applied: { epoch: number; key: string } | undefined
  return {
    get setup() {
      return setup
    },
    set(next) {
      setup = next
      prepared = undefined
      applied = undefined
    },
    async prepare(send, epoch) {
      if (!setup) return { ok: true }
      if (prepared && prepared.epoch === epoch)
        return { ok: true, ...(prepared.roleArn ? { roleArn: prepared.roleArn } : {}) }
      const out = await prepareAccount(send, setup)
      if (!out.ok) return { ok: false, error: { name: out.errorName, message: out.message } }
      prepared = { epoch, ...(out.roleArn ? { roleArn: out.roleArn } : {}) }
      return { ok: true, ...(out.roleArn ? { roleArn: out.roleArn } : {}) }
    },
    async apply(send, functionName, files, epoch) {
      if (!setup?.files) return { ok: true }
      const paths = Object.keys(setup.files)
      const key = JSON.stringify([functionName, paths.map((p) => (Object.hasOwn(files, p) ? files[p] : null))])
      if (applied && applied.epoch === epoch && applied.key === key) return { ok: true }
      try {
        const fn = (await send('lambda', 'GetFunctionConfiguration', { FunctionName: functionName })) as {
          FunctionArn?: unknown
        }
        const role = setup.role
          ? { name: setup.role.name, ...(prepared?.roleArn ? { arn: prepared.roleArn } : {}) }
          : undefined
        const ctx = typeof fn.FunctionArn === 'string' ? accountContext(fn.FunctionArn, role) : undefined
        if (!ctx) return { ok: false, error: { name: 'ServiceException', message: 'The function has no usable ARN.' } }
        const out = await applyAccountFiles(send, setup, files, ctx)
        if (!out.ok) {
          applied = undefined
          return { ok: false, error: { name: out.errorName, message: out.message } }
        }
      } catch (e) {
        const err = e as { name?: unknown; message?: unknown }
        return {
          ok: false,
          error: {
            name: typeof err?.name === 'string' ? err.name : 'Error',
            message: typeof err?.message === 'string' ? err.message : String(e),
          },
        }
      }
      applied = { epoch, key }
      return { ok: true }
    },
  }
}
