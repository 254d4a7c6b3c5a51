/**
 * Which provided SDK packages (src/lambda/sdk/packages.ts) a source file imports or requires, so
 * the editor loads those packages' type declarations and no others. Pure: no Monaco.
 */
import { SDK_PACKAGES, type SdkPackage } from '../../../lambda/public.ts'

const PROVIDED = new Set<string>(SDK_PACKAGES)
const MODULE_NAMES = [
  /\b(?:from|import)\s*['"](@[a-z0-9-]+\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g, // import … from 'x', export … from 'x', import 'x'
  /\b(?:import|require)\s*\(\s*['"](@[a-z0-9-]+\/[a-z0-9-]+)(?:\/[^'"]*)?['"]\s*\)/g, // import('x'), require('x')
]

/** The provided SDK packages `text` imports or requires, in SDK_PACKAGES order. */
export function sdkPackagesImportedBy(text: string): SdkPackage[] {
  if (text.indexOf('@aws-sdk/') < 0 && text.indexOf('@smithy/') < 0) return []
  const found = new Set<string>()
  for (const re of MODULE_NAMES) for (const m of text.matchAll(re)) if (PROVIDED.has(m[1])) found.add(m[1])
  return SDK_PACKAGES.filter((p) => found.has(p))
}
