import { describe, expect, it } from 'vitest'
import { policyDocumentProblem } from '../../../aws/public.ts'
import {
  LAMBDA_TRUST_POLICY,
  attributeText,
  checkTableForm,
  createTableInput,
  decodePolicy,
  isChange,
  itemKey,
  jsonErrorLine,
  lastChangeSeq,
  locatePolicyProblem,
  objectText,
  parseItemJson,
  queueName,
  arnName,
  requiredName,
  sampleItem,
  tableKeys,
  type TableKeys,
} from './model.ts'

const KEYS: TableKeys = { partition: { name: 'id', type: 'S' }, sort: { name: 'n', type: 'N' } }

describe('which calls change the account', () => {
  it('counts successful writes, not reads or failures', () => {
    expect(isChange({ operation: 'PutItem', outcome: 'success' })).toBe(true)
    expect(isChange({ operation: 'CreateRole', outcome: 'success' })).toBe(true)
    expect(isChange({ operation: 'PutItem', outcome: 'error' })).toBe(false)
    for (const op of ['ListTables', 'GetRolePolicy', 'DescribeTable', 'Scan', 'HeadObject', 'ReceiveMessage'])
      expect(isChange({ operation: op, outcome: 'success' })).toBe(false)
  })
  it('gives the newest change’s seq, so a view’s own reads do not make it re-read', () => {
    const calls = [
      { seq: 1, operation: 'CreateTable', outcome: 'success' as const },
      { seq: 2, operation: 'ListTables', outcome: 'success' as const },
      { seq: 3, operation: 'DeleteTable', outcome: 'error' as const },
    ]
    expect(lastChangeSeq(calls)).toBe(1)
    expect(lastChangeSeq([])).toBe(0)
    expect(lastChangeSeq([...calls, { seq: 4, operation: 'PutObject', outcome: 'success' }])).toBe(4)
  })
})

describe('DynamoDB JSON items', () => {
  it('accepts an item with every attribute type and its keys', () => {
    const text = JSON.stringify({
      id: { S: '1' },
      n: { N: '2' },
      b: { B: 'AQID' },
      ok: { BOOL: true },
      none: { NULL: true },
      m: { M: { a: { L: [{ S: 'x' }, { NS: ['1', '2'] }] } } },
      ss: { SS: ['a'] },
      bs: { BS: ['AQ=='] },
    })
    const r = parseItemJson(text, KEYS)
    expect(r.ok).toBe(true)
    if (r.ok) expect(itemKey(r.item, KEYS)).toEqual({ id: { S: '1' }, n: { N: '2' } })
  })
  it('says where JSON is broken', () => {
    const r = parseItemJson('{\n  "id": {"S": "1"},\n  oops\n}')
    expect(r).toMatchObject({ ok: false, line: 3 })
    expect(parseItemJson('   ')).toEqual({ ok: false, message: 'Type the item as DynamoDB JSON.' })
  })
  it('explains plain JSON and wrong types, naming the attribute', () => {
    expect(parseItemJson('{"id": "1"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^id must be an object/),
    })
    expect(parseItemJson('[1]')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/JSON object of attributes/),
    })
    expect(parseItemJson('{"id": {"S": "1", "N": "2"}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('exactly one type'),
    })
    expect(parseItemJson('{"id": {"X": "1"}}')).toMatchObject({ ok: false, message: expect.stringContaining('"X"') })
    expect(parseItemJson('{"n": {"N": 42}}')).toMatchObject({
      ok: false,
      message: 'n.N must be a string, like {"N": "42"}.',
    })
    expect(parseItemJson('{"m": {"M": {"a": {"L": [{"BOOL": "yes"}]}}}}')).toMatchObject({
      ok: false,
      message: 'm.M.a.L[0].BOOL must be true or false.',
    })
    expect(parseItemJson('{"z": {"NULL": false}}')).toMatchObject({ ok: false, message: 'z.NULL must be true.' })
    expect(parseItemJson('{"z": {"SS": [1]}}')).toMatchObject({
      ok: false,
      message: 'z.SS must be an array of strings.',
    })
  })
  it('requires the key attributes with their types', () => {
    expect(parseItemJson('{"id": {"S": "1"}}', KEYS)).toMatchObject({
      ok: false,
      message: expect.stringContaining('"n"'),
    })
    expect(parseItemJson('{"id": {"N": "1"}, "n": {"N": "1"}}', KEYS)).toMatchObject({
      ok: false,
      message: 'The key attribute "id" must be of type S, like {"S": "…"}.',
    })
  })
  it('refuses hostile nesting quickly', () => {
    const deep = '{"a":' + '{"L":['.repeat(100) + '{"S":"x"}' + ']}'.repeat(100) + '}'
    expect(parseItemJson(deep)).toMatchObject({ ok: false, message: expect.stringContaining('nested more than 32') })
  })
  it('reads the keys from DescribeTable and makes a sample item', () => {
    const keys = tableKeys({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
    })
    expect(keys).toEqual({ partition: { name: 'pk', type: 'S' }, sort: { name: 'sk', type: 'N' } })
    expect(JSON.parse(sampleItem(keys!))).toEqual({ pk: { S: '1' }, sk: { N: '1' } })
    expect(parseItemJson(sampleItem(keys!), keys).ok).toBe(true)
    expect(tableKeys({})).toBeUndefined()
  })
  it('renders attribute values in one bounded line', () => {
    expect(attributeText({ S: 'hi' })).toBe('"hi"')
    expect(attributeText({ N: '42' })).toBe('42')
    expect(attributeText({ M: { a: {}, b: {} } })).toBe('{2 attributes}')
    expect(attributeText({ L: [1, 2, 3] })).toBe('[3 items]')
    expect(attributeText({ S: 'x'.repeat(100) }, 10)).toBe('"xxxxxxxx…')
    expect(attributeText(undefined)).toBe('')
  })
})

