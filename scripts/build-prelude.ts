// Bundles the code that runs inside QuickJS with esbuild into committed files:
//   - the Node.js compatibility layer (src/lambda/sandbox/prelude/src) into
//     src/lambda/sandbox/prelude/generated.ts;
//   - the runtime client's in-sandbox half (src/lambda/runtime/bootstrap/*.js) into
//     src/lambda/runtime/bootstrap/generated.ts.
//
//   npx tsx scripts/build-prelude.ts          write both
//   npx tsx scripts/build-prelude.ts --check  exit 1 if either is stale
//
// The staleness unit test (src/lambda/sandbox/prelude/generated.test.ts) calls renderGenerated()
// and renderBootstrap().
import { build, transform, type Plugin } from 'esbuild'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUILTIN_MODULES, PRELUDE_NODE_VERSION } from '../src/lambda/runtime/node-runtime.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const preludeDir = path.join(root, 'src/lambda/sandbox/prelude')
const srcDir = path.join(preludeDir, 'src')
export const GENERATED_PATH = path.join(preludeDir, 'generated.ts')
const bootstrapDir = path.join(root, 'src/lambda/runtime/bootstrap')
export const BOOTSTRAP_GENERATED_PATH = path.join(bootstrapDir, 'generated.ts')
const require = createRequire(import.meta.url)

/** Node.js version the compatibility layer reports (process.version without the v). */
export const NODE_VERSION = PRELUDE_NODE_VERSION
export { BUILTIN_MODULES }

/** Lazy module key -> entry file (relative to src/lazy). Keys are what __lf_host.loadBuiltin receives. */
const LAZY_ENTRIES: Record<string, string> = {
  assert: 'assert.js',
  'assert/strict': 'assert-strict.js',
  buffer: 'buffer.js',
  crypto: 'crypto.js',
  events: 'events.js',
  fs: 'fs.js',
  http: 'http.js',
  https: 'https.js',
  'fs/promises': 'fs-promises.js',
  os: 'os.js',
  path: 'path.js',
  'path/posix': 'path-posix.js',
  querystring: 'querystring.js',
  string_decoder: 'string_decoder.js',
  timers: 'timers.js',
  'timers/promises': 'timers-promises.js',
  url: 'url.js',
  util: 'util.js',
  'util/types': 'util-types.js',
  'internal/inspect': 'inspect.js',
  'internal/structured-clone': 'structured-clone.js',
  'internal/event-target': 'event-target.js',
  'internal/fetch': 'fetch.js',
  'stream/web': 'stream-web.js',
  'internal/subtle': 'subtle.js',
  'internal/process': 'process.js',
  'internal/encoding': 'internal-encoding.js',
  'internal/format': 'format.js',
  'internal/hashes': 'hashes.js',
  'internal/pristine': 'pristine.js',
  'internal/json-error': 'json-error.js',
  'internal/v8-messages': 'v8-messages.js',
}

/**
 * Lazy modules built without esbuild's module helpers (which use `for...in`, `.call` and
 * `Object.defineProperty` from the live globals): internal/pristine runs while those may have been
 * replaced by user code. Such a file is one `export default function` with no imports.
 */
const RAW_ENTRIES = new Set(['pristine.js'])

async function rawFactory(file: string): Promise<string> {
  const src = await readFile(path.join(srcDir, 'lazy', file), 'utf8')
  if (!/^export default function /m.test(src) || /^import /m.test(src))
    throw new Error(`${file}: raw lazy modules need one default function and no imports`)
  const expr = src.replace(/^export default function /m, 'return function ')
  const out = await transform(`__lf_raw=function(){${expr}};`, {
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    charset: 'utf8',
  })
  const fn = out.code
    .trim()
    .replace(/^__lf_raw=/, '')
    .replace(/;$/, '')
  if (!fn.startsWith('function(')) throw new Error(`${file}: unexpected esbuild output`)
  return `(function(__lf_load,__lf_internals){return (${fn})()(__lf_load,__lf_internals);})`
}

