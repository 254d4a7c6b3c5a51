// Builds the AWS SDK for JavaScript v3 packages the simulated Node.js runtime provides
// (src/lambda/sdk/packages.ts) into the committed src/lambda/sdk/generated/ files:
//
//   npx tsx scripts/build-sdk.ts          write them
//   npx tsx scripts/build-sdk.ts --check  exit 1 if they are stale
//
// One esbuild build with code splitting: an entry per package, and chunks for what several share
// (@smithy/core, @aws-sdk/core, …), so a handler that imports one client loads that client and the
// chunks it needs, nothing else. Each output file becomes a prelude factory script
// `(__lf_load, __lf_internals, __lf_holder) => exports` (the ES module turned into CommonJS; its
// imports of other chunks go through the runtime's loader, under keys `sdk/<package>` and
// `sdk/chunk-<hash>`), one generated TypeScript module per file, imported lazily by the Worker
// only when a function names a package (src/lambda/sdk/sources.ts). The staleness unit test
// (src/lambda/sdk/generated.test.ts) calls renderSdk().
import { build, transform } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { SDK_PACKAGES, SDK_VERSION } from '../src/lambda/sdk/packages.ts'
import {
  entriesPlugin,
  nodeBuiltinsPlugin,
  packageJsonPlugin,
  runtimeConfigPlugin,
  streamPatchPlugin,
  userAgentPlugin,
  xmlParserPlugin,
  type PluginContext,
} from './sdk-build/plugins.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sdkDir = path.join(root, 'src/lambda/sdk')
export const SDK_GENERATED_DIR = path.join(sdkDir, 'generated')
const runtimeDir = path.join(sdkDir, 'runtime')
const require = createRequire(import.meta.url)

/** Entry file name (without .js) of each package. */
function entryName(pkg: string): string {
  return pkg.replace(/^@[^/]+\//, '')
}

/** What each entry re-exports. */
function entries(): PluginContext['entries'] {
  const out: PluginContext['entries'] = {}
  for (const pkg of SDK_PACKAGES) {
    if (pkg === '@smithy/node-http-handler')
      out[entryName(pkg)] = {
        from: path.join(runtimeDir, 'http-handler.js'),
        names: ['NodeHttpHandler', 'streamCollector'],
      }
    else out[entryName(pkg)] = { from: pkg }
  }
  return out
}

export interface SdkFile {
  /** The runtime loader's key: `sdk/<package>` or `sdk/chunk-<hash>`. */
  key: string
  /** Generated module file name (without .ts). */
  file: string
  /** The factory script. */
  source: string
  /** Keys this file loads directly. */
  imports: string[]
  /** Keys this file loads later, on demand (an `import()` in the SDK, e.g. the event-stream codec). */
  lazy: string[]
}

export interface SdkPackageInfo {
  key: string
  /** Every key the package needs, dependencies first (itself last). */
  requires: string[]
  /** What `require('<package>/package.json')` returns. */
  packageJson: Record<string, string>
}

export interface SdkBuild {
  files: SdkFile[]
  packages: Record<string, SdkPackageInfo>
  /** Third-party packages in the bundle, `name@version (licence)`. */
  bundled: string[]
}

const FACTORY_HEAD = '(function(__lf_load,__lf_internals,__lf_holder){var module=__lf_holder,exports=module.exports;'

async function packageJsonFor(pkg: string): Promise<Record<string, string>> {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] }))
  const p = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
  const out: Record<string, string> = {}
  for (const k of ['name', 'version', 'description', 'license', 'main', 'module', 'types'])
    if (typeof p[k] === 'string') out[k] = p[k] as string
  return out
}

async function licenceLine(name: string): Promise<string> {
  const dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }))
  const p = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string; license?: string }
  return `${name}@${p.version} (${p.license ?? 'unknown'})`
}

