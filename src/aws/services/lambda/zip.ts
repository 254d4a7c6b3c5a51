// A deployment package as the SDK and the CLI send it (`Code.ZipFile`: the zip's bytes), unzipped
// with fflate into the engine's files (path → text). Limits and messages are Lambda's: the unzipped
// size must stay under 250 MB (checked on the sizes the zip declares, before inflating anything),
// and a file that is not a zip "could not be unzipped".
import { unzipSync } from 'fflate'
import { AwsError } from '../../errors.ts'

/** Lambda's limit on a deployment package's unzipped size. */
export const MAX_UNZIPPED_BYTES = 262_144_000
/** Entries a package may hold here (a guard against a zip of a million empty files). */
export const MAX_ZIP_ENTRIES = 20_000

const invalid = (message: string) => new AwsError('InvalidParameterValueException', message, 400)

export function unzipPackage(zip: Uint8Array): Record<string, string> {
  let declared = 0
  let entries = 0
  let raw: Record<string, Uint8Array>
  try {
    raw = unzipSync(zip, {
      filter(file) {
        if (file.name.endsWith('/')) return false
        entries++
        declared += file.originalSize
        if (entries > MAX_ZIP_ENTRIES || declared >= MAX_UNZIPPED_BYTES) throw new TooLarge()
        return true
      },
    })
  } catch (e) {
    if (e instanceof TooLarge) throw invalid(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`)
    throw invalid('Could not unzip uploaded file. Please check your file, then try to upload again.')
  }
  const decoder = new TextDecoder()
  const files: Record<string, string> = Object.create(null) as Record<string, string>
  let total = 0
  for (const [name, bytes] of Object.entries(raw)) {
    total += bytes.length
    if (total >= MAX_UNZIPPED_BYTES) throw invalid(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`)
    const path = name.replace(/^\.\//, '')
    if (path === '' || path.split('/').includes('..')) continue
    files[path] = decoder.decode(bytes)
  }
  return { ...files }
}

class TooLarge extends Error {}
