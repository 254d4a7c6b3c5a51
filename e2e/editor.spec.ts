/**
 * The playground's code editor (src/playground/editor): Monaco served by the site itself,
 * handler types from @types/aws-lambda, file tabs, Ctrl/Cmd+Enter, theme.
 * The `guard` fixture fails any test in which a request leaves the page's origin.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const editor = (page: Page) => page.locator('.pg-editor')
const monacoInput = (page: Page) =>
  editor(page).locator('.monaco-editor [role="textbox"], .monaco-editor textarea').first()

async function openPlayground(page: Page) {
  await page.goto('./#/playground')
  await expect(editor(page).locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 60_000 })
}

/** Replaces the open file's text through the clipboard (typing would trigger auto-closing and suggestions). */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await monacoInput(page).focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

// Monaco (1 MB gzip) and its TypeScript worker (1.5 MB gzip, 7 MB of JavaScript to parse) load in
// every test, beside the Lambda engine: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 })

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
})

test('Monaco loads from the site and TypeScript handlers are typed by @types/aws-lambda', async ({ page }) => {
  await openPlayground(page)
  await expect(monacoInput(page)).toHaveAttribute('aria-label', /^Code editor, index\.mjs/)

  // A new TypeScript file, from the tab bar.
  await editor(page).getByRole('button', { name: 'New file' }).click()
  await page.getByLabel('New file name').fill('api.ts')
  await page.keyboard.press('Enter')
  await expect(editor(page).getByRole('tab', { name: /^api\.ts/ })).toHaveAttribute('aria-selected', 'true')
  await expect(monacoInput(page)).toHaveAttribute('aria-label', /^Code editor, api\.ts/)

  await paste(
    page,
    "import type { APIGatewayProxyEvent } from 'aws-lambda'\n\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  return event\n}\n",
  )
  // Put the cursor after `return event` and ask for its members.
  await page.keyboard.press('ControlOrMeta+Home')
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.type('.')
  await expect(editor(page).getByRole('option', { name: 'queryStringParameters, Field', exact: true })).toBeVisible({
    timeout: 60_000,
  })
  await page.keyboard.press('Escape')

  // A field APIGatewayProxyEvent does not have is flagged, in the editor and on the tab.
  await page.keyboard.type('queryStringParams')
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(1, { timeout: 60_000 })
  await expect(editor(page).getByRole('tab', { name: /^api\.ts.*1 error/ })).toBeVisible()
  await page.keyboard.press('Backspace') // queryStringParam…
  await page.keyboard.type('eters')
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(0, { timeout: 60_000 })
  await expect(editor(page).getByRole('tab', { name: /^api\.ts$/ })).toBeVisible()
})

test('JavaScript handlers are checked against JSDoc types from aws-lambda', async ({ page }) => {
  await openPlayground(page)
  // `context` is untyped: fine in JavaScript (JS is not held to `strict`); `nmae` is not.
  await paste(
    page,
    "/** @param {import('aws-lambda').S3Event} event */\nexport const handler = async (event, context) => {\n  return event.Records.map((r) => r.s3.bucket.nmae)\n}\n",
  )
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(1, { timeout: 60_000 })
  await expect(editor(page).getByRole('tab', { name: /^index\.mjs.*1 error/ })).toBeVisible()
})

test('Ctrl+Enter in the editor invokes the function', async ({ page }) => {
  await openPlayground(page)
  await monacoInput(page).focus()
  await page.keyboard.press('Control+Enter')
  await page.getByTestId('pg-tab-result').click()
  await expect(page.getByTestId('playground')).toContainText('Hello from Lambda!', { timeout: 60_000 })
  // The shortcut ran the function; it did not insert a line into the code.
  await expect(editor(page).locator('.view-line')).toHaveCount(9)
})

