// esbuild plugins that build the AWS SDK for the simulated Lambda runtime (see scripts/build-sdk.ts).
// The SDK's own browser flavour is bundled (it needs no Node.js built-ins); these plugins change only
// what differs in a Lambda environment, each at a named spot, and fail the build if a spot moved.
import type { Plugin } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

export interface PluginContext {
  /** The project root (node_modules is there). */
  root: string
  /** src/lambda/sdk/runtime: the in-sandbox code the plugins wire in. */
  runtimeDir: string
  /** Entry name → what the entry module re-exports (a package name, or a file of ours). */
  entries: Record<string, { from: string; names?: string[] }>
}

function packageDir(root: string, name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }))
}

/** Entry modules: `export * from '<package>'`, or the named exports of one of our files. */
export function entriesPlugin(ctx: PluginContext): Plugin {
  return {
    name: 'lf-sdk-entries',
    setup(b) {
      b.onResolve({ filter: /^lf-entry:/ }, (args) => ({ path: args.path.slice(9), namespace: 'lf-entry' }))
      b.onLoad({ filter: /.*/, namespace: 'lf-entry' }, (args) => {
        const entry = ctx.entries[args.path]
        if (!entry) throw new Error(`no SDK entry ${args.path}`)
        const contents = entry.names
          ? `export { ${entry.names.join(', ')} } from ${JSON.stringify(entry.from)}`
          : `export * from ${JSON.stringify(entry.from)}`
        return { contents, resolveDir: ctx.root, loader: 'js' }
      })
    },
  }
}

/**
 * Each client's `./runtimeConfig` (Node's or the browser's, by the package's "browser" field) is
 * replaced by the browser configuration given the Lambda runtime's defaults (runtime/config.js).
 */
export function runtimeConfigPlugin(ctx: PluginContext): Plugin {
  const clientDir = /[\\/]@aws-sdk[\\/](client-[a-z0-9-]+)[\\/]dist-es$/
  return {
    name: 'lf-sdk-runtime-config',
    setup(b) {
      b.onResolve({ filter: /^\.\/runtimeConfig$/ }, (args) => {
        const m = clientDir.exec(args.resolveDir)
        if (!m) throw new Error(`./runtimeConfig imported from an unexpected place: ${args.importer}`)
        return { path: args.resolveDir, namespace: 'lf-runtime-config' }
      })
      b.onLoad({ filter: /.*/, namespace: 'lf-runtime-config' }, async (args) => {
        const dir = args.path
        const shared = await readFile(path.join(dir, 'runtimeConfig.shared.js'), 'utf8')
        const service = /serviceId: config\?\.serviceId \?\? ("[^"]+")/.exec(shared)
        if (!service) throw new Error(`${dir}: serviceId not found in runtimeConfig.shared.js (SDK changed?)`)
        const pkg = JSON.parse(await readFile(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string }
        const browser = path.join(dir, 'runtimeConfig.browser.js')
        const config = path.join(ctx.runtimeDir, 'config.js')
        return {
          contents:
            `import { getRuntimeConfig as browser } from ${JSON.stringify(browser)}\n` +
            `import { lambdaRuntimeConfig } from ${JSON.stringify(config)}\n` +
            `export const getRuntimeConfig = (config) => lambdaRuntimeConfig(browser, config, ${service[1]}, ${JSON.stringify(pkg.version)})\n`,
          resolveDir: dir,
          loader: 'js',
        }
      })
    },
  }
}

/** `import packageInfo from "../package.json"`: the configurations read only its version. */
export function packageJsonPlugin(): Plugin {
  return {
    name: 'lf-sdk-package-json',
    setup(b) {
      b.onLoad({ filter: /[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ }, async (args) => {
        const pkg = JSON.parse(await readFile(args.path, 'utf8')) as { version: string }
        return { contents: `export default { version: ${JSON.stringify(pkg.version)} }`, loader: 'js' }
      })
    },
  }
}

/** Node's user agent (`os/linux#… md/nodejs#20… exec-env/AWS_Lambda_nodejs20.x`), not a browser's. */
export function userAgentPlugin(ctx: PluginContext): Plugin {
  const nodeUa = () =>
    path.join(
      packageDir(ctx.root, '@aws-sdk/core'),
      'dist-es/submodules/client/util-user-agent-node/defaultUserAgent.js',
    )
  return {
    name: 'lf-sdk-user-agent',
    setup(b) {
      b.onResolve({ filter: /^lf-sdk:node-user-agent$/ }, () => ({ path: nodeUa() }))
      // The browser's provider (and the user-agent parser it loads) is never used.
      b.onLoad({ filter: /[\\/]util-user-agent-browser[\\/]defaultUserAgent\.js$/ }, () => ({
        contents:
          `import { createDefaultUserAgentProvider } from ${JSON.stringify(nodeUa())}\n` +
          'export { createDefaultUserAgentProvider, createDefaultUserAgentProvider as defaultUserAgent, createDefaultUserAgentProvider as createUserAgentStringParsingProvider }\n' +
          'export const fallback = { os: () => undefined, browser: () => undefined }\n',
        loader: 'js',
      }))
    },
  }
}

/**
 * XML responses (S3, and the query protocol of SNS, STS, IAM) are parsed by @aws-sdk/xml-builder;
 * its browser flavour needs DOMParser, its Node flavour is self-contained JavaScript: take that.
 */
export function xmlParserPlugin(): Plugin {
  return {
    name: 'lf-sdk-xml-parser',
    setup(b) {
      b.onResolve({ filter: /^\.\/xml-parser$/ }, (args) => {
        if (!/[\\/]@aws-sdk[\\/]xml-builder[\\/]dist-es$/.test(args.resolveDir)) return undefined
        return { path: path.join(args.resolveDir, 'xml-parser.js') }
      })
    },
  }
}

/** Node built-ins the SDK's Node-only files import come from the runtime's own modules. */
export function nodeBuiltinsPlugin(): Plugin {
  const keys: Record<string, string> = { os: 'os', process: 'internal/process', buffer: 'buffer', events: 'events' }
  return {
    name: 'lf-sdk-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^(node:)?(os|process|buffer|events)$/ }, (args) => ({
        path: args.path.replace(/^node:/, ''),
        namespace: 'lf-builtin',
      }))
      b.onLoad({ filter: /.*/, namespace: 'lf-builtin' }, (args) => ({
        contents: `module.exports = __lf_load(${JSON.stringify(keys[args.path])})`,
        loader: 'js',
      }))
      b.onResolve({ filter: /^node:/ }, (args) => {
        throw new Error(`the SDK bundle imports ${args.path} (from ${args.importer}): not available in the sandbox`)
      })
    },
  }
}

