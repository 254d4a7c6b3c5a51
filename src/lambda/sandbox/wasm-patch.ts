// Two small WebAssembly tools the rejection tracker needs (rejection-tracker.ts), our own code:
//  - exportFunctionTable(bytes): the same module with its function table exported (one export entry
//    added; every other byte unchanged), so the host can put a function of its own in the table;
//  - wasmFunction(fn, params): a JavaScript function wrapped as a real WebAssembly function (a
//    50-byte module that imports it and exports it again), which a funcref table can hold.

/** The export name given to the table. */
export const TABLE_EXPORT = 'lf_table'

function readU32(bytes: Uint8Array, pos: number): [number, number] {
  let result = 0
  let shift = 0
  let b: number
  do {
    if (pos >= bytes.length) throw new Error('wasm-patch: truncated LEB128')
    b = bytes[pos++]
    result |= (b & 0x7f) << shift
    shift += 7
  } while (b & 0x80 && shift < 35)
  return [result >>> 0, pos]
}

function u32(n: number): number[] {
  const out: number[] = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n !== 0) b |= 0x80
    out.push(b)
  } while (n !== 0)
  return out
}

interface Section {
  id: number
  start: number
  body: number
  end: number
}

function sections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
    throw new Error('wasm-patch: not a WebAssembly module')
  const out: Section[] = []
  let pos = 8
  while (pos < bytes.length) {
    const id = bytes[pos]
    const [size, body] = readU32(bytes, pos + 1)
    if (body + size > bytes.length) throw new Error('wasm-patch: section past the end')
    out.push({ id, start: pos, body, end: body + size })
    pos = body + size
  }
  return out
}

/**
 * The module with table 0 exported as TABLE_EXPORT. Throws when the module has no table of its
 * own (imported tables are not handled) or already exports one under that name.
 */
export function exportFunctionTable(bytes: Uint8Array): Uint8Array {
  const all = sections(bytes)
  const table = all.find((s) => s.id === 4)
  const exp = all.find((s) => s.id === 7)
  if (!table || !exp) throw new Error('wasm-patch: no table or export section')
  const [tables, tp] = readU32(bytes, table.body)
  if (tables < 1 || bytes[tp] !== 0x70) throw new Error('wasm-patch: table 0 is not a funcref table')
  const [count, ep] = readU32(bytes, exp.body)
  const name = new TextEncoder().encode(TABLE_EXPORT)
  const body = [...u32(count + 1), ...bytes.subarray(ep, exp.end), ...u32(name.length), ...name, 0x01, 0x00]
  const head = Uint8Array.from([7, ...u32(body.length), ...body])
  const out = new Uint8Array(bytes.length - (exp.end - exp.start) + head.length)
  out.set(bytes.subarray(0, exp.start), 0)
  out.set(head, exp.start)
  out.set(bytes.subarray(exp.end), exp.start + head.length)
  return out
}

export type WasmType = 'i32' | 'i64' | 'f32' | 'f64'
const TYPE_CODE: Record<WasmType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c }

/** `fn` as a WebAssembly function of the given signature (i64 arguments arrive as BigInt). */
export function wasmFunction(fn: (...args: never[]) => void, params: WasmType[]): WebAssembly.ExportValue {
  const type = [0x60, ...u32(params.length), ...params.map((t) => TYPE_CODE[t]), 0]
  const sec = (id: number, b: number[]) => [id, ...u32(b.length), ...b]
  const str = (s: string) => [...u32(s.length), ...new TextEncoder().encode(s)]
  const bytes = Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...sec(1, [1, ...type]),
    ...sec(2, [1, ...str('e'), ...str('f'), 0x00, 0x00]),
    ...sec(7, [1, ...str('f'), 0x00, 0x00]),
  ])
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { f: fn } })
  return instance.exports.f
}