test('file tabs: new, rename, delete with confirmation, validation and keyboard', async ({ page }) => {
  await openPlayground(page)
  const bar = editor(page)

  await bar.getByRole('button', { name: 'New file' }).click()
  const name = page.getByLabel('New file name')
  await expect(name).toHaveValue('untitled.mjs')
  await name.fill('../outside.mjs')
  await page.keyboard.press('Enter')
  await expect(bar.getByRole('alert')).toHaveText('“..” is not allowed: files stay inside the function’s folder.')
  await name.fill('notes.txt')
  await page.keyboard.press('Enter')
  await expect(bar.getByRole('alert')).toContainText('“.txt” files are not supported')
  await name.fill('index.mjs')
  await page.keyboard.press('Enter')
  await expect(bar.getByRole('alert')).toHaveText('A file named index.mjs already exists.')
  await name.fill('lib/orders.mjs')
  await page.keyboard.press('Enter')
  await expect(bar.getByRole('tab')).toHaveText(['index.mjs', 'lib/orders.mjs'])

  // Arrow keys move between tabs; F2 renames; Delete asks first.
  await bar.getByRole('tab', { name: 'index.mjs' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(bar.getByRole('tab', { name: 'lib/orders.mjs' })).toBeFocused()
  await expect(bar.getByRole('tab', { name: 'lib/orders.mjs' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('F2')
  const rename = page.getByLabel('Rename lib/orders.mjs to')
  await rename.fill('lib/order-store.mjs')
  await page.keyboard.press('Enter')
  await expect(bar.getByRole('tab')).toHaveText(['index.mjs', 'lib/order-store.mjs'])
  await expect(bar.getByRole('tab', { name: 'lib/order-store.mjs' })).toBeFocused()

  await page.keyboard.press('Delete')
  await expect(bar.getByText('Delete lib/order-store.mjs? Its code will be lost.')).toBeVisible()
  await expect(bar.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Enter') // Cancel
  await expect(bar.getByRole('tab')).toHaveCount(2)
  await page.keyboard.press('Delete')
  await bar.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(bar.getByRole('tab')).toHaveText(['index.mjs'])

  // The last file can't be deleted (the button says so; the Delete key explains).
  await expect(bar.getByRole('button', { name: 'Delete index.mjs' })).toHaveAttribute('aria-disabled', 'true')
  await bar.getByRole('tab', { name: 'index.mjs' }).focus()
  await page.keyboard.press('Delete')
  await expect(bar.getByRole('status').filter({ hasText: 'A function needs at least one file' })).toBeVisible()
  await expect(bar.getByRole('tab')).toHaveText(['index.mjs'])
})

test('the editor follows the app theme', async ({ page }) => {
  await openPlayground(page)
  await expect(editor(page).locator('.monaco-editor.vs')).toBeVisible()
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await expect(editor(page).locator('.monaco-editor.vs-dark')).toBeVisible()
  await page.getByRole('button', { name: 'Light theme' }).click()
  await expect(editor(page).locator('.monaco-editor.vs')).toBeVisible()
})

test('AWS SDK imports are typed: the client’s declarations load lazily, a wrong input field is flagged', async ({
  page,
}) => {
  const sdkTypeRequests: string[] = []
  page.on('request', (r) => {
    if (/sdk-types-/.test(r.url())) sdkTypeRequests.push(r.url())
  })
  await openPlayground(page)
  // The starter file imports no SDK package: nothing is loaded for it.
  expect(sdkTypeRequests).toEqual([])

  const loaded = page.waitForRequest(/sdk-types-client-dynamodb/)
  await paste(
    page,
    [
      "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'",
      '',
      'const client = new DynamoDBClient({})',
      '',
      'export const handler = async () => {',
      "  await client.send(new PutItemCommand({ TableName: 'orders', Itemz: { id: { S: '1' } } }))",
      '}',
      '',
    ].join('\n'),
  )
  await loaded
  // One error: the unknown field (no "Cannot find module '@aws-sdk/client-dynamodb'").
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(1, { timeout: 60_000 })
  await expect(editor(page).getByRole('tab', { name: /^index\.mjs.*1 error/ })).toBeVisible()
  await editor(page)
    .locator('.view-lines span', { hasText: /^Itemz$/ })
    .hover()
  const hover = page
    .locator('.monaco-hover')
    .filter({ hasText: "'Itemz' does not exist in type 'PutItemCommandInput'" })
  await expect(hover).toBeVisible({ timeout: 30_000 })

  // The right field name clears it: the module resolved.
  await paste(
    page,
    [
      "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'",
      'const client = new DynamoDBClient({})',
      "export const handler = async () => client.send(new PutItemCommand({ TableName: 'orders', Item: {} }))",
      '',
    ].join('\n'),
  )
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(0, { timeout: 60_000 })
  await expect(editor(page).getByRole('tab', { name: /^index\.mjs$/ })).toBeVisible()
  expect(sdkTypeRequests.filter((u) => /client-dynamodb/.test(u))).toHaveLength(1)
})
