// What a client created in a Lambda function gets by default, as the SDK's Node.js configuration
// (runtimeConfig.js) would give it there: the region from AWS_REGION, the credentials Lambda puts
// in the environment (the default provider chain's first link, fromEnv; the others find nothing in
// a Lambda environment), the HTTP handler, Node's user agent and the retry settings the
// environment may set. Each client's configuration is the SDK's own browser configuration
// (runtimeConfig.browser.js, which needs no Node.js built-ins) given these values first; the build
// (scripts/build-sdk.ts) wires every client's `./runtimeConfig` to lambdaRuntimeConfig().
import { fromEnv } from '@aws-sdk/credential-provider-env'
import { CredentialsProviderError } from '@smithy/core/config'
import { createDefaultUserAgentProvider } from 'lf-sdk:node-user-agent'
import { sha256Class } from './hash.js'
import { NodeHttpHandler } from './http-handler.js'

/** The default credential chain as it behaves in a Lambda environment. */
function defaultProvider(init = {}) {
  let cached
  return async () => {
    if (cached) return cached
    try {
      cached = await fromEnv(init)()
      return cached
    } catch (e) {
      if (!(e instanceof CredentialsProviderError)) throw e
    }
    throw new CredentialsProviderError('Could not load credentials from any providers', {
      tryNextLink: false,
      logger: init.logger,
    })
  }
}

function regionProvider() {
  return async () => {
    const region = process.env.AWS_REGION
    if (region) return region
    throw new Error('Region is missing')
  }
}

function envNumber(name) {
  const v = process.env[name]
  if (v === undefined || v === '') return undefined
  const n = parseInt(v, 10)
  if (Number.isNaN(n)) throw new Error(`Environment variable ${name} is not a number, got "${v}"`)
  return n
}

function envBoolean(name) {
  const v = process.env[name]
  if (v === undefined) return undefined
  if (v === 'true') return true
  if (v === 'false') return false
  throw new Error(`Cannot load env ${name}. Expected "true" or "false", got ${v}.`)
}

/**
 * The configuration a client constructor passes to its runtime configuration, with the Lambda
 * runtime's defaults for what the caller left out.
 */
function lambdaDefaults(config, serviceId, clientVersion) {
  const c = { ...config }
  c.region ??= regionProvider()
  c.credentialDefaultProvider ??= defaultProvider
  c.requestHandler = NodeHttpHandler.create(c.requestHandler)
  c.sha256 ??= sha256Class()
  c.defaultUserAgentProvider ??= createDefaultUserAgentProvider({ serviceId, clientVersion })
  const maxAttempts = envNumber('AWS_MAX_ATTEMPTS')
  if (maxAttempts !== undefined) c.maxAttempts ??= maxAttempts
  const retryMode = process.env.AWS_RETRY_MODE
  if (retryMode) c.retryMode ??= retryMode
  const fips = envBoolean('AWS_USE_FIPS_ENDPOINT')
  if (fips !== undefined) c.useFipsEndpoint ??= fips
  const dualstack = envBoolean('AWS_USE_DUALSTACK_ENDPOINT')
  if (dualstack !== undefined) c.useDualstackEndpoint ??= dualstack
  return c
}

/**
 * A client's getRuntimeConfig: the SDK's browser configuration over the Lambda defaults, marked
 * as the Node.js runtime (the user agent goes in `user-agent`, as Node sends it).
 */
export function lambdaRuntimeConfig(browserRuntimeConfig, config, serviceId, clientVersion) {
  const out = browserRuntimeConfig(lambdaDefaults(config, serviceId, clientVersion))
  out.runtime = 'node'
  return out
}
