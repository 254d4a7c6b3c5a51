// The AWS SDK for JavaScript v3 packages the simulated Node.js runtime provides, as Lambda's
// nodejs18.x and later runtimes do (at /var/runtime/node_modules): one owner for the list, read by
// the bundle build (scripts/build-sdk.ts), the module resolution inside the sandbox (the runtime
// bootstrap and the ES module loader) and the editor's typings. No QuickJS behind it.

/** The version every provided `@aws-sdk/client-*` package reports (its package.json `version`). */
export const SDK_VERSION = '3.1178.0'

/** Packages `import` / `require` find without the function shipping them, in the order documented. */
export const SDK_PACKAGES = [
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/util-dynamodb',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-sns',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-lambda',
  '@aws-sdk/client-sts',
  '@smithy/node-http-handler',
] as const

export type SdkPackage = (typeof SDK_PACKAGES)[number]

/** Where the runtime keeps them, as on Lambda: stack traces and require.resolve() show it. */
export const SDK_ROOT = '/var/runtime/node_modules'

const PROVIDED = new Set<string>(SDK_PACKAGES)

/**
 * The provided package a bare specifier names (`@aws-sdk/client-dynamodb`,
 * `@aws-sdk/client-dynamodb/package.json`), and whether it asks for the package.json.
 */
export function sdkPackageOf(specifier: string): { name: SdkPackage; packageJson: boolean } | undefined {
  const m = /^(@[a-z0-9-]+\/[a-z0-9-]+)(\/package\.json)?$/.exec(specifier)
  if (!m || !PROVIDED.has(m[1])) return undefined
  return { name: m[1] as SdkPackage, packageJson: m[2] !== undefined }
}

/** Where a loader key's code lives in the runtime, for stack traces (`${SDK_ROOT}/…`). */
export function sdkFileName(key: string): string {
  const pkg = key.slice(4)
  if (pkg.endsWith('/package.json')) return `${SDK_ROOT}/${pkg}`
  if (pkg.startsWith('@')) return sdkEntryPath(pkg)
  return `${SDK_ROOT}/@aws-sdk/${pkg}.js`
}

/**
 * The provided packages the function's files name (`'@aws-sdk/client-dynamodb'` in an import, a
 * require or a string): what Init may load. A name built at run time (`require('@aws-sdk/' + x)`)
 * is not seen; such a require fails with MODULE_NOT_FOUND.
 */
export function sdkPackagesNamedIn(files: Record<string, string>): SdkPackage[] {
  const out = new Set<SdkPackage>()
  for (const path of Object.keys(files)) {
    if (path.includes('node_modules/@aws-sdk/') || path.includes('node_modules/@smithy/')) continue
    const text = files[path]
    if (text.indexOf('@aws-sdk/') < 0 && text.indexOf('@smithy/') < 0) continue
    for (const pkg of SDK_PACKAGES) if (!out.has(pkg) && text.includes(pkg)) out.add(pkg)
  }
  return SDK_PACKAGES.filter((p) => out.has(p))
}

/** The path a provided package resolves to (`require.resolve`, ES module names, stack traces). */
export function sdkEntryPath(pkg: string): string {
  return `${SDK_ROOT}/${pkg}/dist-cjs/index.js`
}