export async function buildSdk(): Promise<SdkBuild> {
  const ctx: PluginContext = { root, runtimeDir, entries: entries() }
  const result = await build({
    entryPoints: Object.fromEntries(Object.keys(ctx.entries).map((name) => [name, `lf-entry:${name}`])),
    bundle: true,
    write: false,
    outdir: path.join(root, '.cache/sdk-build'),
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Class and function names show in util.inspect output (`Uint8ArrayBlobAdapter(2) [Uint8Array]`).
    keepNames: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    metafile: true,
    chunkNames: 'chunk-[hash]',
    plugins: [
      entriesPlugin(ctx),
      runtimeConfigPlugin(ctx),
      packageJsonPlugin(),
      userAgentPlugin(ctx),
      streamPatchPlugin(ctx),
      xmlParserPlugin(),
      nodeBuiltinsPlugin(),
    ],
  })
  const byEntry = new Map<string, string>() // output basename → key
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const base = path.basename(out)
    const entry = meta.entryPoint?.startsWith('lf-entry:') ? meta.entryPoint.slice(9) : undefined
    if (entry) {
      const pkg = SDK_PACKAGES.find((p) => entryName(p) === entry)!
      byEntry.set(base, `sdk/${pkg}`)
    } else if (/^chunk-[A-Z0-9]+\.js$/.test(base)) byEntry.set(base, `sdk/${base.slice(0, -3)}`)
    else throw new Error(`unexpected SDK output ${base} (a dynamic import?)`)
  }
  const files: SdkFile[] = []
  for (const f of result.outputFiles) {
    const base = path.basename(f.path)
    const key = byEntry.get(base)!
    const cjs = await transform(f.text, { format: 'cjs', target: 'es2022', minify: true, charset: 'utf8' })
    const imports: string[] = []
    const lazy: string[] = []
    const depOf = (file: string) => {
      const dep = byEntry.get(file)
      if (!dep) throw new Error(`${base} loads unknown ${file}`)
      return dep
    }
    const code = cjs.code
      .replace(/\brequire\("\.\/([\w-]+\.js)"\)/g, (_m, file: string) => {
        const dep = depOf(file)
        if (!imports.includes(dep)) imports.push(dep)
        return `__lf_load(${JSON.stringify(dep)})`
      })
      // A dynamic import() of another chunk (the SDK loads its event-stream codec this way) goes
      // through the same loader, later: a rejected promise if loading throws, as import() gives.
      .replace(/\bimport\("\.\/([\w-]+\.js)"\)/g, (_m, file: string) => {
        const dep = depOf(file)
        if (!lazy.includes(dep)) lazy.push(dep)
        return `Promise.resolve().then(()=>__lf_load(${JSON.stringify(dep)}))`
      })
    if (/\brequire\("\.\//.test(code)) throw new Error(`${base}: a require() of another file is left`)
    if (/\bimport\s*\(/.test(code)) throw new Error(`${base}: a dynamic import() is left`)
    files.push({
      key,
      file: key === `sdk/${base.slice(0, -3)}` ? base.slice(0, -3) : entryName(key.slice(4)),
      source: `${FACTORY_HEAD}${code.trim()}\nreturn module.exports})`,
      imports,
      lazy,
    })
  }
  renameChunksByContent(files)
  files.sort((a, b) => (a.key < b.key ? -1 : 1))
  const byKey = new Map(files.map((f) => [f.key, f]))
  const packages: Record<string, SdkPackageInfo> = {}
  for (const pkg of SDK_PACKAGES) {
    const order: string[] = []
    const visit = (key: string, stack: string[]) => {
      if (order.includes(key)) return
      if (stack.includes(key))
        throw new Error(`SDK chunks import each other in a cycle: ${[...stack, key].join(' → ')}`)
      for (const dep of byKey.get(key)!.imports) visit(dep, [...stack, key])
      order.push(key)
    }
    visit(`sdk/${pkg}`, [])
    // What its chunks load on demand is fetched with the package (the loader reads sources
    // synchronously) and evaluated only if a handler needs it.
    for (let i = 0; i < order.length; i++)
      for (const dep of byKey.get(order[i])!.lazy) if (!order.includes(dep)) visit(dep, [])
    const entryKey = `sdk/${pkg}`
    order.splice(order.indexOf(entryKey), 1)
    order.push(entryKey)
    packages[pkg] = { key: `sdk/${pkg}`, requires: order, packageJson: await packageJsonFor(pkg) }
    if (pkg.startsWith('@aws-sdk/client-') && packages[pkg].packageJson.version !== SDK_VERSION)
      throw new Error(`${pkg} is ${packages[pkg].packageJson.version}, packages.ts says ${SDK_VERSION}`)
  }
  const names = new Set<string>()
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (m) names.add(m[1])
  }
  const bundled = await Promise.all([...names].sort().map(licenceLine))
  return { files, packages, bundled }
}

/**
 * esbuild's chunk hashes depend on where the repository sits on disk (a clean clone got other names
 * for the same bytes), so each chunk is renamed after a hash of its own final source, dependencies
 * first (a chunk's source names the chunks it loads). The names are then the same on every machine.
 * A chunk loaded on demand may import its loader back (a cycle through `import()`): while hashing,
 * a name not settled yet counts as a placeholder; every name is replaced once all are settled.
 */
function renameChunksByContent(files: SdkFile[]): void {
  const byKey = new Map(files.map((f) => [f.key, f]))
  const renamed = new Map<string, string>() // old key → new key
  const quoted = (key: string) => JSON.stringify(key)
  const original = new Set(files.map((f) => f.key).filter((k) => k.startsWith('sdk/chunk-')))
  const done = new Set<SdkFile>()
  const rewrite = (f: SdkFile) => {
    for (const [from, to] of renamed) f.source = f.source.split(quoted(from)).join(quoted(to))
  }
  const visit = (f: SdkFile) => {
    if (done.has(f)) return
    done.add(f)
    for (const dep of [...f.imports, ...f.lazy]) visit(byKey.get(dep)!)
    rewrite(f)
    if (f.key.startsWith('sdk/chunk-')) {
      let hashed = f.source
      for (const key of original) if (!renamed.has(key)) hashed = hashed.split(quoted(key)).join('"sdk/chunk-?"')
      const hash = createHash('sha256').update(hashed).digest('hex').slice(0, 8).toUpperCase()
      renamed.set(f.key, `sdk/chunk-${hash}`)
      f.key = `sdk/chunk-${hash}`
      f.file = `chunk-${hash}`
    }
  }
  for (const f of [...files]) visit(f)
  for (const f of files) {
    rewrite(f)
    f.imports = f.imports.map((d) => renamed.get(d) ?? d)
    f.lazy = f.lazy.map((d) => renamed.get(d) ?? d)
  }
}

function sizeOf(source: string): [number, number] {
  return [Buffer.byteLength(source), gzipSync(source).length]
}

/** The generated files: path (relative to src/lambda/sdk/generated) → text. */
export async function renderSdk(): Promise<Map<string, string>> {
  const { files, packages, bundled } = await buildSdk()
  const out = new Map<string, string>()
  const head = [
    '// GENERATED FILE - DO NOT EDIT.',
    '// Built by `npx tsx scripts/build-sdk.ts` from the AWS SDK packages in node_modules and src/lambda/sdk/runtime.',
  ]
  for (const f of files) {
    out.set(
      `${f.file}.ts`,
      [...head, `// ${f.key}: a prelude factory script.`, `export default ${JSON.stringify(f.source)}`, ''].join('\n'),
    )
  }
  const sizes = Object.fromEntries(files.map((f) => [f.key, sizeOf(f.source)]))
  const manifest = [
    ...head,
    '// It bundles these packages (licences in their package folders under node_modules):',
    ...bundled.map((b) => `//   ${b}`),
    '',
    "import type { SdkManifest } from '../manifest-types.ts'",
    '',
    'export const SDK_MANIFEST: SdkManifest = {',
    `  version: ${JSON.stringify(SDK_VERSION)},`,
    `  packages: ${JSON.stringify(packages, null, 2).replace(/\n/g, '\n  ')},`,
    `  /** Bytes of each factory script: [raw, gzip]. */`,
    `  sizes: ${JSON.stringify(sizes, null, 2).replace(/\n/g, '\n  ')},`,
    '}',
    '',
    '/** Each factory script, loaded on demand (its own chunk in the browser build). */',
    'export const SDK_SOURCES: Record<string, () => Promise<{ default: string }>> = {',
    ...files.map((f) => `  ${JSON.stringify(f.key)}: () => import('./${f.file}.ts'),`),
    '}',
    '',
  ]
  out.set('manifest.ts', manifest.join('\n'))
  return out
}

async function main(): Promise<void> {
  const outputs = await renderSdk()
  const existing = (await readdir(SDK_GENERATED_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.ts'))
  if (process.argv.includes('--check')) {
    let stale = existing.some((f) => !outputs.has(f))
    for (const [file, text] of outputs) {
      const current = await readFile(path.join(SDK_GENERATED_DIR, file), 'utf8').catch(() => '')
      if (current !== text) stale = true
    }
    if (stale) {
      console.error('src/lambda/sdk/generated is stale: run npx tsx scripts/build-sdk.ts')
      process.exit(1)
    }
    console.log('src/lambda/sdk/generated is up to date')
    return
  }
  await mkdir(SDK_GENERATED_DIR, { recursive: true })
  for (const f of existing) if (!outputs.has(f)) await rm(path.join(SDK_GENERATED_DIR, f))
  let total = 0
  for (const [file, text] of outputs) {
    await writeFile(path.join(SDK_GENERATED_DIR, file), text)
    total += text.length
  }
  console.log(`wrote ${outputs.size} files to src/lambda/sdk/generated (${(total / 1024).toFixed(0)} KiB)`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
