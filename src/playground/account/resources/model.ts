/**
 * The Resources view's model, without React: DynamoDB JSON items (parse, check, key, summary), the
 * create forms' checks and the inputs they send, where a policy problem sits in the editor's text,
 * and which calls change the account (so the view re-reads after those, not after its own reads).
 *
 * The forms only check what is needed to build a request (a name is there, the keys differ); the
 * account's services validate the rest and answer with AWS's own messages, which the view shows.
 */
import type { CallRecord, Problem } from '../../../aws/public.ts'

// ---------------------------------------------------------------------------------------------
// Which calls change what the view shows

const READ_ONLY = /^(List|Get|Describe|Head|Scan|Query|BatchGet|TransactGet|Receive|TestEventPattern|Simulate)/

/** Whether a call may have changed the account's resources (a successful call that is not a read). */
export function isChange(call: Pick<CallRecord, 'operation' | 'outcome'>): boolean {
  return call.outcome === 'success' && !READ_ONLY.test(call.operation)
}

/** The `seq` of the newest call that changed the account (0 when none): the view re-reads when it moves. */
export function lastChangeSeq(calls: readonly Pick<CallRecord, 'seq' | 'operation' | 'outcome'>[]): number {
  for (let i = calls.length - 1; i >= 0; i--) if (isChange(calls[i]!)) return calls[i]!.seq
  return 0
}

// ---------------------------------------------------------------------------------------------
// DynamoDB JSON items

export type AttributeValue = Record<string, unknown>
export type Item = Record<string, AttributeValue>
export interface KeyAttribute {
  name: string
  type: 'S' | 'N' | 'B'
}
export interface TableKeys {
  partition: KeyAttribute
  sort?: KeyAttribute
}

/** The attribute value types of DynamoDB JSON. */
export const ATTRIBUTE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'] as const

export type ItemParse = { ok: true; item: Item } | { ok: false; message: string; line?: number }

/** Where a JSON.parse error happened, as a 1-based line (V8 says "at position N" or "(line L column C)"). */
export function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error)
  const line = /\(line (\d+) column \d+\)/.exec(message)
  if (line) return Number(line[1])
  const pos = /at position (\d+)/.exec(message)
  if (pos) return lineAt(text, Number(pos[1]))
  return undefined
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Why one attribute value is not DynamoDB JSON, or undefined. `path` names it in the message. */
function attributeProblem(value: unknown, path: string, depth: number): string | undefined {
  if (depth > 32) return `${path} is nested more than 32 levels deep.`
  if (!isObject(value)) return `${path} must be an object with one type, like {"S": "text"} or {"N": "42"}.`
  const types = Object.keys(value)
  if (types.length !== 1)
    return `${path} must have exactly one type (${ATTRIBUTE_TYPES.join(', ')}); it has ${types.length ? types.join(', ') : 'none'}.`
  const type = types[0]!
  const v = value[type]
  switch (type) {
    case 'S':
    case 'B':
      return typeof v === 'string' ? undefined : `${path}.${type} must be a string.`
    case 'N':
      return typeof v === 'string' ? undefined : `${path}.N must be a string, like {"N": "42"}.`
    case 'BOOL':
      return typeof v === 'boolean' ? undefined : `${path}.BOOL must be true or false.`
    case 'NULL':
      return v === true ? undefined : `${path}.NULL must be true.`
    case 'SS':
    case 'NS':
    case 'BS':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
        ? undefined
        : `${path}.${type} must be an array of strings.`
    case 'L':
      if (!Array.isArray(v)) return `${path}.L must be an array of attribute values.`
      for (let i = 0; i < v.length; i++) {
        const p = attributeProblem(v[i], `${path}.L[${i}]`, depth + 1)
        if (p) return p
      }
      return undefined
    case 'M':
      if (!isObject(v)) return `${path}.M must be an object of attribute values.`
      for (const [k, x] of Object.entries(v)) {
        const p = attributeProblem(x, `${path}.M.${k}`, depth + 1)
        if (p) return p
      }
      return undefined
    default:
      return `${path} has an unknown type "${type}" (use one of ${ATTRIBUTE_TYPES.join(', ')}).`
  }
}

/**
 * An item typed as DynamoDB JSON (`{"id": {"S": "1"}, "total": {"N": "42"}}`), checked for its
 * shape and its key attributes. DynamoDB checks the values (numbers, sizes) and says so in its words.
 */
