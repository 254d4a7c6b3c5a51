/**
 * Type declarations for what the simulated Node.js 20 runtime offers a handler (see
 * docs/runtime-builtins.md): a small subset of @types/node, added to the editor's TypeScript
 * service as an extra lib. The editor uses `lib: ['es2023']` (no DOM), so only these globals
 * exist: `document`, `window`, `XMLHttpRequest`… are flagged, as they would fail in the simulator.
 * Built-in modules the runtime provides are declared as untyped modules, so importing them is
 * not an error; any other bare import (`http2`, `axios`) is "Cannot find module", like at run time.
 */
import { BUILTIN_MODULES } from '../../../lambda/public.ts'

const modules = BUILTIN_MODULES.flatMap((m) => [`declare module '${m}';`, `declare module 'node:${m}';`]).join('\n')

export const RUNTIME_GLOBALS_PATH = 'file:///node_modules/@types/lambda-foundations-runtime/index.d.ts'

export const RUNTIME_GLOBALS_DTS = `// Globals of the simulated Node.js 20 Lambda runtime (a subset of @types/node).
declare namespace NodeJS {
  interface ProcessEnv {
    [key: string]: string | undefined
    /** The AWS Region where the function runs. */
    AWS_REGION?: string
    AWS_DEFAULT_REGION?: string
    AWS_LAMBDA_FUNCTION_NAME?: string
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE?: string
    AWS_LAMBDA_FUNCTION_VERSION?: string
    AWS_LAMBDA_LOG_GROUP_NAME?: string
    AWS_LAMBDA_LOG_STREAM_NAME?: string
    AWS_LAMBDA_INITIALIZATION_TYPE?: string
    AWS_EXECUTION_ENV?: string
    AWS_LAMBDA_RUNTIME_API?: string
    LAMBDA_TASK_ROOT?: string
    LAMBDA_RUNTIME_DIR?: string
    TZ?: string
  }
  interface MemoryUsage { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number }
  interface HRTime { (time?: [number, number]): [number, number]; bigint(): bigint }
  interface WriteStream { write(chunk: string | Uint8Array, callback?: (err?: Error | null) => void): boolean }
  interface Process {
    env: ProcessEnv
    version: string
    versions: Record<string, string>
    platform: string
    arch: string
    argv: string[]
    execPath: string
    pid: number
    exitCode?: number
    cwd(): string
    exit(code?: number): never
    nextTick(callback: (...args: any[]) => void, ...args: any[]): void
    hrtime: HRTime
    uptime(): number
    memoryUsage(): MemoryUsage
    emitWarning(warning: string | Error, type?: string, code?: string): void
    on(event: string, listener: (...args: any[]) => void): this
    once(event: string, listener: (...args: any[]) => void): this
    off(event: string, listener: (...args: any[]) => void): this
    emit(event: string, ...args: any[]): boolean
    stdout: WriteStream
    stderr: WriteStream
  }
  interface Timeout { ref(): this; unref(): this; hasRef(): boolean; refresh(): this; [Symbol.toPrimitive](): number }
  interface Immediate { ref(): this; unref(): this; hasRef(): boolean }
  interface Require { (id: string): any; resolve(id: string): string; cache: Record<string, Module | undefined>; main: Module | undefined }
  interface Module { exports: any; id: string; filename: string; loaded: boolean; children: Module[]; paths: string[]; require: Require }
}
declare var process: NodeJS.Process
declare var global: typeof globalThis
declare var require: NodeJS.Require
declare var module: NodeJS.Module
declare var exports: any
declare var __filename: string
declare var __dirname: string

interface Console {
  log(...data: any[]): void
  info(...data: any[]): void
  warn(...data: any[]): void
  error(...data: any[]): void
  debug(...data: any[]): void
  trace(...data: any[]): void
  dir(item?: any, options?: any): void
  table(tabularData?: any, properties?: string[]): void
  time(label?: string): void
  timeEnd(label?: string): void
  timeLog(label?: string, ...data: any[]): void
  count(label?: string): void
  countReset(label?: string): void
  group(...label: any[]): void
  groupEnd(): void
  assert(condition?: boolean, ...data: any[]): void
}
declare var console: Console

declare function setTimeout<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): NodeJS.Timeout
declare function setTimeout(callback: (args: void) => void, ms?: number): NodeJS.Timeout
declare function clearTimeout(timeout: NodeJS.Timeout | string | number | undefined): void
declare function setInterval<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): NodeJS.Timeout
declare function setInterval(callback: (args: void) => void, ms?: number): NodeJS.Timeout
declare function clearInterval(timeout: NodeJS.Timeout | string | number | undefined): void
declare function setImmediate<A extends any[]>(callback: (...args: A) => void, ...args: A): NodeJS.Immediate
declare function setImmediate(callback: (args: void) => void): NodeJS.Immediate
declare function clearImmediate(immediate: NodeJS.Immediate | undefined): void
declare function queueMicrotask(callback: () => void): void
declare function structuredClone<T>(value: T, options?: { transfer?: any[] }): T
declare function atob(data: string): string
declare function btoa(data: string): string
declare var performance: { now(): number; readonly timeOrigin: number }

// fetch over the simulation's network (declared hosts, AWS endpoints; no internet).
type HeadersInit = Headers | Record<string, string> | [string, string][]
type BodyInit = string | ArrayBuffer | ArrayBufferView | Blob | URLSearchParams
declare class Headers implements Iterable<[string, string]> {
  constructor(init?: HeadersInit)
  append(name: string, value: string): void
  delete(name: string): void
  get(name: string): string | null
  getSetCookie(): string[]
  has(name: string): boolean
  set(name: string, value: string): void
  forEach(cb: (value: string, key: string, parent: Headers) => void): void
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  [Symbol.iterator](): IterableIterator<[string, string]>
}
interface Body {
  readonly bodyUsed: boolean
  text(): Promise<string>
  json(): Promise<any>
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array>
  blob(): Promise<Blob>
}
interface RequestInit { method?: string; headers?: HeadersInit; body?: BodyInit | null; signal?: AbortSignal; redirect?: 'follow' | 'manual' | 'error' }
declare class Request implements Body {
  constructor(input: string | URL | Request, init?: RequestInit)
  readonly url: string
  readonly method: string
  readonly headers: Headers
  readonly signal: AbortSignal
  readonly bodyUsed: boolean
  clone(): Request
  text(): Promise<string>
  json(): Promise<any>
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array>
  blob(): Promise<Blob>
}
interface ResponseInit { status?: number; statusText?: string; headers?: HeadersInit }
declare class Response implements Body {
  constructor(body?: BodyInit | null, init?: ResponseInit)
  static json(data: any, init?: ResponseInit): Response
  static error(): Response
  static redirect(url: string | URL, status?: number): Response
  readonly status: number
  readonly statusText: string
  readonly ok: boolean
  readonly headers: Headers
  readonly url: string
  readonly redirected: boolean
  readonly type: string
  readonly bodyUsed: boolean
  clone(): Response
  text(): Promise<string>
  json(): Promise<any>
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array>
  blob(): Promise<Blob>
}
declare class Blob {
  constructor(parts?: (string | ArrayBuffer | ArrayBufferView | Blob)[], options?: { type?: string })
  readonly size: number
  readonly type: string
  text(): Promise<string>
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array>
  slice(start?: number, end?: number, type?: string): Blob
}
declare class DOMException extends Error {
  constructor(message?: string, name?: string | { name?: string; cause?: unknown })
  readonly code: number
}
declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>

type BufferEncoding = 'ascii' | 'utf8' | 'utf-8' | 'utf16le' | 'utf-16le' | 'ucs2' | 'ucs-2' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'hex'
interface Buffer extends Uint8Array<ArrayBuffer> {
  toString(encoding?: BufferEncoding, start?: number, end?: number): string
  toJSON(): { type: 'Buffer'; data: number[] }
  equals(other: Uint8Array): boolean
  compare(target: Uint8Array): number
  write(string: string, offset?: number, encoding?: BufferEncoding): number
  slice(start?: number, end?: number): Buffer
  subarray(start?: number, end?: number): Buffer
  readonly length: number
}
interface BufferConstructor {
  from(data: string, encoding?: BufferEncoding): Buffer
  from(data: ArrayLike<number> | ArrayBuffer | Uint8Array): Buffer
  alloc(size: number, fill?: string | number, encoding?: BufferEncoding): Buffer
  allocUnsafe(size: number): Buffer
  byteLength(data: string | ArrayBuffer | Uint8Array, encoding?: BufferEncoding): number
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer
  isBuffer(obj: any): obj is Buffer
  isEncoding(encoding: string): encoding is BufferEncoding
  compare(a: Uint8Array, b: Uint8Array): number
}
declare var Buffer: BufferConstructor

declare class TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  readonly encoding: string
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string
}
declare class URLSearchParams implements Iterable<[string, string]> {
  constructor(init?: string | Record<string, string> | Iterable<[string, string]>)
  append(name: string, value: string): void
  delete(name: string): void
  get(name: string): string | null
  getAll(name: string): string[]
  has(name: string): boolean
  set(name: string, value: string): void
  sort(): void
  toString(): string
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  entries(): IterableIterator<[string, string]>
  [Symbol.iterator](): IterableIterator<[string, string]>
  readonly size: number
}
declare class URL {
  constructor(url: string | URL, base?: string | URL)
  static canParse(url: string, base?: string): boolean
  hash: string
  host: string
  hostname: string
  href: string
  readonly origin: string
  password: string
  pathname: string
  port: string
  protocol: string
  search: string
  readonly searchParams: URLSearchParams
  username: string
  toString(): string
  toJSON(): string
}
declare class Event {
  constructor(type: string, options?: { bubbles?: boolean; cancelable?: boolean })
  readonly type: string
  readonly defaultPrevented: boolean
  preventDefault(): void
}
declare class EventTarget {
  addEventListener(type: string, listener: (event: any) => void, options?: boolean | { once?: boolean; signal?: AbortSignal }): void
  removeEventListener(type: string, listener: (event: any) => void): void
  dispatchEvent(event: Event): boolean
}
declare class AbortSignal extends EventTarget {
  readonly aborted: boolean
  readonly reason: any
  onabort: ((event: Event) => void) | null
  throwIfAborted(): void
  static abort(reason?: any): AbortSignal
  static timeout(ms: number): AbortSignal
  static any(signals: AbortSignal[]): AbortSignal
}
declare class AbortController {
  readonly signal: AbortSignal
  abort(reason?: any): void
}
declare var crypto: {
  randomUUID(): string
  getRandomValues<T extends ArrayBufferView | null>(array: T): T
}

${modules}
`
