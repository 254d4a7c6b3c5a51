// The AWS SDK's code for a sandbox: which provided packages a function's files name, and their
// factory scripts (src/lambda/sdk/generated/), fetched on demand — in the browser each script is
// its own chunk, so no SDK byte reaches a page or the Worker until a function imports a client.
// No QuickJS behind it.
import { SDK_MANIFEST, SDK_SOURCES } from './generated/manifest.ts'
import type { SdkPackage } from './packages.ts'

const loaded = new Map<string, Promise<string>>()

/** Every loader key the packages need (chunks first), without duplicates. */
export function sdkKeysFor(packages: readonly SdkPackage[]): string[] {
  const keys: string[] = []
  for (const pkg of packages)
    for (const key of SDK_MANIFEST.packages[pkg].requires) if (!keys.includes(key)) keys.push(key)
  return keys
}

function source(key: string): Promise<string> {
  let p = loaded.get(key)
  if (p === undefined) {
    const get = SDK_SOURCES[key]
    if (get === undefined) return Promise.reject(new Error(`no SDK script ${key}`))
    p = get().then((m) => m.default)
    p.catch(() => loaded.delete(key)) // a failed chunk fetch may be retried
    loaded.set(key, p)
  }
  return p
}

/** The factory scripts of the packages, by loader key (each fetched once per Worker). */
export async function loadSdkSources(packages: readonly SdkPackage[]): Promise<Map<string, string>> {
  const keys = sdkKeysFor(packages)
  const texts = await Promise.all(keys.map(source))
  const out = new Map(keys.map((k, i) => [k, texts[i]]))
  // `require('<package>/package.json')`: a factory returning what its package.json has.
  for (const pkg of packages)
    out.set(`sdk/${pkg}/package.json`, `(function(){return ${JSON.stringify(SDK_MANIFEST.packages[pkg].packageJson)}})`)
  return out
}