describe('create forms', () => {
  const form = { name: 'orders', partitionKey: 'id', partitionType: 'S' as const, sortKey: '', sortType: 'S' as const }
  it('checks what a request needs', () => {
    expect(checkTableForm(form)).toEqual({})
    expect(checkTableForm({ ...form, name: ' ', partitionKey: '' })).toEqual({
      name: 'Enter a table name.',
      partitionKey: 'Enter the partition key’s attribute name.',
    })
    expect(checkTableForm({ ...form, sortKey: 'id' }).sortKey).toMatch(/different attribute/)
    expect(requiredName('', 'a bucket name')).toBe('Enter a bucket name.')
    expect(requiredName('b', 'a bucket name')).toBeUndefined()
  })
  it('builds CreateTable’s input, with a sort key only when given', () => {
    expect(createTableInput(form)).toEqual({
      TableName: 'orders',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
    const two = createTableInput({ ...form, sortKey: ' ts ', sortType: 'N' })
    expect(two.KeySchema).toEqual([
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'ts', KeyType: 'RANGE' },
    ])
    expect(two.AttributeDefinitions).toContainEqual({ AttributeName: 'ts', AttributeType: 'N' })
  })
})

describe('small helpers', () => {
  it('shows small UTF-8 objects only', () => {
    expect(objectText(new TextEncoder().encode('héllo'))).toEqual({ text: 'héllo' })
    expect(objectText(new Uint8Array([0xff, 0xfe]))).toEqual({ notShown: 'The object is not UTF-8 text.' })
    expect(objectText(new Uint8Array(10), 5)).toMatchObject({ notShown: expect.stringContaining('10 bytes') })
  })
  it('names queues and topics', () => {
    expect(queueName('https://sqs.us-east-1.amazonaws.com/123456789012/jobs')).toBe('jobs')
    expect(arnName('arn:aws:sns:us-east-1:123456789012:alerts')).toBe('alerts')
  })
  it('decodes IAM’s URL-encoded documents and pretty-prints them', () => {
    expect(decodePolicy(encodeURIComponent('{"Version":"2012-10-17"}'))).toBe('{\n  "Version": "2012-10-17"\n}')
    expect(decodePolicy('%E0%A4%A')).toBe('%E0%A4%A')
  })
  it('finds the line of a JSON error from either V8 wording', () => {
    expect(jsonErrorLine('a\nb\nc', new SyntaxError('Unexpected token in JSON at position 3'))).toBe(2)
    expect(jsonErrorLine('', new SyntaxError('Expected , in JSON at position 9 (line 4 column 2)'))).toBe(4)
    expect(jsonErrorLine('', new SyntaxError('something else'))).toBeUndefined()
  })
})

describe('where a policy problem sits (with IAM’s own messages)', () => {
  const at = (text: string, kind: 'identity' | 'trust' = 'identity') => {
    const p = policyDocumentProblem(text, kind)
    expect(p, 'IAM should refuse this policy').toBeDefined()
    return { ...locatePolicyProblem(text, p!), message: p!.message }
  }
  it('accepts the Lambda trust policy as a trust policy', () => {
    expect(policyDocumentProblem(LAMBDA_TRUST_POLICY, 'trust')).toBeUndefined()
  })
  it('points at a JSON syntax error’s line', () => {
    expect(at('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}')).toMatchObject({
      line: 4,
      message: 'Syntax errors in policy.',
    })
  })
  it('points at the field IAM names', () => {
    const principal =
      '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": "s3:*",\n    "Resource": "*"\n  }\n}'
    expect(at(principal)).toEqual({
      line: 5,
      field: 'Principal',
      message: 'Policy document should not specify a principal.',
    })
    const noAction = '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Resource": "*"}\n}'
    expect(at(noAction)).toEqual({ line: 3, field: 'Statement', message: 'Policy statement must contain actions.' })
  })
  it('points at an unknown key for a syntax error, skipping Condition operators and principal types', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:*",\n    "Resource": "*",\n    "Condition": {"StringEquals": {"aws:SourceAccount": "1"}},\n    "Effekt": "Allow"\n  }\n}'
    expect(at(text)).toEqual({ line: 8, field: 'Effekt', message: 'Syntax errors in policy.' })
  })
  it('skips principal types in a trust policy, and finds a misspelt top-level key', () => {
    const trust = LAMBDA_TRUST_POLICY.replace('"Action"', '"Acton"')
    expect(at(trust, 'trust')).toMatchObject({ field: 'Acton', line: 9 })
    const top = '{\n  "Version": "2012-10-17",\n  "Statment": []\n}'
    expect(at(top)).toEqual({ line: 3, field: 'Statment', message: 'Syntax errors in policy.' })
  })
  it('points at a prohibited field in a trust policy', () => {
    const trust = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' },
        ],
      },
      null,
      2,
    )
    const p = at(trust, 'trust')
    expect(p.message).toBe('Has prohibited field Resource')
    expect(p).toMatchObject({
      field: 'Resource',
      line: trust.split('\n').findIndex((l) => l.includes('"Resource"')) + 1,
    })
  })
  it('says nothing about a place when it cannot tell', () => {
    expect(locatePolicyProblem('{}', { name: 'MalformedPolicyDocument', message: 'Something else.' })).toEqual({})
  })
})
