// Section 6 of `npm run bench:ui`: for each hostile attack of issue 10 (scripts/bench/attacks.mjs,
// the list scripts/bench/hostile.ts also measures on the Worker's side in Node), the longest
// main-thread task in the page while the attack runs in the Worker, from the click on Invoke until
// the result is on screen, beside a trivial invoke measured the same way in the same run.

import { ATTACKS } from './attacks.mjs'

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
    await page.getByTestId('config-memory').fill(String(a.config?.MemorySize ?? 128))
    await page.getByTestId('config-timeout').fill(String(a.config?.Timeout ?? 3))
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
