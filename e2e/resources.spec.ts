/**
 * The playground's Resources view (issue 13): the learner's simulated account through the UI, as its
 * admin user. Create a table, put an item as DynamoDB JSON and see it; meet DynamoDB's own error;
 * create a role, type a bad inline policy and get IAM's message as you type and on Save, fix it and
 * save. Screenshots at desktop and phone widths, light and dark, go to the test's output folder.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { SLOW, openPlayground } from './playground-page.ts'

/** Accessibility problems axe finds in the Resources view (WCAG 2.2 AA and best practice). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="resources"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function openResources(page: Page) {
  await openPlayground(page)
  await page.getByTestId('pg-tab-resources').click()
  await expect(page.getByTestId('resources')).toBeVisible(SLOW)
}

const BAD_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "dynamodb:PutItem",
      "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders-e2e"
    }
  ]
}`
const GOOD_POLICY = BAD_POLICY.replace('      "Principal": "*",\n', '')

test.describe('playground resources', () => {
  test.describe.configure({ timeout: 120_000 })

  test('create a table, put an item and see it; create a role and fix a bad inline policy', async ({ page }) => {
    await openResources(page)
    const view = page.getByTestId('resources')

    // DynamoDB: create a table (it opens), put an item as DynamoDB JSON.
    await view.getByText('Create a table').click()
    await page.getByTestId('rs-table-name').fill('orders-e2e')
    await page.getByTestId('rs-table-pk').fill('id')
    await page.getByTestId('rs-table-create').click()
    await expect(
      view.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'orders-e2e', exact: true }),
    ).toBeVisible(SLOW)
    const items = page.getByTestId('rs-table-items')
    await expect(items).toContainText('No items on this page.', SLOW)

    // The same name again: DynamoDB's own error, by name.
    await page.getByTestId('rs-table-create').click()
    await expect(page.getByTestId('rs-create-table-error')).toContainText('ResourceInUseException', SLOW)

    await page.getByTestId('rs-item-new').click()
    const json = page.getByTestId('rs-item-json')
    await json.fill('{"id": "42"}')
    await expect(page.getByTestId('rs-item-check')).toHaveText(/^id must be an object with one type/)
    await expect(page.getByTestId('rs-item-save')).toBeDisabled()
    await json.fill('{"id": {"S": "42"}, "note": {"S": "hello"}, "total": {"N": "12.5"}}')
    await expect(page.getByTestId('rs-item-check')).toHaveText('Valid DynamoDB JSON.')
    await page.getByTestId('rs-item-save').click()
    const row = items.getByTestId('rs-item-row')
    await expect(row).toHaveCount(1, SLOW)
    await expect(row).toContainText('"42"')
    await expect(row).toContainText('note: "hello"')
    await expect(row).toContainText('total: 12.5')

    // IAM: create a role (Lambda's trust policy by default), add an inline policy.
    await page.getByTestId('rs-service').selectOption('iam')
    await view.getByText('Create a role').click()
    await expect(page.getByTestId('rs-trust-check')).toContainText('The policy grammar is valid')
    await page.getByTestId('rs-role-name').fill('orders-e2e-role')
    await page.getByTestId('rs-role-create').click()
    const detail = page.getByTestId('rs-role-detail')
    await expect(detail).toContainText('arn:aws:iam::123456789012:role/orders-e2e-role', SLOW)
    await expect(view.getByRole('list', { name: 'Roles' })).toContainText('orders-e2e-role')

    await page.getByTestId('rs-inline-new').click()
    await page.getByTestId('rs-inline-name').fill('write-orders')
    const policy = page.getByTestId('rs-inline-policy-text')
    await policy.fill(BAD_POLICY)
    // As you type: IAM's message, at the line and field it is about.
    const check = page.getByTestId('rs-inline-policy-check')
    await expect(check).toContainText('MalformedPolicyDocument: Policy document should not specify a principal.')
    await expect(check).toContainText('Line 6 (Principal)')
    await expect(policy).toHaveAttribute('aria-invalid', 'true')
    // "Line 6" selects that line in the editor.
    await check.getByRole('button', { name: 'Line 6' }).click()
    await expect(policy).toBeFocused()
    expect(await policy.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(
      '      "Principal": "*",',
    )
    // Save anyway: IAM answers PutRolePolicy with the same error.
    await page.getByTestId('rs-inline-save').click()
    await expect(page.getByTestId('rs-inline-save-error')).toContainText(
      'MalformedPolicyDocument (400): Policy document should not specify a principal.',
      SLOW,
    )
    // Fixed: valid as typed, saved, listed.
    await policy.fill(GOOD_POLICY)
    await expect(check).toContainText('The policy grammar is valid')
    await page.getByTestId('rs-inline-save').click()
    await expect(page.getByTestId('rs-inline-editor')).toHaveCount(0, SLOW)
    await expect(detail.getByRole('list', { name: 'Inline policies of orders-e2e-role' })).toContainText('write-orders')

    // Deleting a role that still has a policy: IAM's DeleteConflict.
    await view.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Delete role orders-e2e-role' }).click()
    await view.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page.getByTestId('rs-role-error')).toContainText('DeleteConflict', SLOW)
  })

  test('S3: a bucket, a text object uploaded and viewed; a queue; an event pattern checked as you type', async ({
    page,
  }) => {
    await openResources(page)
    const view = page.getByTestId('resources')
    await page.getByTestId('rs-service').selectOption('s3')
    await view.getByLabel('New bucket name').fill('notes-e2e')
    await view.getByRole('button', { name: 'Create bucket' }).click()
    const objects = page.getByTestId('rs-bucket-objects')
    await expect(objects).toContainText('No objects.', SLOW)
    await objects.getByText('Upload text').click()
    await objects.getByLabel('Key', { exact: true }).fill('hello.txt')
    await objects.getByLabel('Text').fill('hello from the playground')
    await objects.getByRole('button', { name: 'Upload' }).click()
    await expect(objects.getByRole('list')).toContainText('hello.txt', SLOW)
    await objects.getByRole('button', { name: 'View object hello.txt' }).click()
    await expect(objects.getByLabel('Contents of hello.txt')).toHaveText('hello from the playground', SLOW)
    // A bucket that is not empty: S3's own error.
    await view.getByRole('button', { name: 'Delete bucket notes-e2e' }).click()
    await view.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(view.getByTestId('rs-error')).toContainText('BucketNotEmpty', SLOW)

    await page.getByTestId('rs-service').selectOption('sqs')
    await page.getByTestId('rs-sqs-name').fill('jobs-e2e')
    await view.getByRole('button', { name: 'Create queue' }).click()
    await expect(view.getByRole('list', { name: 'Queues' })).toContainText('jobs-e2e', SLOW)

    await page.getByTestId('rs-service').selectOption('events')
    await view.getByText('Create a rule on default').click()
    const pattern = page.getByTestId('rs-rule-pattern')
    await pattern.fill('{"source": "orders"}')
    await expect(page.getByTestId('rs-rule-pattern-check')).toContainText('InvalidEventPatternException')
    await pattern.fill('{"source": ["orders"]}')
    await expect(page.getByTestId('rs-rule-pattern-check')).toHaveText('EventBridge accepts this pattern.')
  })

  for (const [width, height, name] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`screenshot and axe, ${name} ${scheme}`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width, height })
        await page.emulateMedia({ colorScheme: scheme })
        await openResources(page)
        await page.getByTestId('rs-service').selectOption('iam')
        await page.getByTestId('resources').getByText('Create a role').click()
        await page.getByTestId('rs-role-name').fill(`shot-${name}-${scheme}`)
        await page.getByTestId('rs-role-create').click()
        await expect(page.getByTestId('rs-role-detail')).toBeVisible(SLOW)
        await page.getByTestId('rs-inline-new').click()
        await page.getByTestId('rs-inline-policy-text').fill(BAD_POLICY)
        await expect(page.getByTestId('rs-inline-policy-check')).toContainText('should not specify a principal')
        await page.getByTestId('rs-inline-policy-check').scrollIntoViewIfNeeded()
        await page.mouse.wheel(0, 200)
        await page.screenshot({ path: testInfo.outputPath(`resources-${name}-${scheme}.png`) })
        expect(await violations(page)).toEqual([])
        await page.getByTestId('rs-service').selectOption('dynamodb')
        await page.getByTestId('resources').getByText('Create a table').click()
        await page.getByTestId('rs-table-name').fill(`shot-${name}-${scheme}`)
        await page.getByTestId('rs-table-sk').fill('createdAt')
        await page.getByTestId('rs-table-create').click()
        await page.getByTestId('rs-item-new').click()
        await page
          .getByTestId('rs-item-json')
          .fill(
            '{"id": {"S": "order-1"}, "createdAt": {"S": "2026-12-08"}, "total": {"N": "12.5"}, "lines": {"L": [{"S": "tea"}]}}',
          )
        await page.getByTestId('rs-item-save').click()
        await expect(page.getByTestId('rs-item-row')).toHaveCount(1, SLOW)
        await page.getByTestId('rs-item-new').click()
        await page.getByTestId('rs-item-json').fill('{"id": {"S": "order-2"}}')
        await page.getByTestId('rs-table-items').scrollIntoViewIfNeeded()
        await page.screenshot({ path: testInfo.outputPath(`resources-ddb-${name}-${scheme}.png`) })
        expect(await violations(page)).toEqual([])
      })
    }
  }
})