/** Third-party packages bundled into the prelude (all permissively licensed). */
export const BUNDLED_PACKAGES = [
  'buffer',
  'base64-js',
  'ieee754',
  'node-inspect-extracted',
  'events',
  'path-browserify',
  'whatwg-url-minimum',
  '@ungap/structured-clone',
  '@noble/hashes',
  '@noble/ciphers',
  'string_decoder',
  'safe-buffer',
  'web-streams-polyfill',
] as const

const builtinNames = new Set<string>(BUILTIN_MODULES)

/** Imports of Node built-in names inside the prelude sources resolve to the lazy loader. */
function builtinsPlugin(): Plugin {
  return {
    name: 'lf-builtins',
    setup(b) {
      b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.startsWith('node:') ? args.path.slice(5) : args.path
        if (!builtinNames.has(name) && !name.startsWith('internal/')) return undefined
        return { path: name, namespace: 'lf-builtin' }
      })
      b.onLoad({ filter: /.*/, namespace: 'lf-builtin' }, (args) => ({
        contents: `module.exports = __lf_load(${JSON.stringify(args.path)});`,
        loader: 'js',
      }))
    },
  }
}

/**
 * node-inspect-extracted is Node's own inspect code; two spots need QuickJS-specific help:
 *  - QuickJS `error.stack` holds only the frames (V8 starts it with "Name: message"), so the
 *    header is added when the stack is a bare QuickJS one;
 *  - Promise state is unobservable from JS; the host may provide it (__lf_host.promiseState).
 */
function inspectPatchPlugin(): Plugin {
  const file = require.resolve('node-inspect-extracted')
  return {
    name: 'lf-inspect-patch',
    setup(b) {
      b.onLoad({ filter: /node-inspect-extracted[\\/]dist[\\/]inspect\.js$/ }, async (args) => {
        if (path.resolve(args.path) !== path.resolve(file)) return undefined
        let src = await readFile(args.path, 'utf8')
        const stackRe = /function (\w+)\((\w+)\)\{return \2\.stack\?(\w+)\(\2\.stack\):(\w+)\(\2\)\}/
        if (!stackRe.test(src)) throw new Error('node-inspect-extracted: getStackString not found (version changed?)')
        src = src.replace(
          stackRe,
          (_m, fn: string, e: string, str: string, toStr: string) =>
            `function ${fn}(${e}){return ${e}.stack?__lf_fixStack(${e},${str}(${e}.stack),${toStr}):${toStr}(${e})}`,
        )
        const symRe = /(\w+)=Symbol\("kPending"\),(\w+)=Symbol\("kRejected"\)/
        const sym = symRe.exec(src)
        if (!sym) throw new Error('node-inspect-extracted: kPending/kRejected not found (version changed?)')
        const [, kPending, kRejected] = sym
        const promiseRe = new RegExp(`getPromiseDetails:function\\(\\)\\{return\\[${kPending},void 0\\]\\}`)
        if (!promiseRe.test(src))
          throw new Error('node-inspect-extracted: getPromiseDetails not found (version changed?)')
        src = src.replace(
          promiseRe,
          `getPromiseDetails:function(p){return __lf_promiseDetails(p,${kPending},${kRejected})}`,
        )
        const helpers = await readFile(path.join(srcDir, 'lazy/inspect-hooks.js'), 'utf8')
        return { contents: `${helpers}\n${src}`, loader: 'js' }
      })
    },
  }
}

