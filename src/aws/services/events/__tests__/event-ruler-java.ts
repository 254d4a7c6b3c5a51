// Test-only: pulls rule/event/expectation triples out of aws/event-ruler's JUnit sources.
//
// event-ruler's tests are Java, not data. This reads the common shapes they use and nothing more:
//   String x = "…" + "…";   String[] xs = { … };   boolean[] rs = { … };
//   Machine m = new Machine();  m.addRule("r1", rule);  List<String> found = m.rulesForJSONEvent(event);
//   assertEquals(2, found.size());  assertTrue(found.contains("r1"));  assertTrue(found.isEmpty());
//   assertTrue(Ruler.matchesRule(event, rule));  assertNull(JsonRuleCompiler.check(rule));
//   for (String r : rules) { … }   for (int i = 0; i < xs.length; i++) { … }
// Statements it cannot follow are skipped; a machine touched by one (addPatternRule, deleteRule,
// rules built from maps) is not checked any further. Each extracted check says where it came from.

export type Check =
  | { kind: 'machine'; where: string; rules: [string, string][]; event: string; expect: ExpectMachine }
  | { kind: 'static'; where: string; rule: string; event: string; expect: boolean }
  | { kind: 'compile'; where: string; rule: string; expect: 'valid' | 'invalid' | { message: string } }

export type ExpectMachine = { size: number } | { contains: string } | { lacks: string } | { exactly: string[] }

/** String literals carry their text in `s` (their `v` is a marker no punctuation can equal). */
type Tok = { t: 'str' | 'id' | 'num' | 'p'; v: string; s?: string }

function lex(src: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) i++
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i)
    else if (src.startsWith('/*', i)) i = src.indexOf('*/', i + 2) + 2
    else if (c === '"') {
      let v = ''
      i++
      while (src[i] !== '"') {
        if (src[i] === '\\') {
          const e = src[i + 1]
          if (e === 'u') {
            v += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16))
            i += 6
            continue
          }
          v += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' } as Record<string, string>)[e] ?? e
          i += 2
        } else v += src[i++]
      }
      i++
      out.push({ t: 'str', v: '"…"', s: v })
    } else if (c === "'") {
      const end = src.indexOf("'", i + 2)
      out.push({ t: 'str', v: '"…"', s: src.slice(i + 1, end).replace(/^\\/, '') })
      i = end + 1
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, i + 200))![0]
      out.push({ t: 'id', v: m })
      i += m.length
    } else if (/\d/.test(c)) {
      const m = /^[\d.xXa-fA-FL_]+/.exec(src.slice(i, i + 100))![0]
      out.push({ t: 'num', v: m })
      i += m.length
    } else {
      const two = src.slice(i, i + 2)
      const p = ['==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '->', '::'].includes(two) ? two : c
      out.push({ t: 'p', v: p })
      i += p.length
    }
  }
  return out
}

type Result = { rules: [string, string][]; event: string } | null
type Value = string | number | boolean | Value[] | { check: string } | { result: Result }

interface Scope {
  vars: Map<string, Value | undefined>
  machines: Map<string, [string, string][] | null>
}

class Extractor {
  checks: Check[] = []
  constructor(
    readonly file: string,
    readonly readData: (name: string) => string | undefined,
  ) {}