export function parseItemJson(text: string, keys?: TableKeys): ItemParse {
  if (!text.trim()) return { ok: false, message: 'Type the item as DynamoDB JSON.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const line = jsonErrorLine(text, e)
    return { ok: false, message: `Not valid JSON${line ? ` (line ${line})` : ''}.`, ...(line ? { line } : {}) }
  }
  if (!isObject(value))
    return { ok: false, message: 'The item must be a JSON object of attributes, like {"id": {"S": "1"}}.' }
  for (const [name, v] of Object.entries(value)) {
    const p = attributeProblem(v, name, 0)
    if (p) return { ok: false, message: p }
  }
  const item = value as Item
  for (const k of keys ? [keys.partition, keys.sort] : []) {
    if (!k) continue
    const v = item[k.name]
    if (!v) return { ok: false, message: `The item needs its key attribute "${k.name}" (type ${k.type}).` }
    if (!(k.type in v))
      return { ok: false, message: `The key attribute "${k.name}" must be of type ${k.type}, like {"${k.type}": "…"}.` }
  }
  return { ok: true, item }
}

/** An item's key (for DeleteItem), from the table's key schema. */
export function itemKey(item: Item, keys: TableKeys): Item {
  const key: Item = {}
  for (const k of [keys.partition, keys.sort]) if (k && item[k.name]) key[k.name] = item[k.name]!
  return key
}

/** The table's keys from DescribeTable's output. */
export function tableKeys(table: {
  KeySchema?: { AttributeName: string; KeyType: string }[]
  AttributeDefinitions?: { AttributeName: string; AttributeType: string }[]
}): TableKeys | undefined {
  const typeOf = (name: string) =>
    (table.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S') as KeyAttribute['type']
  const hash = table.KeySchema?.find((k) => k.KeyType === 'HASH')
  if (!hash) return undefined
  const range = table.KeySchema?.find((k) => k.KeyType === 'RANGE')
  return {
    partition: { name: hash.AttributeName, type: typeOf(hash.AttributeName) },
    ...(range ? { sort: { name: range.AttributeName, type: typeOf(range.AttributeName) } } : {}),
  }
}

/** A one-line, bounded rendering of an attribute value (`"1"`, `42`, `true`, `{…3}`). */
export function attributeText(v: AttributeValue | undefined, max = 60): string {
  if (!v) return ''
  const [type, x] = Object.entries(v)[0] ?? []
  let s: string
  if (type === 'S') s = JSON.stringify(x)
  else if (type === 'N' || type === 'B') s = String(x)
  else if (type === 'BOOL') s = String(x)
  else if (type === 'NULL') s = 'null'
  else if (type === 'M') s = `{${Object.keys(x as object).length} attributes}`
  else if (type === 'L' || type === 'SS' || type === 'NS' || type === 'BS')
    s = `[${(x as unknown[]).length} ${type === 'L' ? 'items' : 'values'}]`
  else s = JSON.stringify(v)
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** A starting item for the editor: the key attributes with sample values. */
export function sampleItem(keys: TableKeys): string {
  const sample = (k: KeyAttribute, v: string) => ({ [k.type]: k.type === 'N' ? '1' : k.type === 'B' ? 'AQID' : v })
  const item: Item = { [keys.partition.name]: sample(keys.partition, '1') }
  if (keys.sort) item[keys.sort.name] = sample(keys.sort, 'a')
  return JSON.stringify(item, null, 2)
}

// ---------------------------------------------------------------------------------------------
// Create forms

export type FieldErrors<F extends string> = Partial<Record<F, string>>

export interface TableForm {
  name: string
  partitionKey: string
  partitionType: KeyAttribute['type']
  sortKey: string
  sortType: KeyAttribute['type']
}

export function checkTableForm(f: TableForm): FieldErrors<'name' | 'partitionKey' | 'sortKey'> {
  const errors: FieldErrors<'name' | 'partitionKey' | 'sortKey'> = {}
  if (!f.name.trim()) errors.name = 'Enter a table name.'
  if (!f.partitionKey.trim()) errors.partitionKey = 'Enter the partition key’s attribute name.'
  if (f.sortKey.trim() && f.sortKey.trim() === f.partitionKey.trim())
    errors.sortKey = 'The sort key must be a different attribute from the partition key.'
  return errors
}

/** CreateTable's input (on-demand capacity, as the console's default). */
export function createTableInput(f: TableForm): Record<string, unknown> {
  const pk = f.partitionKey.trim()
  const sk = f.sortKey.trim()
  return {
    TableName: f.name.trim(),
    KeySchema: [{ AttributeName: pk, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' }] : [])],
    AttributeDefinitions: [
      { AttributeName: pk, AttributeType: f.partitionType },
      ...(sk ? [{ AttributeName: sk, AttributeType: f.sortType }] : []),
    ],
    BillingMode: 'PAY_PER_REQUEST',
  }
}

/** A required name: the message, or undefined. */
export function requiredName(value: string, what: string): string | undefined {
  return value.trim() ? undefined : `Enter ${what}.`
}

/** An S3 object's text for the viewer: UTF-8 text up to `max` bytes, or why it is not shown. */
export function objectText(body: Uint8Array, max = 64 * 1024): { text: string } | { notShown: string } {
  if (body.length > max) return { notShown: `The object is ${body.length} bytes; the viewer shows up to ${max}.` }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) }
  } catch {
    return { notShown: 'The object is not UTF-8 text.' }
  }
}

/** The queue's name from its URL. */
export function queueName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1)
}

