import { describe, expect, it } from 'vitest'
import { evaluate, project } from '../expressions/evaluate.ts'
import { compileExpressions, type ExpressionInput, type ExpressionParam } from '../expressions/index.ts'
import { applyUpdate } from '../expressions/update.ts'
import type { Item } from '../values.ts'

const ALL: ExpressionParam[] = [
  'UpdateExpression',
  'ConditionExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
]

function error(input: ExpressionInput, params: ExpressionParam[] = ALL): string {
  try {
    compileExpressions(input, params)
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

const cond = (text: string, values: Record<string, unknown> = {}, names?: Record<string, string>) =>
  compileExpressions(
    {
      ConditionExpression: text,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    },
    ['ConditionExpression'],
  ).condition!

const upd = (text: string, values: Record<string, unknown> = {}, names?: Record<string, string>) =>
  compileExpressions(
    {
      UpdateExpression: text,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    },
    ['UpdateExpression', 'ConditionExpression'],
  ).update!

describe('syntax errors, worded as DynamoDB words them', () => {
  it('names the offending token and what surrounds it', () => {
    expect(error({ UpdateExpression: 'SET a = :v,', ExpressionAttributeValues: { ':v': { S: 'x' } } })).toBe(
      'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","',
    )
    expect(error({ ProjectionExpression: '!!' })).toBe(
      'Invalid ProjectionExpression: Syntax error; token: "!", near: "!!"',
    )
    expect(error({ ConditionExpression: 'attribute_exists([1])' })).toBe(
      'Invalid ConditionExpression: Syntax error; token: "[", near: "([1"',
    )
    expect(error({ ConditionExpression: 'a = = :v', ExpressionAttributeValues: { ':v': { N: '1' } } })).toMatch(
      /^Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v"$/,
    )
  })

  it('refuses malformed update expressions', () => {
    for (const text of [
      'whatever',
      'set a',
      'set a=set',
      'remove a = b',
      'add a = b',
      'delete a b',
      'set a = b + c + d',
      'set :a = b',
      'set a[1] = "x"',
      'set a = b * c',
    ])
      expect(error({ UpdateExpression: text })).toMatch(/^Invalid UpdateExpression: Syntax error; token: /)
  })

  it('refuses bare operands where a condition belongs', () => {
    for (const text of ['a', 'a AND b = c', '(a) OR b = c', 'NOT a'])
      expect(error({ ConditionExpression: text })).toMatch(/^Invalid ConditionExpression: Syntax error; /)
  })

  it('refuses an empty expression, and one over 4 KB', () => {
    expect(error({ ConditionExpression: '' })).toBe('Invalid ConditionExpression: The expression can not be empty;')
    expect(error({ FilterExpression: 'a = b AND '.repeat(500) + 'c = d' })).toMatch(
      /^Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 50\d\d$/,
    )
  })
})

describe('semantic errors', () => {
  it('refuses reserved words, and accepts them through #names', () => {
    expect(error({ UpdateExpression: 'SET status = :s', ExpressionAttributeValues: { ':s': { S: 'x' } } })).toBe(
      'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status',
    )
    expect(error({ ConditionExpression: 'attribute_exists(Name)' })).toBe(
      'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name',
    )
    expect(
      error({
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'x' } },
      }),
    ).toBe('no error')
  })

  it('checks names and values', () => {
    expect(error({ ConditionExpression: '#a = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } })).toBe(
      'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
    )
    expect(error({ ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':w': { S: 'x' } } })).toBe(
      'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v',
    )
    expect(
      error({ ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': { S: 'x' }, ':w': { S: 'y' } } }),
    ).toBe('Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}')
    expect(
      error({
        ConditionExpression: 'a = :v',
        ExpressionAttributeNames: { '#x': 'x' },
        ExpressionAttributeValues: { ':v': { S: 'x' } },
      }),
    ).toBe('Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}')
    expect(error({ ConditionExpression: 'a = :v', ExpressionAttributeValues: { v: { S: 'x' } } })).toBe(
      'ExpressionAttributeValues contains invalid key: Syntax error; key: "v"',
    )
    expect(
      error({
        ConditionExpression: 'a = :v',
        ExpressionAttributeNames: {},
        ExpressionAttributeValues: { ':v': { S: 'x' } },
      }),
    ).toBe('ExpressionAttributeNames must not be empty')
    expect(error({ ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': {} } })).toBe(
      'ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key :v',
    )
    expect(error({ ExpressionAttributeValues: { ':v': { S: 'x' } } }, ['ConditionExpression'])).toBe(
      'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null',
    )
    expect(
      error({ ExpressionAttributeValues: { ':v': { S: 'x' } } }, ['UpdateExpression', 'ConditionExpression']),
    ).toBe(
      'ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null',
    )
  })

  it('checks functions and operands', () => {
    expect(error({ ConditionExpression: 'attribute_exist(a)' })).toBe(
      'Invalid ConditionExpression: Invalid function name; function: attribute_exist',
    )
    expect(error({ ConditionExpression: 'begins_with(a)' })).toBe(
      'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1',
    )
    expect(error({ ConditionExpression: 'begins_with(a, :n)', ExpressionAttributeValues: { ':n': { N: '1' } } })).toBe(
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    )
    expect(
      error({ ConditionExpression: 'attribute_exists(:v)', ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    ).toBe(
      'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists',
    )
    expect(error({ ConditionExpression: 'size(a)' })).toBe(
      'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size',
    )
    expect(
      error({ ConditionExpression: 'attribute_exists(a) = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    ).toBe(
      'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists',
    )
    expect(error({ ConditionExpression: 'a = a' })).toBe(
      'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]',
    )
    expect(
      error({ ConditionExpression: 'attribute_type(a, :t)', ExpressionAttributeValues: { ':t': { S: 'STRING' } } }),
    ).toBe(
      'Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}',
    )
    expect(
      error({
        ConditionExpression: 'a BETWEEN :hi AND :lo',
        ExpressionAttributeValues: { ':lo': { N: '1' }, ':hi': { N: '5' } },
      }),
    ).toBe(
      'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}',
    )
    expect(error({ ConditionExpression: '((a = :v))', ExpressionAttributeValues: { ':v': { N: '1' } } })).toBe(
      'Invalid ConditionExpression: The expression has redundant parentheses;',
    )
  })

  it('checks update operands, sections and paths', () => {
    expect(error({ UpdateExpression: 'SET a = :v SET b = :v', ExpressionAttributeValues: { ':v': { N: '1' } } })).toBe(
      'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;',
    )
    expect(error({ UpdateExpression: 'ADD a :v', ExpressionAttributeValues: { ':v': { S: 'x' } } })).toBe(
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING',
    )
    expect(error({ UpdateExpression: 'DELETE a :v', ExpressionAttributeValues: { ':v': { N: '1' } } })).toBe(
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER',
    )
    expect(error({ UpdateExpression: 'SET a = a + :v', ExpressionAttributeValues: { ':v': { S: 'x' } } })).toBe(
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S',
    )
    expect(
      error({ UpdateExpression: 'SET a = list_append(:v, a)', ExpressionAttributeValues: { ':v': { N: '1' } } }),
    ).toBe(
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N',
    )
    expect(
      error({ UpdateExpression: 'SET a = if_not_exists(:v, b)', ExpressionAttributeValues: { ':v': { N: '1' } } }),
    ).toBe(
      'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists',
    )
    expect(error({ UpdateExpression: 'SET a = nope(b, c)' })).toBe(
      'Invalid UpdateExpression: Invalid function name; function: nope',
    )
    expect(error({ UpdateExpression: 'SET a = :v REMOVE a.b', ExpressionAttributeValues: { ':v': { N: '1' } } })).toBe(
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    )
    expect(
      error({ UpdateExpression: 'REMOVE a.c SET a[1] = :v', ExpressionAttributeValues: { ':v': { N: '1' } } }),
    ).toBe(
      'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]',
    )
    expect(error({ ProjectionExpression: 'a, a.b' })).toBe(
      'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    )
  })
})

describe('hostile expressions answer fast', () => {
  it('refuses 10,000-token expressions by their size, before parsing', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `a${i} = :v`).join(' AND ')
    expect(error({ ConditionExpression: huge, ExpressionAttributeValues: { ':v': { N: '1' } } })).toMatch(
      /Expression size has exceeded/,
    )
  })

  it('bounds nesting without overflowing the stack', () => {
    const deep = '('.repeat(1500) + 'a = :v' + ')'.repeat(1500)
    expect(error({ ConditionExpression: deep, ExpressionAttributeValues: { ':v': { N: '1' } } })).toMatch(
      /^Invalid ConditionExpression: /,
    )
    const nots = 'NOT '.repeat(1000) + 'a = :v'
    expect(error({ ConditionExpression: nots, ExpressionAttributeValues: { ':v': { N: '1' } } })).toMatch(
      /^Invalid ConditionExpression: /,
    )
  })
})

const item: Item = {
  id: { S: 'o-1' },
  amount: { N: '25.5' },
  status: { S: 'NEW' },
  tags: { SS: ['a', 'b'] },
  entries: { L: [{ M: { sku: { S: 'X' }, qty: { N: '2' } } }, { M: { sku: { S: 'Y' }, qty: { N: '1' } } }] },
  bin: { B: new Uint8Array([1, 2, 3]) },
  nothing: { NULL: true },
}

describe('conditions on items', () => {
  const names = { '#s': 'status' }
  const check = (text: string, values: Record<string, unknown> = {}) =>
    evaluate(item, cond(text, values, text.includes('#s') ? names : undefined))

  it('compares, with numbers by value and absent attributes never equal', () => {
    expect(check('amount > :v', { ':v': { N: '25.49' } })).toBe(true)
    expect(check('amount = :v', { ':v': { N: '25.50' } })).toBe(true)
    expect(check('amount < :v', { ':v': { S: '30' } })).toBe(false)
    expect(check('absent = :v', { ':v': { S: 'x' } })).toBe(false)
    expect(check('absent <> :v', { ':v': { S: 'x' } })).toBe(true)
    expect(check('amount BETWEEN :a AND :b', { ':a': { N: '10' }, ':b': { N: '30' } })).toBe(true)
    expect(check('#s IN (:a, :b)', { ':a': { S: 'OLD' }, ':b': { S: 'NEW' } })).toBe(true)
  })

  it('runs the functions', () => {
    expect(check('attribute_exists(id) AND attribute_not_exists(shipped)')).toBe(true)
    expect(check('attribute_type(tags, :t)', { ':t': { S: 'SS' } })).toBe(true)
    expect(check('begins_with(id, :p)', { ':p': { S: 'o-' } })).toBe(true)
    expect(check('begins_with(bin, :p)', { ':p': { B: new Uint8Array([1, 2]) } })).toBe(true)
    expect(check('contains(tags, :t)', { ':t': { S: 'b' } })).toBe(true)
    expect(check('contains(id, :t)', { ':t': { S: '-1' } })).toBe(true)
    expect(check('size(entries) = :n', { ':n': { N: '2' } })).toBe(true)
    expect(check('size(bin) > :n', { ':n': { N: '2' } })).toBe(true)
    expect(check('entries[1].sku = :y', { ':y': { S: 'Y' } })).toBe(true)
    expect(check('entries[5].sku = :y', { ':y': { S: 'Y' } })).toBe(false)
  })

  it('combines with AND, OR, NOT and parentheses, AND binding tighter', () => {
    expect(check('attribute_exists(nope) OR attribute_exists(id) AND attribute_exists(amount)')).toBe(true)
    expect(check('(attribute_exists(nope) OR attribute_exists(id)) AND NOT attribute_exists(amount)')).toBe(false)
    expect(check('NOT NOT attribute_exists(id)')).toBe(true)
  })

  it('treats a absent item like an item with no attributes', () => {
    expect(evaluate(undefined, cond('attribute_not_exists(id)'))).toBe(true)
    expect(evaluate(undefined, cond('id = :v', { ':v': { S: 'x' } }))).toBe(false)
  })
})

describe('updates', () => {
  it('SET with arithmetic, if_not_exists and list_append; values read the old item', () => {
    const u = upd(
      'SET amount = amount - :d, hits = if_not_exists(hits, :zero) + :one, entries = list_append(entries, :more), clone = amount',
      {
        ':d': { N: '0.5' },
        ':zero': { N: '0' },
        ':one': { N: '1' },
        ':more': { L: [{ S: 'Z' }] },
      },
    )
    const out = applyUpdate(item, u)
    expect(out.amount).toEqual({ N: '25' })
    expect(out.hits).toEqual({ N: '1' })
    expect(out.entries.L).toHaveLength(3)
    expect(out.clone).toEqual({ N: '25.5' })
    expect(item.amount).toEqual({ N: '25.5' })
  })

  it('REMOVE, ADD and DELETE', () => {
    const out = applyUpdate(
      item,
      upd('REMOVE nothing, entries[0] ADD tags :t, tally :n', { ':t': { SS: ['c'] }, ':n': { N: '5' } }),
    )
    expect(out.nothing).toBeUndefined()
    expect(out.entries.L).toEqual([{ M: { sku: { S: 'Y' }, qty: { N: '1' } } }])
    expect(new Set(out.tags.SS)).toEqual(new Set(['a', 'b', 'c']))
    expect(out.tally).toEqual({ N: '5' })
    const less = applyUpdate(item, upd('DELETE tags :gone', { ':gone': { SS: ['a', 'zzz'] } }))
    expect(less.tags).toEqual({ SS: ['b'] })
    const emptied = applyUpdate(item, upd('DELETE tags :all', { ':all': { SS: ['a', 'b'] } }))
    expect(emptied.tags).toBeUndefined()
    expect(
      error({ UpdateExpression: 'ADD tags :t DELETE tags :t', ExpressionAttributeValues: { ':t': { SS: ['a'] } } }),
    ).toBe(
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [tags], path two: [tags]',
    )
  })

  it('sets nested paths and appends past the end of a list', () => {
    const out = applyUpdate(
      item,
      upd('SET entries[0].qty = :q, entries[9] = :l', { ':q': { N: '3' }, ':l': { S: 'end' } }),
    )
    expect(out.entries.L![0].M!.qty).toEqual({ N: '3' })
    expect(out.entries.L![2]).toEqual({ S: 'end' })
  })

  it('fails as DynamoDB does at run time', () => {
    const run = (text: string, values: Record<string, unknown> = {}) => {
      try {
        applyUpdate(item, upd(text, values))
        return 'ok'
      } catch (e) {
        return (e as Error).message
      }
    }
    expect(run('SET a = nope')).toBe('The provided expression refers to an attribute that does not exist in the item')
    expect(run('SET a = id + :n', { ':n': { N: '1' } })).toBe(
      'An operand in the update expression has an incorrect data type',
    )
    expect(run('SET nope.a = :n', { ':n': { N: '1' } })).toBe(
      'The document path provided in the update expression is invalid for update',
    )
    expect(run('ADD tags :n', { ':n': { N: '1' } })).toBe(
      'An operand in the update expression has an incorrect data type',
    )
  })
})

describe('projections', () => {
  it('keeps the listed paths, compacting list elements in index order', () => {
    const paths = compileExpressions(
      { ProjectionExpression: 'id, entries[1].sku, entries[0].qty, #s', ExpressionAttributeNames: { '#s': 'status' } },
      ['ProjectionExpression'],
    ).projection!
    expect(project(item, paths)).toEqual({
      id: { S: 'o-1' },
      status: { S: 'NEW' },
      entries: { L: [{ M: { qty: { N: '2' } } }, { M: { sku: { S: 'Y' } } }] },
    })
  })
})
