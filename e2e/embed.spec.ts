import { expect, fillQuestion, lessonChecks, lessons, plainText, test } from './fixtures.ts'

test('an embedded check in an iframe posts its height and an xAPI statement to the host page', async ({ page }) => {
  const l = lessons[0]!
  const q = (await lessonChecks(l.slug)).checks[0]!
  await page.goto(`./embed-example.html?src=${encodeURIComponent(`./#/embed/check/${q.id}`)}`)
  const frame = page.frameLocator('#frame')
  const group = frame.getByRole('group')
  await expect(group).toBeVisible()
  // Minimal chrome: no site header or course navigation inside the frame.
  await expect(frame.getByRole('banner')).toHaveCount(0)
  await expect(frame.getByRole('navigation')).toHaveCount(0)

  // The host resized the frame from the embed's messages.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { received: { type: string }[] }).received.filter(
            (m) => m.type === 'lambda-foundations:resize' || m.type === 'lambda-foundations:ready',
          ).length,
      ),
    )
    .toBeGreaterThan(0)
  const h = await page.locator('#frame').evaluate((el) => parseFloat((el as HTMLElement).style.height))
  expect(h).toBeGreaterThan(200)

  // The footer links back to the lesson that places the check, naming the course once.
  await expect(frame.locator('.embed-footer')).toHaveText(`From “${l.title}” · Lambda Foundations`)

  await fillQuestion(group, q, true)
  await group.getByRole('button', { name: 'Check answer' }).click()
  await expect(group.getByText('Correct.', { exact: true })).toBeVisible()

  const statements = await page.waitForFunction(() => {
    const r = (window as unknown as { received: { type: string }[] }).received.filter(
      (m) => m.type === 'lambda-foundations:statement',
    )
    return r.length > 0 ? r : null
  })
  const [msg] = (await statements.jsonValue()) as unknown as {
    id: string
    kind: string
    statement: {
      verb: { display: { 'en-US': string } }
      object: { id: string }
      result: { success: boolean; score: { scaled: number } }
    }
  }[]
  expect(msg!.kind).toBe('check')
  expect(msg!.id).toBe(q.id)
  expect(msg!.statement.verb.display['en-US']).toBe('answered')
  expect(msg!.statement.object.id).toMatch(new RegExp(`#/embed/check/${q.id}$`))
  expect(msg!.statement.result).toMatchObject({ success: true, score: { scaled: 1 } })
  await expect(page.locator('#log')).toContainText('lambda-foundations:statement: answered')
})

test('an embed link to a check that does not exist says so', async ({ page }) => {
  await page.goto('./#/embed/check/no-such-check')
  await expect(page.getByRole('alert')).toContainText('could not be found')
})

test('the example host page works exactly as shipped: its check loads, answers and reports', async ({ page }) => {
  await page.goto('./embed-example.html')
  // The activity the page names (check:content checks that it exists).
  const id = /#\/embed\/check\/([a-z0-9-]+)/.exec(await page.locator('#src').inputValue())?.[1]
  const all = (await Promise.all(lessons.map((l) => lessonChecks(l.slug)))).flatMap((x) => [
    ...x.checks,
    ...x.assessment,
  ])
  const q = all.find((x) => x.id === id)
  expect(q, `the example page's check "${id}" is in the course`).toBeDefined()
  const frame = page.frameLocator('#frame')
  const group = frame.getByRole('group', { name: plainText(q!.prompt), exact: true })
  await expect(group).toBeVisible()
  await expect(frame.getByRole('alert')).toHaveCount(0)
  await expect(frame.locator('.embed-footer')).toHaveText(/^(From “[^”]+” · )?Lambda Foundations$/)
  await fillQuestion(group, q!, true)
  await group.getByRole('button', { name: 'Check answer' }).click()
  await expect(group.getByText('Correct.', { exact: true })).toBeVisible()
  await expect(page.locator('#log')).toContainText(`lambda-foundations:statement: answered`)
  await expect(page.locator('#log')).toContainText(`#/embed/check/${id} score=`)
})

test('framed by a page that sends no referrer, the embed still sizes itself, and its statements go nowhere', async ({
  page,
}) => {
  const q = (await lessonChecks(lessons[0]!.slug)).checks[0]!
  // A host page of its own, framing the check with Referrer-Policy: no-referrer and no ?origin=.
  await page.goto('./embed-example.html')
  await page.evaluate((src) => {
    const w = window as unknown as { anon: { type: string; origin: string }[] }
    w.anon = []
    window.addEventListener('message', (e) => {
      if (e.source === frame.contentWindow) w.anon.push({ ...(e.data as { type: string }), origin: e.origin })
    })
    const frame = document.createElement('iframe')
    frame.id = 'anon'
    frame.referrerPolicy = 'no-referrer'
    frame.style.width = '600px'
    frame.src = src
    document.body.append(frame)
  }, `./#/embed/check/${q.id}`)
  const group = page.frameLocator('#anon').getByRole('group')
  await expect(group).toBeVisible()
  const types = () => page.evaluate(() => (window as unknown as { anon: { type: string }[] }).anon.map((m) => m.type))
  // The frame posts its height as the content settles: the first message may come before the check renders.
  const lastResize = () =>
    page.evaluate(() =>
      (window as unknown as { anon: { type: string; height: number }[] }).anon
        .filter((m) => m.type === 'lambda-foundations:resize')
        .pop(),
    )
  await expect.poll(async () => (await lastResize())?.height ?? 0).toBeGreaterThan(100)
  const resize = (await lastResize())!
  expect(Object.keys(resize).sort()).toEqual(['height', 'id', 'kind', 'origin', 'type'])

  await fillQuestion(group, q, true)
  await group.getByRole('button', { name: 'Check answer' }).click()
  await expect(group.getByText('Correct.', { exact: true })).toBeVisible()
  // Answered: a statement would have been posted by now to a known host; here nothing but resize.
  await page.waitForTimeout(500)
  expect(new Set(await types())).toEqual(new Set(['lambda-foundations:resize']))
})
