// Issue 10's hostile handlers, one list for both benches: `npm run bench -- hostile`
// (scripts/bench/hostile.ts, the Worker's side in Node) and `npm run bench:ui -- --hostile`
// (scripts/bench/ui-hostile.mjs, the page's main thread in Chromium). The first is the baseline.
// `config` is the function's (MemorySize MB, Timeout s; defaults 128 and 3); `payload` is the
// event's JSON text (default `{}`).

/** @type {import('./attacks.d.mts').Attack[]} */
export const ATTACKS = [
  { label: 'baseline: trivial handler, cold', source: 'export const handler = async () => 1' },
  {
    label: 'setImmediate loop (1,024 MB, Timeout 10)',
    source: 'export const handler = async () => { const f = () => setImmediate(f); f(); await new Promise(() => {}) }',
    config: { MemorySize: 1024, Timeout: 10 },
  },
  {
    label: 'setInterval(…, 0) (1,769 MB, Timeout 60)',
    source: 'export const handler = async () => { setInterval(() => {}, 0); await new Promise(() => {}) }',
    config: { MemorySize: 1769, Timeout: 60 },
  },
  {
    label: '20 MB log lines forever (1,024 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(2e7); for (;;) console.log(s) }",
    config: { MemorySize: 1024, Timeout: 3 },
  },
  {
    label: '1 MB log lines forever (128 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(1e6); for (;;) console.log(s) }",
    config: { Timeout: 3 },
  },
  {
    label: 'busy loop (128 MB, Timeout 900)',
    source: 'export const handler = async () => { for (;;) {} }',
    config: { Timeout: 900 },
  },
  {
    label: '100,000-deep result',
    source: 'export const handler = async () => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return a }',
  },
  {
    label: '10,000-deep payload',
    source: 'export const handler = async () => 1',
    payload: '['.repeat(10_000) + ']'.repeat(10_000),
  },
  {
    label: 'JSON.parse of a 10,000-deep text in the handler',
    source: "export const handler = async () => JSON.parse('['.repeat(10000) + ']'.repeat(10000)).length",
  },
  {
    label: 'JSON.stringify of a 10,000-deep value in the handler',
    source:
      'export const handler = async () => { let a = []; for (let i = 0; i < 10000; i++) a = [a]; return JSON.stringify(a) }',
  },
  {
    label: 'out of memory in console.log (128 MB)',
    source: "export const handler = async () => { let s = 'x'; for (let i = 0; i < 27; i++) s += s; console.log(s) }",
  },
  {
    label: '20 MB error message (1,024 MB)',
    source: "export const handler = async () => { throw new Error('x'.repeat(2e7)) }",
    config: { MemorySize: 1024 },
  },
]
