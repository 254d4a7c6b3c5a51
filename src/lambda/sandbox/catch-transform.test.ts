import { describe, expect, it } from 'vitest'
import { transformCatches } from './catch-transform.ts'

describe('transformCatches', () => {
  it('fixes the binding at the top of each catch body, lines unchanged, insertions listed', () => {
    const src = `try { a() } catch (e) { log(e) }\ntry {\n  b()\n} catch (err) {\n  log(err)\n}\n`
    const t = transformCatches(src)!
    expect(t.name).toBe('$lf_caught')
    expect(t.code).toBe(
      `try { a() } catch (e) {e=$lf_caught(e); log(e) }\ntry {\n  b()\n} catch (err) {err=$lf_caught(err);\n  log(err)\n}\n`,
    )
    expect(t.code.split('\n').length).toBe(src.split('\n').length)
    expect(t.shifts).toEqual([
      [1, 24, 16],
      [4, 16, 20],
    ])
  })

  it('leaves alone what only looks like a catch clause', () => {
    for (const src of [
      `p.catch((e) => e)`,
      `const s = "} catch (e) {"`,
      'const t = `} catch (e) { ${x} }`',
      `// } catch (e) {\nx()`,
      `/* } catch (e) { */ x()`,
      `const r = /} catch (e) {/; r.test('')`,
      `const o = { catch: 1 }`,
      `try { x() } catch { y() }`,
      `try { x() } catch ({ message }) { y(message) }`,
    ])
      expect(transformCatches(src), src).toBeUndefined()
  })

  it('follows templates with substitutions, regular expressions and division', () => {
    const src = 'const t = `a${ {b: 1}.b }c`; const q = 4 / 2 / 1; const r = /[/]/g\ntry { x() } catch (e) { y }'
    expect(transformCatches(src)!.code).toContain('catch (e) {e=$lf_caught(e); y }')
  })

  it('picks a name the source does not use, and refuses text it cannot follow', () => {
    expect(transformCatches(`const $lf_caught = 1; try {} catch (e) {}`)!.name).toBe('$lf_caught_')
    expect(transformCatches(`const s = "unterminated; try {} catch (e) {}`)).toBeUndefined()
  })
})