/**
 * The SDK's stream helpers (browser flavour) accept Blobs and ReadableStreams; a body in this
 * runtime is bytes, wrapped by runtime/body.js into a Node-like message. Patched at two exports.
 */
export function streamPatchPlugin(ctx: PluginContext): Plugin {
  const body = () => JSON.stringify(path.join(ctx.runtimeDir, 'body.js'))
  const patches: { file: RegExp; from: RegExp; to: string; wrap: string }[] = [
    {
      file: /[\\/]util-stream[\\/]sdk-stream-mixin\.browser\.js$/,
      from: /export const sdkStreamMixin = /,
      to: 'const browserSdkStreamMixin = ',
      wrap: 'export const sdkStreamMixin = (stream) => lambdaStreamMixin(stream, browserSdkStreamMixin)\n',
    },
    {
      file: /[\\/]util-stream[\\/]stream-collector\.browser\.js$/,
      from: /export const streamCollector = /,
      to: 'const browserStreamCollector = ',
      wrap: 'export const streamCollector = (stream) => lambdaStreamCollector(stream, browserStreamCollector)\n',
    },
  ]
  return {
    name: 'lf-sdk-streams',
    setup(b) {
      // The retry middleware asks whether a failed request streamed its body (then it may not be
      // retried); the browser flavour assumes a global ReadableStream. Request bodies here are bytes.
      b.onLoad({ filter: /[\\/]isStreamingPayload[\\/]isStreamingPayload\.browser\.js$/ }, async (args) => {
        const src = await readFile(args.path, 'utf8')
        const from = '(request) => request?.body instanceof ReadableStream'
        if (!src.includes(from)) throw new Error(`${args.path}: ${from} not found (SDK changed?)`)
        return {
          contents: src.replace(
            from,
            "(request) => typeof ReadableStream === 'function' && request?.body instanceof ReadableStream",
          ),
          loader: 'js',
        }
      })
      // S3's 200-with-an-error check re-wraps the body it read (browser: a ReadableStream).
      b.onLoad({ filter: /[\\/]to-stream[\\/]toStream\.browser\.js$/ }, async (args) => {
        const src = await readFile(args.path, 'utf8')
        if (!src.includes('export function toStream(bytes)'))
          throw new Error(`${args.path}: toStream not found (SDK changed?)`)
        return {
          contents: `import { sandboxBody } from ${body()}\nexport function toStream(bytes) { return sandboxBody(bytes) }\n`,
          resolveDir: path.dirname(args.path),
          loader: 'js',
        }
      })
      for (const p of patches) {
        b.onLoad({ filter: p.file }, async (args) => {
          const src = await readFile(args.path, 'utf8')
          if (!p.from.test(src)) throw new Error(`${args.path}: ${p.from} not found (SDK changed?)`)
          return {
            contents:
              `import { lambdaStreamMixin, lambdaStreamCollector } from ${body()}\n` +
              src.replace(p.from, p.to) +
              '\n' +
              p.wrap,
            resolveDir: path.dirname(args.path),
            loader: 'js',
          }
        })
      }
    },
  }
}