async function bundle(entry: string, kind: 'core' | 'lazy'): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: kind === 'lazy' ? 'iife' : 'esm',
    globalName: kind === 'lazy' ? '__lf_entry' : undefined,
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    minify: true,
    // Lazy modules keep function/class names: Node prints them (`<Buffer ..>`, `EventEmitter {}`).
    keepNames: kind === 'lazy',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    define: {
      __LF_MODULES__: JSON.stringify(BUILTIN_MODULES),
      __LF_NODE_VERSION__: JSON.stringify(NODE_VERSION),
      ...(kind === 'lazy' ? { atob: '__lf_atob' } : {}),
    },
    inject: kind === 'lazy' ? [path.join(srcDir, 'lazy/atob-inject.js')] : [],
    plugins: [builtinsPlugin(), inspectPatchPlugin()],
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error(`esbuild produced no output for ${entry}`)
  if (kind === 'lazy') return out.text.trim()
  // The core is a script: one strict block instead of an IIFE compiles ~10% faster in QuickJS.
  // Its top-level `var`s become block-scoped `let`s so nothing leaks onto globalThis (core.js
  // itself declares everything with let/const, so esbuild's `var`s are all top-level).
  const code = out.text.trim()
  if (/\bexport\b/.test(code)) throw new Error('core.js must not export anything')
  return `"use strict";{${code.replace(/\bvar /g, 'let ')}}`
}

export interface PreludeBuild {
  core: string
  lazy: Record<string, string>
  modules: readonly string[]
}

export async function buildPrelude(): Promise<PreludeBuild> {
  const core = await bundle(path.join(srcDir, 'core.js'), 'core')
  const lazy: Record<string, string> = {}
  const cacheByFile = new Map<string, string>()
  for (const [key, file] of Object.entries(LAZY_ENTRIES)) {
    if (RAW_ENTRIES.has(file)) {
      lazy[key] = await rawFactory(file)
      continue
    }
    let code = cacheByFile.get(file)
    if (code === undefined) {
      code = await bundle(path.join(srcDir, 'lazy', file), 'lazy')
      cacheByFile.set(file, code)
    }
    // A script whose completion value is the factory `(load, internals) => exports`.
    lazy[key] = `(function(__lf_load,__lf_internals){${code}\nreturn __lf_entry.default(__lf_load,__lf_internals);})`
  }
  return { core, lazy, modules: BUILTIN_MODULES }
}

async function packageLine(name: string): Promise<string> {
  const pkgPath = path.join(root, 'node_modules', name, 'package.json')
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as {
    version: string
    license?: string
    licenses?: { type: string }[]
  }
  const license = pkg.license ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'unknown'
  return `//   ${name}@${pkg.version} (${license})`
}

export async function renderGenerated(): Promise<string> {
  const { core, lazy, modules } = await buildPrelude()
  const licences = await Promise.all(BUNDLED_PACKAGES.map(packageLine))
  const lines = [
    '// GENERATED FILE - DO NOT EDIT.',
    '// Built by `npx tsx scripts/build-prelude.ts` from src/lambda/sandbox/prelude/src/**.',
    '// It bundles these packages (licences in their package folders under node_modules):',
    ...licences,
    '',
    '/** Evaluated once per context after `__lf_host` is defined; defines `__lf`, process and lazy globals. */',
    `export const PRELUDE_CORE: string = ${JSON.stringify(core)}`,
    '',
    '/** Lazy module sources: each is a script whose completion value is a factory `(load, internals) => exports`. */',
    'export const PRELUDE_LAZY: Record<string, string> = {',
    ...Object.entries(lazy).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    '}',
    '',
    '/** Built-in module names `require`/`import` accept (also with the `node:` prefix). */',
    `export const PRELUDE_BUILTIN_MODULES: readonly string[] = ${JSON.stringify(modules)}`,
    '',
  ]
  return lines.join('\n')
}

/**
 * The bootstrap: one script, run once per context before PRELUDE_CORE. Its modules share one
 * function scope (so nothing leaks onto globalThis but what it defines on purpose) in strict mode.
 * It is not minified: function names and line numbers show in stack traces, as the real
 * runtime's do (file:///var/runtime/index.mjs:<line>:<column>). It must use no esbuild helper
 * (they would call live globals that user code can replace).
 */
