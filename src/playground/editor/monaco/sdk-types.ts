/**
 * The AWS SDK's type declarations in the TypeScript worker, loaded when a file first imports a
 * provided package (`import { DynamoDBClient } from '@aws-sdk/client-dynamodb'`, or a require):
 * that package's chunk (built by ../sdk-types/plugin.ts) is fetched once and each of its files
 * added with addExtraLib (Monaco then re-checks every model). Files that import no SDK package
 * load nothing. Shared by every editor on the page; the libraries stay for the page's life.
 */
import { SDK_TYPE_LOADERS } from 'virtual:lf-sdk-types'
import { sdkPackagesImportedBy } from '../sdk-types/detect.ts'
import type { Monaco } from './setup.ts'

const requested = new Map<string, Promise<void>>()
const added = new Set<string>()

/** Loads the types of every provided package `texts` import that is not loaded yet. */
export function loadSdkTypesFor(monaco: Monaco, texts: Iterable<string>): Promise<void> {
  const work: Promise<void>[] = []
  for (const text of texts) {
    for (const pkg of sdkPackagesImportedBy(text)) {
      let p = requested.get(pkg)
      if (!p) {
        p = loadPackage(monaco, pkg)
        requested.set(pkg, p)
      }
      work.push(p)
    }
  }
  return Promise.all(work).then(() => undefined)
}

async function loadPackage(monaco: Monaco, pkg: string): Promise<void> {
  const load = SDK_TYPE_LOADERS[pkg]
  if (!load) return
  let files: Record<string, string>
  try {
    files = (await load()).default
  } catch {
    requested.delete(pkg) // offline or a stale deployment: try again on the next edit
    return
  }
  const ts = monaco.typescript.typescriptDefaults
  for (const [path, content] of Object.entries(files)) {
    // Packages shared between clients (@smithy/types, …) are added once.
    if (added.has(path)) continue
    added.add(path)
    ts.addExtraLib(content, path)
  }
}
