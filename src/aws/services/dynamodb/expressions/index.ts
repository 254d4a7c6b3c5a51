// Compile the expressions of one request: check the expression parameters as DynamoDB does (mixing
// with legacy parameters, empty or malformed name/value maps, invalid values), parse and resolve
// each expression, then refuse names and values no expression used.
import { AwsError } from '../../../errors.ts'
import { utf8Length } from '../../../protocol/encoding.ts'
import { validateValue, validation, type AttributeValue } from '../values.ts'
import {
  checkCondition,
  checkProjection,
  checkUpdate,
  ExpressionScope,
  type Condition,
  type Path,
  type ResolvedUpdate,
} from './check.ts'
import { ExpressionError, parseCondition, parseProjection, parseUpdate } from './parser.ts'

export type ExpressionParam =
  'UpdateExpression' | 'ConditionExpression' | 'KeyConditionExpression' | 'FilterExpression' | 'ProjectionExpression'

/** Legacy (pre-expression) parameters each operation has, in DynamoDB's order. */
export type LegacyParam =
  | 'AttributesToGet'
  | 'Expected'
  | 'AttributeUpdates'
  | 'QueryFilter'
  | 'ScanFilter'
  | 'ConditionalOperator'
  | 'KeyConditions'

export interface CompiledExpressions {
  update?: ResolvedUpdate
  condition?: Condition
  keyCondition?: Condition
  filter?: Condition
  projection?: Path[]
}

export const MAX_EXPRESSION_BYTES = 4096

export interface ExpressionInput {
  ExpressionAttributeNames?: Record<string, string>
  ExpressionAttributeValues?: Record<string, unknown>
  [param: string]: unknown
}

const PARSE_ORDER: ExpressionParam[] = [
  'UpdateExpression',
  'ConditionExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
]

/**
 * @param expressions the expression parameters the operation accepts, in DynamoDB's order for messages
 * @param legacy the operation's legacy parameters, in DynamoDB's order for messages
 */
export function compileExpressions(
  input: ExpressionInput,
  expressions: ExpressionParam[],
  legacy: LegacyParam[] = [],
): CompiledExpressions {
  const given = expressions.filter((e) => input[e] !== undefined && input[e] !== null)
  if (given.length) {
    const legacyGiven = legacy.filter(
      (p) =>
        input[p] !== undefined &&
        input[p] !== null &&
        !(p === 'KeyConditions' && input.KeyConditionExpression === undefined),
    )
    if (legacyGiven.length)
      throw validation(
        `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacyGiven.join(', ')}} Expression parameters: {${given.join(', ')}}`,
      )
  }
  if (input.ExpressionAttributeNames !== undefined && !given.length)
    throw validation('ExpressionAttributeNames can only be specified when using expressions')
  const valueExpressions = expressions.filter((e) => e !== 'ProjectionExpression')
  if (
    valueExpressions.length &&
    input.ExpressionAttributeValues !== undefined &&
    valueExpressions.every((e) => input[e] === undefined)
  )
    throw validation(
      `ExpressionAttributeValues can only be specified when using expressions: ${valueExpressions.join(' and ')} ${valueExpressions.length > 1 ? 'are' : 'is'} null`,
    )

  const names = input.ExpressionAttributeNames
  if (names !== undefined) {
    const keys = Object.keys(names)
    if (!keys.length) throw validation('ExpressionAttributeNames must not be empty')
    for (const k of keys)
      if (!/^#[0-9a-zA-Z_]+$/.test(k))
        throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${k}"`)
  }
  let values: Record<string, AttributeValue> | undefined
  if (input.ExpressionAttributeValues !== undefined) {
    const raw = input.ExpressionAttributeValues
    const keys = Object.keys(raw)
    if (!keys.length) throw validation('ExpressionAttributeValues must not be empty')
    for (const k of keys)
      if (!/^:[0-9a-zA-Z_]+$/.test(k))
        throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${k}"`)
    values = {}
    for (const k of keys) {
      try {
        values[k] = validateValue(raw[k], { suffix: ` for key ${k}` })
      } catch (e) {
        if (e instanceof AwsError) throw validation(`ExpressionAttributeValues contains invalid value: ${e.message}`)
        throw e
      }
    }
  }

  const scope = new ExpressionScope(names, values)
  const out: CompiledExpressions = {}
  for (const param of PARSE_ORDER) {
    if (!expressions.includes(param)) continue
    const text = input[param]
    if (text === undefined || text === null) continue
    const label = `Invalid ${param}: `
    if (typeof text !== 'string' || text === '') throw validation(`${label}The expression can not be empty;`)
    const size = utf8Length(text)
    if (size > MAX_EXPRESSION_BYTES)
      throw validation(`${label}Expression size has exceeded the maximum allowed size; expression size: ${size}`)
    try {
      switch (param) {
        case 'UpdateExpression':
          out.update = checkUpdate(parseUpdate(text), scope)
          break
        case 'ConditionExpression':
          out.condition = checkCondition(parseCondition(text), scope)
          break
        case 'KeyConditionExpression':
          out.keyCondition = checkCondition(parseCondition(text), scope)
          break
        case 'FilterExpression':
          out.filter = checkCondition(parseCondition(text), scope)
          break
        case 'ProjectionExpression':
          out.projection = checkProjection(parseProjection(text), scope)
          break
      }
    } catch (e) {
      if (e instanceof ExpressionError) throw validation(label + e.message)
      throw e
    }
  }
  const unusedNames = Object.keys(names ?? {}).filter((k) => !scope.usedNames.has(k))
  if (unusedNames.length)
    throw validation(
      `Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`,
    )
  const unusedValues = Object.keys(values ?? {}).filter((k) => !scope.usedValues.has(k))
  if (unusedValues.length)
    throw validation(
      `Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`,
    )
  return out
}

export type { Condition, Path, ResolvedUpdate }
