// Section 6 of `npm run bench:ui`: for each hostile attack of issue 10 (the list of
// scripts/bench/hostile.ts, which measures the Worker's side in Node), the longest main-thread task
// in the page while the attack runs in the Worker, from the click on Invoke until the result is on
// screen, beside a trivial invoke measured the same way in the same run.

const ATTACKS = [
  { label: 'baseline: trivial handler', source: 'export const handler = async () => 1' },
  {
    label: 'setImmediate loop (1,024 MB, Timeout 10)',
    source: 'export const handler = async () => { const f = () => setImmediate(f); f(); await new Promise(() => {}) }',
    memory: 1024,
    timeout: 10,
  },
  {
    label: 'setInterval(…, 0) (1,769 MB, Timeout 60)',
    source: 'export const handler = async () => { setInterval(() => {}, 0); await new Promise(() => {}) }',
    memory: 1769,
    timeout: 60,
  },
  {
    label: '20 MB log lines forever (1,024 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(2e7); for (;;) console.log(s) }",
    memory: 1024,
  },
  {
    label: '1 MB log lines forever (128 MB, Timeout 3)',
    source: "export const handler = async () => { const s = 'x'.repeat(1e6); for (;;) console.log(s) }",
  },
  {
    label: 'busy loop (128 MB, Timeout 900)',
    source: 'export const handler = async () => { for (;;) {} }',
    timeout: 900,
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
    memory: 1024,
  },
]

export async function hostileUi({ newPage, base, out, ms }) {
  const { ctx, page } = await newPage()
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`${base}#/playground`)
  const ed = page.getByTestId('playground').locator('.monaco-editor').first()
  await ed.waitFor({ timeout: 60_000 })
  const invokes = () => page.evaluate(() => performance.getEntriesByName('lf:invoke', 'measure').length)
  for (const a of ATTACKS) {
    await ed.locator('.view-lines').click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.evaluate((t) => navigator.clipboard.writeText(t), a.source)
    await page.keyboard.press('ControlOrMeta+V')
    await page.getByTestId('pg-tab-config').click()
    await page.getByTestId('config-memory').fill(String(a.memory ?? 128))
    await page.getByTestId('config-timeout').fill(String(a.timeout ?? 3))
    await page.getByTestId('pg-tab-event').click()
    await page.getByTestId('event-json').fill(a.payload ?? '{}')
    const before = await invokes()
    const start = await page.evaluate(() => performance.now())
    await page.getByTestId('invoke').click()
    await page.waitForFunction((n) => performance.getEntriesByName('lf:invoke', 'measure').length > n, before, {
      timeout: 120_000,
    })
    const longest = await page.evaluate(
      (s) => Math.max(0, ...window.__longtasks.filter((t) => t.start >= s).map((t) => t.duration)),
      start,
    )
    const took = await page.evaluate(() => performance.getEntriesByName('lf:invoke', 'measure').at(-1).duration)
    await page.getByTestId('pg-tab-result').click()
    const outcome =
      (await page.getByTestId('error-type').count()) > 0
        ? await page.getByTestId('error-type').textContent()
        : (await page.getByTestId('service-error').count()) > 0
          ? 'service error'
          : 'ok'
    out.push([
      `hostile: ${a.label}: longest main-thread task`,
      `${longest === 0 ? 'none over 50 ms' : ms(longest)} (click → result ${ms(took)}, ${outcome})`,
    ])
  }
  await ctx.close()
}
