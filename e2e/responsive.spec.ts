import { expect, lessons, test } from './fixtures.ts'

const pages = [
  { name: 'home', hash: '#/' },
  ...lessons.map((l) => ({ name: `lesson ${l.slug}`, hash: `#/lessons/${l.slug}` })),
  { name: 'progress', hash: '#/progress' },
  { name: '404', hash: '#/no-such-page' },
]

for (const p of pages) {
  test(`${p.name} has no horizontal scroll at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`./${p.hash}`)
    await expect(page.locator('#main h1')).toBeVisible()
    if (p.hash.startsWith('#/lessons/'))
      await expect(page.getByTestId('lesson-body').locator('h2').first()).toBeVisible()
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    // No element sticks out to the right either (overflow hidden somewhere would mask it).
    const wide = await page.evaluate(() => {
      const out: string[] = []
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('#main *'))) {
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.right > document.documentElement.clientWidth + 1) {
          // Content inside a horizontally scrollable box (code, tables, figures) is fine.
          let p: HTMLElement | null = el.parentElement
          let scrolls = false
          while (p) {
            const ox = getComputedStyle(p).overflowX
            if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') {
              scrolls = true
              break
            }
            p = p.parentElement
          }
          if (!scrolls) out.push(`${el.tagName.toLowerCase()}.${el.className}`)
        }
      }
      return out.slice(0, 5)
    })
    expect(wide).toEqual([])
  })
}