  /** Splits a token range into statements (blocks kept whole). */
  statements(toks: Tok[]): Tok[][] {
    const out: Tok[][] = []
    let cur: Tok[] = []
    let depth = 0
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]
      cur.push(t)
      if (t.t === 'p' && (t.v === '(' || t.v === '{' || t.v === '[')) depth++
      else if (t.t === 'p' && (t.v === ')' || t.v === '}' || t.v === ']')) {
        depth--
        if (depth === 0 && t.v === '}') {
          const head = cur[0]
          const isArrayInit = cur.some((x, k) => x.v === '=' && cur[k + 1]?.v === '{')
          const next = toks[i + 1]
          const continues = next && next.t === 'id' && (next.v === 'else' || next.v === 'catch' || next.v === 'finally')
          if (!isArrayInit && head && !continues) {
            out.push(cur)
            cur = []
          }
        }
      } else if (depth === 0 && t.t === 'p' && t.v === ';') {
        out.push(cur)
        cur = []
      }
    }
    if (cur.length) out.push(cur)
    return out
  }

  /** Evaluates an expression; undefined when it is not one we follow. */
  expr(toks: Tok[], scope: Scope): Value | undefined {
    const parts: Tok[][] = []
    let cur: Tok[] = []
    let depth = 0
    for (const t of toks) {
      if (t.t === 'p' && '([{'.includes(t.v)) depth++
      if (t.t === 'p' && ')]}'.includes(t.v)) depth--
      if (depth === 0 && t.t === 'p' && t.v === '+') {
        parts.push(cur)
        cur = []
      } else cur.push(t)
    }
    parts.push(cur)
    if (parts.length > 1) {
      const vals = parts.map((p) => this.term(p, scope))
      if (vals.some((v) => v === undefined || typeof v === 'object')) return undefined
      if (vals.every((v) => typeof v === 'number')) return (vals as number[]).reduce((a, b) => a + b)
      return vals.map(String).join('')
    }
    return this.term(parts[0], scope)
  }

  term(toks: Tok[], scope: Scope): Value | undefined {
    if (toks.length === 0) return undefined
    const [a, b] = toks
    if (toks.length === 1) {
      if (a.t === 'str') return a.s
      if (a.t === 'num') return /^\d+$/.test(a.v) ? Number(a.v) : undefined
      if (a.t === 'id') {
        if (a.v === 'true' || a.v === 'false') return a.v === 'true'
        return scope.vars.get(a.v)
      }
    }
    if (a.v === '(' && toks[toks.length - 1].v === ')') return this.expr(toks.slice(1, -1), scope)
    // new StringReader(x) / new ByteArrayInputStream(x)
    if (a.v === 'new' && b && (b.v === 'StringReader' || b.v === 'ByteArrayInputStream') && toks[2]?.v === '(') {
      return this.expr(toks.slice(3, -1), scope)
    }
    // x.getBytes(...)
    const dot = toks.findIndex((t) => t.v === '.')
    if (dot > 0 && toks[dot + 1]?.v === 'getBytes') return this.expr(toks.slice(0, dot), scope)
    // xs[i]
    if (toks.length === 4 && a.t === 'id' && b.v === '[' && toks[3].v === ']') {
      const arr = scope.vars.get(a.v)
      const idx = this.term([toks[2]], scope)
      return Array.isArray(arr) && typeof idx === 'number' ? arr[idx] : undefined
    }
    // xs.length
    if (toks.length === 3 && a.t === 'id' && b.v === '.' && toks[2].v === 'length') {
      const arr = scope.vars.get(a.v)
      return Array.isArray(arr) ? arr.length : undefined
    }
    // readData("file.json") / GenericMachineTest.readData("file.json")
    const rd = toks.findIndex((t) => t.v === 'readData')
    if (rd >= 0 && toks[rd + 1]?.v === '(' && toks[rd + 2]?.t === 'str' && (rd === 0 || toks[rd - 1].v === '.')) {
      return this.readData(toks[rd + 2].s!)
    }
    // JsonRuleCompiler.check(x)
    if (a.v === 'JsonRuleCompiler' && toks[2]?.v === 'check' && toks[3]?.v === '(') {
      const args = this.args(toks.slice(4, -1))
      if (args.length !== 1) return undefined
      const rule = this.expr(args[0], scope)
      return typeof rule === 'string' ? { check: rule } : undefined
    }
    // m.rulesForJSONEvent(x)
    if (a.t === 'id' && b?.v === '.' && toks[2]?.v === 'rulesForJSONEvent' && toks[3]?.v === '(') {
      const rules = scope.machines.get(a.v)
      const args = this.args(toks.slice(4, -1))
      const event = args.length === 1 ? this.expr(args[0], scope) : undefined
      if (!rules || typeof event !== 'string') return { result: null }
      return { result: { rules: [...rules], event } }
    }
    return undefined
  }

  args(toks: Tok[]): Tok[][] {
    const out: Tok[][] = []
    let cur: Tok[] = []
    let depth = 0
    for (const t of toks) {
      if (t.t === 'p' && '([{'.includes(t.v)) depth++
      if (t.t === 'p' && ')]}'.includes(t.v)) depth--
      if (depth === 0 && t.v === ',') {
        out.push(cur)
        cur = []
      } else cur.push(t)
    }
    if (cur.length) out.push(cur)
    return out
  }

  where(method: string, toks: Tok[]): string {
    return `${this.file}#${method}: ${toks
      .map((t) => (t.t === 'str' ? JSON.stringify(t.s).slice(0, 30) : t.v))
      .join(' ')
      .slice(0, 120)}`
  }

  run(method: string, stmts: Tok[][], scope: Scope): void {
    for (const s of stmts) this.statement(method, s, scope)
  }

  statement(method: string, s: Tok[], scope: Scope): void {
    const v = s.map((t) => t.v)
    const end = v[v.length - 1] === ';' ? s.length - 1 : s.length
    // for (String x : xs) { … }   /   for (int i = 0; i < xs.length; i++) { … }
    if (v[0] === 'for' && v[1] === '(') {
      const close = this.matching(s, 1)
      const body = s[close + 1]?.v === '{' ? this.statements(s.slice(close + 2, -1)) : [s.slice(close + 1)]
      const header = s.slice(2, close)
      const colon = header.findIndex((t) => t.v === ':')
      if (colon > 0) {
        const name = header[colon - 1].v
        const list = this.expr(header.slice(colon + 1), scope)
        if (!Array.isArray(list)) return
        for (const item of list) {
          scope.vars.set(name, item)
          this.run(method, body, scope)
        }
        scope.vars.delete(name)
        return
      }
      const m = /^int (\w+) = (\d+) ; \1 <=? (.+) ; \1 \+\+$/.exec(header.map((t) => t.v).join(' '))
      if (!m) return
      const limitToks = lex(m[3])
      const limit = this.expr(limitToks, scope)
      if (typeof limit !== 'number') return
      const inclusive = header.some((t) => t.v === '<=')
      for (let i = Number(m[2]); inclusive ? i <= limit : i < limit; i++) {
        scope.vars.set(m[1], i)
        this.run(method, body, scope)
      }
      scope.vars.delete(m[1])
      return
    }
    if (v[0] === 'if' || v[0] === 'try' || v[0] === 'while' || v[0] === '{') {
      // Branches and expected-exception blocks: machines touched inside are not followed.
      for (const t of s)
        if (t.t === 'id' && scope.machines.has(t.v) && s.some((x) => x.v === 'addRule')) scope.machines.set(t.v, null)
      return
    }
    // Declarations and assignments.
    const eq = v.indexOf('=')
    if (eq > 0 && v[eq + 1] !== '=' && eq < end) {
      const name = v[eq - 1]
      const rhs = s.slice(eq + 1, end)
      const typeToks = v.slice(0, eq - 1)
      if (
        rhs
          .map((t) => t.v)
          .join(' ')
          .match(
            /^(new (Generic)?Machine( < .* >)? \( \)|createMachine \( \)|Machine \. builder \( \) .* \. build \( \)|new Machine \. Builder \( \) .* \. build \( \))$/,
          )
      ) {
        scope.machines.set(name, [])
        return
      }
      if (rhs[0]?.v === '{') {
        const items = this.args(rhs.slice(1, -1)).map((a) => this.expr(a, scope))
        scope.vars.set(name, items.some((x) => x === undefined) ? undefined : (items as Value[]))
        return
      }
      if (typeToks.includes('Machine') || typeToks.includes('GenericMachine')) {
        scope.machines.set(name, null)
        return
      }
      scope.vars.set(name, this.expr(rhs, scope))
      return
    }
    // m.addRule("name", rule)
    if (v[1] === '.' && v[2] === 'addRule' && scope.machines.has(v[0])) {
      const args = this.args(s.slice(4, end - 1))
      const rules = scope.machines.get(v[0])
      const name = args.length === 2 ? this.expr(args[0], scope) : undefined
      const rule = args.length === 2 ? this.expr(args[1], scope) : undefined
      if (!rules || typeof name !== 'string' || typeof rule !== 'string') scope.machines.set(v[0], null)
      else rules.push([name, rule])
      return
    }
    if (v[1] === '.' && scope.machines.has(v[0]) && v[2] !== 'rulesForJSONEvent' && v[2] !== 'rulesForEvent') {
      // addPatternRule, deleteRule, …: no longer followed.
      if (!['isEmpty', 'approximateObjectCount', 'evaluateComplexity', 'toString'].includes(v[2]))
        scope.machines.set(v[0], null)
      return
    }
    if (v[0].startsWith('assert')) this.assertion(method, v[0], s.slice(2, end - 1), s, scope)
  }

  matching(s: Tok[], open: number): number {
    let depth = 0
    for (let i = open; i < s.length; i++) {
      if (s[i].v === '(') depth++
      if (s[i].v === ')' && --depth === 0) return i
    }
    return s.length - 1
  }

  assertion(method: string, fn: string, argToks: Tok[], whole: Tok[], scope: Scope): void {
    const args = this.args(argToks)
    const where = this.where(method, whole)
    const last = args[args.length - 1]
    const lastV = last?.map((t) => t.v) ?? []
    // Ruler.matchesRule(event, rule)
    if ((fn === 'assertTrue' || fn === 'assertFalse') && lastV[0] === 'Ruler' && lastV[2] === 'matchesRule') {
      const [e, r] = this.args(last.slice(4, -1)).map((a) => this.expr(a, scope))
      if (typeof e === 'string' && typeof r === 'string')
        this.checks.push({ kind: 'static', where, event: e, rule: r, expect: fn === 'assertTrue' })
      return
    }
    if (fn === 'assertEquals' && args.length === 3 && lastV[0] === 'Ruler' && lastV[2] === 'matchesRule') {
      const expect = this.expr(args[1], scope)
      const [e, r] = this.args(last.slice(4, -1)).map((a) => this.expr(a, scope))
      if (typeof expect === 'boolean' && typeof e === 'string' && typeof r === 'string') {
        this.checks.push({ kind: 'static', where, event: e, rule: r, expect })
      }
      return
    }
    // Compile checks.
    const checked = last ? this.expr(last, scope) : undefined
    if (checked && typeof checked === 'object' && 'check' in checked) {
      if (fn === 'assertNull') this.checks.push({ kind: 'compile', where, rule: checked.check, expect: 'valid' })
      else if (fn === 'assertNotNull')
        this.checks.push({ kind: 'compile', where, rule: checked.check, expect: 'invalid' })
      else if (fn === 'assertEquals' && args.length === 2) {
        const msg = this.expr(args[0], scope)
        if (typeof msg === 'string')
          this.checks.push({ kind: 'compile', where, rule: checked.check, expect: { message: msg } })
      }
      return
    }
    // Machine results: found.size(), found.contains("x"), found.isEmpty(), found.get(0)
    const resultOf = (toks: Tok[]): Result => {
      const val = this.expr(toks, scope)
      return val && typeof val === 'object' && 'result' in val ? val.result : null
    }
    const call = (toks: Tok[], method: string) => {
      const i = toks.findIndex((t, k) => t.v === '.' && toks[k + 1]?.v === method && k === toks.length - 4)
      return i > 0 ? toks.slice(0, i) : null
    }
    const nameList = (toks: Tok[]): string[] | null => {
      const v = toks.map((t) => t.v).join(' ')
      if (/^Collections \. emptyList \( \)$/.test(v)) return []
      let inner = toks
      if (v.startsWith('new HashSet')) inner = toks.slice(toks.findIndex((t) => t.v === '(') + 1, -1)
      const iv = inner.map((t) => t.v).join(' ')
      if (/^(Collections \. singletonList|Arrays \. asList) \(/.test(iv)) {
        const names = this.args(inner.slice(4, -1)).map((a) => this.expr(a, scope))
        return names.every((n) => typeof n === 'string') ? (names as string[]) : null
      }
      return null
    }
    const unwrapSet = (toks: Tok[]) =>
      toks[0]?.v === 'new' && toks[1]?.v === 'HashSet'
        ? toks.slice(toks.findIndex((t) => t.v === '(', 2) + 1, -1)
        : toks
    if (fn === 'assertEquals' && args.length === 2) {
      const names = nameList(args[0])
      if (names) {
        const ctx = resultOf(unwrapSet(args[1]))
        if (ctx)
          this.checks.push({ kind: 'machine', where, rules: ctx.rules, event: ctx.event, expect: { exactly: names } })
        return
      }
      const sizeOf = call(args[1], 'size')
      const expected = this.expr(args[0], scope)
      if (sizeOf && typeof expected === 'number') {
        const ctx = resultOf(sizeOf)
        if (ctx)
          this.checks.push({ kind: 'machine', where, rules: ctx.rules, event: ctx.event, expect: { size: expected } })
      }
      return
    }
    if (fn === 'assertTrue' || fn === 'assertFalse') {
      const containsIdx = last.findIndex((t, k) => t.v === '.' && last[k + 1]?.v === 'contains')
      if (containsIdx > 0) {
        const ctx = resultOf(last.slice(0, containsIdx))
        const name = this.expr(last.slice(containsIdx + 3, -1), scope)
        if (ctx && typeof name === 'string') {
          this.checks.push({
            kind: 'machine',
            where,
            rules: ctx.rules,
            event: ctx.event,
            expect: fn === 'assertTrue' ? { contains: name } : { lacks: name },
          })
        }
        return
      }
      const emptyOf = call(last, 'isEmpty')
      if (emptyOf) {
        const ctx = resultOf(emptyOf)
        if (ctx && fn === 'assertTrue')
          this.checks.push({ kind: 'machine', where, rules: ctx.rules, event: ctx.event, expect: { size: 0 } })
      }
    }
  }
}

