// The shape of the generated SDK manifest (src/lambda/sdk/generated/manifest.ts).

export interface SdkPackageEntry {
  /** The runtime loader's key of the package's entry (`sdk/<package>`). */
  key: string
  /** Every key the package needs, dependencies first (the entry last). */
  requires: string[]
  /** What `require('<package>/package.json')` returns. */
  packageJson: Record<string, string>
}

export interface SdkManifest {
  /** The version the provided @aws-sdk/client-* packages report. */
  version: string
  packages: Record<string, SdkPackageEntry>
  /** Bytes of each factory script: [raw, gzip]. */
  sizes: Record<string, [number, number]>
}
