/**
 * Vite plugin: the AWS SDK's type declarations for the editor, one lazily loaded chunk per
 * provided package (src/lambda/sdk/packages.ts), plus one shared by the `@aws-sdk/*` packages
 * (the declarations every one of them needs: `@smithy/types`, `@aws-sdk/core`, …), so a second
 * client costs only its own files. `virtual:lf-sdk-types` exports a loader per package; each
 * dynamically imports its file map (./collect.ts), with the shared one, so no page and not the
 * editor's first chunk carries any of it. scripts/size.mjs checks this and reports each chunk's
 * size (chunk names `sdk-types-<package>`, `sdk-types-common`).
 */
import path from 'node:path'
import type { Plugin } from 'vite'
import { SDK_PACKAGES } from '../../../lambda/public.ts'
import { collectSdkTypes } from './collect.ts'

const INDEX = 'virtual:lf-sdk-types'
const PREFIX = 'virtual:lf-sdk-types/'

/** `@aws-sdk/client-dynamodb` → `sdk-types-client-dynamodb` (the chunk's name). */
export function sdkTypesChunkName(pkg: string): string {
  return `sdk-types-${pkg.replace(/^@[^/]+\//, '')}`
}

export const COMMON_CHUNK = 'sdk-types-common'

export interface SdkTypeChunks {
  /** The files every `@aws-sdk/*` package needs. */
  common: Record<string, string>
  /** Per package: its files not in `common`, and whether it needs `common`. */
  own: Map<string, { files: Record<string, string>; usesCommon: boolean }>
}

/** Splits the packages' file maps into a shared map and one per package (each complete with the shared one). */
export function splitSdkTypes(maps: Map<string, Record<string, string>>): SdkTypeChunks {
  const clients = [...maps].filter(([pkg]) => pkg.startsWith('@aws-sdk/')).map(([, m]) => m)
  const common: Record<string, string> = {}
  if (clients.length > 1)
    for (const [k, v] of Object.entries(clients[0])) if (clients.every((m) => k in m)) common[k] = v
  const own = new Map<string, { files: Record<string, string>; usesCommon: boolean }>()
  for (const [pkg, m] of maps) {
    const usesCommon = Object.keys(common).length > 0 && Object.keys(common).every((k) => k in m)
    own.set(pkg, {
      usesCommon,
      files: usesCommon ? Object.fromEntries(Object.entries(m).filter(([k]) => !(k in common))) : m,
    })
  }
  return { common, own }
}

const moduleOf = (files: Record<string, string>) =>
  // JSON.parse of a string literal: parsed faster than the same object as a JavaScript literal.
  `export default JSON.parse(${JSON.stringify(JSON.stringify(files))})\n`

export function sdkTypes(root: string): Plugin {
  const nodeModules = path.join(root, 'node_modules')
  let chunks: SdkTypeChunks | undefined
  const split = () =>
    (chunks ??= splitSdkTypes(new Map(SDK_PACKAGES.map((pkg) => [pkg, collectSdkTypes(pkg, nodeModules)]))))
  return {
    name: 'lf-sdk-types',
    resolveId(id) {
      if (id === INDEX) return `\0${INDEX}`
      if (id.startsWith(PREFIX)) return `\0${id}`
      return null
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const { own } = split()
        const rows = SDK_PACKAGES.map((pkg) => {
          const load = `import(${JSON.stringify(PREFIX + sdkTypesChunkName(pkg))})`
          return `  ${JSON.stringify(pkg)}: () => ${own.get(pkg)?.usesCommon ? `withCommon(${load})` : load},`
        })
        return [
          `const common = () => import(${JSON.stringify(PREFIX + COMMON_CHUNK)})`,
          'const withCommon = (own) =>',
          '  Promise.all([common(), own]).then(([c, o]) => ({ default: { ...c.default, ...o.default } }))',
          `export const SDK_TYPE_LOADERS = {\n${rows.join('\n')}\n}\n`,
        ].join('\n')
      }
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const name = id.slice(PREFIX.length + 1)
      if (name === COMMON_CHUNK) return moduleOf(split().common)
      const pkg = SDK_PACKAGES.find((p) => sdkTypesChunkName(p) === name)
      return pkg ? moduleOf(split().own.get(pkg)?.files ?? {}) : null
    },
  }
}