export async function bundleBootstrap(): Promise<string> {
  // The function names the sources declare (declarations and named function expressions).
  const sourceNames = new Map<string, number>()
  for (const file of await readdir(bootstrapDir)) {
    if (!file.endsWith('.js')) continue
    const src = await readFile(path.join(bootstrapDir, file), 'utf8')
    if (/\brequire\d/.test(src)) throw new Error(`bootstrap: ${file} uses a name like require2`)
    for (const [, name] of src.matchAll(/\bfunction\s+([A-Za-z_$][\w$]*)\s*\(/g))
      sourceNames.set(name, (sourceNames.get(name) ?? 0) + 1)
  }
  const result = await build({
    entryPoints: [path.join(bootstrapDir, 'main.js')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error('esbuild produced no output for the bootstrap')
  // esbuild names each module in a comment line: the runtime does not need them.
  let code = out.text.replace(/^\/\/ src\/lambda\/runtime\/bootstrap\/[\w-]+\.js\n/gm, '').trim()
  // Function names show in stack traces and in .name, so they must stay as written. esbuild
  // renames any binding called `require` (require2): the sources use no other name like it.
  // It also numbers a module-level function expression whose name another one uses (the
  // Immediate's `function ref2()`): such a name is used nowhere else, so it is given back.
  code = code.replace(/\brequire\d+\b/g, 'require')
  code = code.replace(/\bfunction ([A-Za-z_$][\w$]*?)(\d+)\(/g, (whole, name: string, n: string) => {
    const numbered = name + n
    if (sourceNames.has(numbered) || !sourceNames.has(name)) return whole
    return code.split(new RegExp(`\\b${numbered.replace(/\$/g, '\\$')}\\b`)).length === 2 ? `function ${name}(` : whole
  })
  const bundledNames = new Map<string, number>()
  for (const [, name] of code.matchAll(/\bfunction\s+([A-Za-z_$][\w$]*)\s*\(/g))
    bundledNames.set(name, (bundledNames.get(name) ?? 0) + 1)
  for (const [name, count] of sourceNames) {
    if (bundledNames.get(name) !== count)
      throw new Error(`bootstrap: esbuild renamed function ${name}: give it a name no other module uses`)
  }
  if (/^\s*(import|export)\b/m.test(code)) throw new Error('bootstrap: the bundle still has import/export statements')
  if (/\b__(name|export|defProp|toESM|toCommonJS|commonJS|esm|require|publicField)\b/.test(code))
    throw new Error('bootstrap: the bundle uses an esbuild helper')
  return `(function () {\n"use strict";\n${code}\n})()`
}

export async function renderBootstrap(): Promise<string> {
  const code = await bundleBootstrap()
  const lines = [
    '// GENERATED FILE - DO NOT EDIT.',
    '// Built by `npx tsx scripts/build-prelude.ts` from src/lambda/runtime/bootstrap/*.js.',
    '',
    '/** The runtime client inside the sandbox: evaluated once per context, before PRELUDE_CORE. */',
    `export const BOOTSTRAP: string = ${JSON.stringify(code)}`,
    '',
  ]
  return lines.join('\n')
}

async function main(): Promise<void> {
  const outputs: [string, string][] = [
    [GENERATED_PATH, await renderGenerated()],
    [BOOTSTRAP_GENERATED_PATH, await renderBootstrap()],
  ]
  if (process.argv.includes('--check')) {
    let stale = false
    for (const [file, text] of outputs) {
      const current = await readFile(file, 'utf8').catch(() => '')
      if (current !== text) {
        console.error(`${path.relative(root, file)} is stale: run npx tsx scripts/build-prelude.ts`)
        stale = true
      } else console.log(`${path.relative(root, file)} is up to date`)
    }
    if (stale) process.exit(1)
    return
  }
  for (const [file, text] of outputs) {
    await writeFile(file, text)
    console.log(`wrote ${path.relative(root, file)} (${(text.length / 1024).toFixed(1)} KiB)`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
