import { describe, expect, it } from 'vitest'
import { addNumbers, compareNumbers, normalizeNumber, numberSize } from '../numbers.ts'
import { compareStrings, itemSize, validateValue, valuesEqual, valueSize } from '../values.ts'

const message = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

describe('DynamoDB numbers', () => {
  it('normalises as DynamoDB returns numbers (plain notation, no extra zeros)', () => {
    expect(normalizeNumber('1e3')).toBe('1000')
    expect(normalizeNumber('0.50')).toBe('0.5')
    expect(normalizeNumber('-0')).toBe('0')
    expect(normalizeNumber('+007.0100')).toBe('7.01')
    expect(normalizeNumber('.5')).toBe('0.5')
    expect(normalizeNumber('1.5E-3')).toBe('0.0015')
    expect(normalizeNumber('12345678901234567890123456789012345678')).toBe('12345678901234567890123456789012345678')
    expect(normalizeNumber('1E-130')).toBe('0.' + '0'.repeat(129) + '1')
    expect(normalizeNumber('9.9999999999999999999999999999999999999E+125')).toBe(
      '99999999999999999999999999999999999999' + '0'.repeat(88),
    )
  })

  it('refuses what DynamoDB refuses, with its messages', () => {
    expect(message(() => normalizeNumber(''))).toBe('The parameter cannot be converted to a numeric value')
    expect(message(() => normalizeNumber('abc'))).toBe('The parameter cannot be converted to a numeric value: abc')
    expect(message(() => normalizeNumber('NaN'))).toBe('The parameter cannot be converted to a numeric value: NaN')
    expect(message(() => normalizeNumber('1 '))).toBe('The parameter cannot be converted to a numeric value: 1 ')
    expect(message(() => normalizeNumber('123456789012345678901234567890123456789'))).toBe(
      'Attempting to store more than 38 significant digits in a Number',
    )
    expect(message(() => normalizeNumber('1e126'))).toBe(
      'Number overflow. Attempting to store a number with magnitude larger than supported range',
    )
    expect(message(() => normalizeNumber('-1e-131'))).toBe(
      'Number underflow. Attempting to store a number with magnitude smaller than supported range',
    )
  })

  it('compares and adds exactly (no float rounding)', () => {
    expect(compareNumbers('0.1', '0.10')).toBe(0)
    expect(compareNumbers('-2', '-10')).toBe(1)
    expect(compareNumbers('1e2', '99.99')).toBe(1)
    expect(compareNumbers('12345678901234567890123456789012345678', '12345678901234567890123456789012345679')).toBe(-1)
    expect(addNumbers('0.1', '0.2')).toBe('0.3')
    expect(addNumbers('9007199254740993', '1')).toBe('9007199254740994')
    expect(addNumbers('10', '0.25', true)).toBe('9.75')
    expect(addNumbers('1', '1', true)).toBe('0')
    expect(message(() => addNumbers('1e30', '1e-10'))).toBe(
      'Attempting to store more than 38 significant digits in a Number',
    )
  })

  it('sizes numbers as DynamoDB does (about 1 byte per 2 digits, plus 1)', () => {
    expect(numberSize('0')).toBe(1)
    expect(numberSize('1')).toBe(2)
    expect(numberSize('12')).toBe(2)
    expect(numberSize('-12')).toBe(3)
    expect(numberSize('123.4')).toBe(4)
    // The boundaries DynamoDB's own 400 KB checks sit on (big numbers padded with zeros).
    expect(numberSize('1' + '0'.repeat(125))).toBe(2)
    expect(numberSize('11111' + '0'.repeat(121))).toBe(4)
    expect(numberSize('1'.repeat(38) + '0'.repeat(88))).toBe(20)
  })
})

describe('AttributeValue validation', () => {
  it('words problems as DynamoDB does', () => {
    expect(message(() => validateValue({}))).toBe(
      'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    )
    expect(message(() => validateValue({ S: 'a', N: '1' }))).toBe(
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    )
    expect(message(() => validateValue({ NULL: false }))).toBe(
      'One or more parameter values were invalid: Null attribute value types must have the value of true',
    )
    expect(message(() => validateValue({ SS: [] }))).toBe(
      'One or more parameter values were invalid: An string set  may not be empty',
    )
    expect(message(() => validateValue({ NS: [] }))).toBe(
      'One or more parameter values were invalid: An number set  may not be empty',
    )
    expect(message(() => validateValue({ BS: [] }))).toBe(
      'One or more parameter values were invalid: Binary sets should not be empty',
    )
    expect(message(() => validateValue({ SS: ['a', 'a'] }))).toBe(
      'One or more parameter values were invalid: Input collection [a, a] contains duplicates.',
    )
    expect(message(() => validateValue({ NS: ['1', '1.0'] }))).toBe('Input collection contains duplicates')
    expect(message(() => validateValue({ BS: [new Uint8Array([98]), new Uint8Array([98])] }))).toBe(
      'One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.',
    )
    expect(message(() => validateValue({ N: 'b' }, { suffix: ' for key :v' }))).toBe(
      'The parameter cannot be converted to a numeric value: b for key :v',
    )
  })

  it('bounds nesting at 32 levels', () => {
    let v: Record<string, unknown> = { S: 'x' }
    for (let i = 0; i < 40; i++) v = { L: [v] }
    expect(message(() => validateValue(v))).toBe('Nesting Levels have exceeded supported limits')
    let ok: Record<string, unknown> = { S: 'x' }
    for (let i = 0; i < 31; i++) ok = { M: { a: ok } }
    expect(() => validateValue(ok)).not.toThrow()
  })

  it('normalises numbers inside sets, lists and maps', () => {
    expect(validateValue({ M: { a: { NS: ['1.0', '2e1'] }, b: { L: [{ N: '010' }] } } })).toEqual({
      M: { a: { NS: ['1', '20'] }, b: { L: [{ N: '10' }] } },
    })
  })
})

describe('sizes, equality, ordering', () => {
  it('counts item sizes as names plus values (UTF-8 bytes)', () => {
    expect(itemSize({ id: { S: 'abc' } })).toBe(5)
    expect(itemSize({ é: { S: 'é' } })).toBe(4)
    expect(valueSize({ L: [{ S: 'ab' }, { NULL: true }] })).toBe(3 + 1 + 2 + 1 + 1)
    expect(valueSize({ M: { k: { BOOL: true } } })).toBe(3 + 1 + 1 + 1)
    expect(valueSize({ B: new Uint8Array(10) })).toBe(10)
    expect(valueSize({ SS: ['a', 'bc'] })).toBe(3)
  })

  it('compares sets as sets and numbers by value', () => {
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] })).toBe(true)
    expect(valuesEqual({ N: '1.50' }, { N: '1.5' })).toBe(true)
    expect(valuesEqual({ L: [{ S: 'a' }] }, { L: [{ S: 'b' }] })).toBe(false)
    expect(valuesEqual({ M: { a: { N: '1' } } }, { M: { a: { N: '1' }, b: { N: '2' } } })).toBe(false)
  })

  it('orders strings by UTF-8 bytes (code points), not UTF-16 units', () => {
    // U+FF5E (BMP, 3 UTF-8 bytes) sorts before U+1F600 (4 bytes), though its UTF-16 unit is larger.
    expect(compareStrings('\uff5e', '\u{1f600}')).toBe(-1)
    expect('\uff5e' < '\u{1f600}').toBe(false)
    expect(compareStrings('a', 'ab')).toBe(-1)
    expect(compareStrings('B', 'a')).toBe(-1)
  })
})