/** Extracts checks from one Java test file. */
export function extractChecks(
  file: string,
  source: string,
  readData: (name: string) => string | undefined = () => undefined,
): Check[] {
  const ex = new Extractor(file, readData)
  const toks = lex(source)
  const globals: Scope = { vars: new Map(), machines: new Map() }
  // Class-level constants: private static final String X = …;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].v === 'static' && toks[i + 1]?.v === 'final' && toks[i + 2]?.v === 'String' && toks[i + 4]?.v === '=') {
      let j = i + 5
      while (toks[j] && toks[j].v !== ';') j++
      globals.vars.set(toks[i + 3].v, ex.expr(toks.slice(i + 5, j), globals))
    }
  }
  // Test methods: @Test … void name(…) … { body }
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].v !== '@' || toks[i + 1]?.v !== 'Test') continue
    let j = i + 2
    while (toks[j] && toks[j].v !== 'void') j++
    const method = toks[j + 1]?.v ?? '?'
    while (toks[j] && toks[j].v !== '{') j++
    let depth = 0
    let k = j
    for (; k < toks.length; k++) {
      if (toks[k].v === '{') depth++
      if (toks[k].v === '}' && --depth === 0) break
    }
    const scope: Scope = { vars: new Map(globals.vars), machines: new Map() }
    ex.run(method, ex.statements(toks.slice(j + 1, k)), scope)
    i = k
  }
  return ex.checks
}