/** The last part of an ARN after `:` (a topic's name). */
export function arnName(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1)
}

// ---------------------------------------------------------------------------------------------
// Policies

/** The trust policy the console gives a role for Lambda. */
export const LAMBDA_TRUST_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  },
  null,
  2,
)

/** A starting inline policy: allow one action on one resource. */
export const STARTER_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      },
    ],
  },
  null,
  2,
)

/** IAM documents come URL-encoded (as from AWS's API); decode them for the editor. */
export function decodePolicy(document: string): string {
  let text = document
  try {
    text = decodeURIComponent(document)
  } catch {
    // Already plain.
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** Where a policy problem sits: the line and the field the message is about, as far as one can tell. */
export interface ProblemPlace {
  line?: number
  field?: string
}

// IAM's messages that name one field.
const FIELD_OF: [RegExp, string][] = [
  [/^Policy document should not specify a principal\./, 'Principal'],
  [/^Has prohibited field (\w+)/, '$1'],
  [/^Policy document must be version/, 'Version'],
  [/^Statement IDs \(SID\)/, 'Sid'],
  [/^Trust Policy statement actions/, 'Action'],
  [/^Policy statement must contain actions/, 'Statement'],
  [/^Policy statement must contain resources/, 'Statement'],
  [/statement with no principals|^Missing required field Principal/, 'Statement'],
]
const KNOWN_FIELDS = new Set([
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
])

/** The 1-based line of the first `"field":` key in the text. */
export function fieldLine(text: string, field: string): number | undefined {
  const re = new RegExp(`"${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`)
  const m = re.exec(text)
  return m ? lineAt(text, m.index) : undefined
}

/**
 * Where the editor should point for a problem: a JSON syntax error's line; the field IAM's message
 * names; for "Syntax errors in policy." the first key IAM does not know, when there is one.
 */
export function locatePolicyProblem(text: string, problem: Problem): ProblemPlace {
  try {
    JSON.parse(text)
  } catch (e) {
    const line = jsonErrorLine(text, e)
    return line ? { line } : {}
  }
  for (const [re, field] of FIELD_OF) {
    const m = re.exec(problem.message)
    if (!m) continue
    const name = field.startsWith('$') ? m[Number(field.slice(1))]! : field
    const line = fieldLine(text, name)
    return line ? { line, field: name } : { field: name }
  }
  if (problem.message === 'Syntax errors in policy.') {
    const keys = /"((?:[^"\\]|\\.)*)"\s*:/g
    for (let m = keys.exec(text); m; m = keys.exec(text)) {
      // Keys inside Principal and Condition blocks are free-form (service names, operators).
      if (!KNOWN_FIELDS.has(m[1]!) && !insideFreeForm(text, m.index))
        return { line: lineAt(text, m.index), field: m[1]! }
    }
  }
  return {}
}

// Whether the offset is inside a "Principal"/"NotPrincipal"/"Condition" object (by brace depth).
function insideFreeForm(text: string, offset: number): boolean {
  const re = /"(Principal|NotPrincipal|Condition)"\s*:\s*\{/g
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    let depth = 0
    let inString = false
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      const c = text[i]
      if (inString) {
        if (c === '\\') i++
        else if (c === '"') inString = false
        continue
      }
      if (c === '"') inString = true
      else if (c === '{') depth++
      else if (c === '}' && --depth === 0) {
        if (offset > m.index && offset < i) return true
        break
      }
    }
  }
  return false
}
