import { describe, expect, it } from 'vitest'
import {
  builtPathOf,
  kindOf,
  neighbourAfterDelete,
  removeFromFiles,
  renameInFiles,
  suggestNewFileName,
  validateFilePath,
} from './files.ts'

const existing = ['index.mjs', 'lib/orders.mjs', 'handler.ts']

function message(input: string, current?: string) {
  const r = validateFilePath(input, existing, current)
  return r.ok ? null : r.message
}

describe('validateFilePath', () => {
  it('accepts relative paths with the allowed extensions and normalises them', () => {
    for (const ok of [
      'a.mjs',
      'b.js',
      'c.cjs',
      'd.ts',
      'e.mts',
      'config.json',
      'lib/deep/x.mjs',
      'types.d.ts',
      '@scope/x.js',
      '_x.js',
    ]) {
      expect(validateFilePath(ok, existing)).toEqual({ ok: true, path: ok })
    }
    expect(validateFilePath('  ./lib/new.mjs ', existing)).toEqual({ ok: true, path: 'lib/new.mjs' })
  })

  it('rejects bad paths with a message that says what to change', () => {
    expect(message('')).toBe('Enter a file name, like lib/orders.mjs.')
    expect(message('/abs.mjs')).toMatch(/relative to the function’s folder/)
    expect(message('../up.mjs')).toBe('“..” is not allowed: files stay inside the function’s folder.')
    expect(message('lib/../x.mjs')).toMatch(/“\.\.” is not allowed/)
    expect(message('lib//x.mjs')).toMatch(/empty folder name/)
    expect(message('lib/')).toMatch(/ends with “\/”/)
    expect(message('lib\\x.mjs')).toMatch(/not “\\”/)
    expect(message('my file.mjs')).toMatch(/“my file\.mjs” is not a valid name/)
    expect(message('.hidden.mjs')).toMatch(/is not a valid name/)
    expect(message('notes.txt')).toBe('“.txt” files are not supported. Use one of .mjs, .js, .cjs, .ts, .mts, .json.')
    expect(message('Makefile')).toBe('Add an extension: one of .mjs, .js, .cjs, .ts, .mts, .json.')
    expect(message('x'.repeat(300) + '.mjs')).toMatch(/too long/)
  })

  it('rejects duplicates, case-only differences, file/folder clashes and build clashes', () => {
    expect(message('index.mjs')).toBe('A file named index.mjs already exists.')
    expect(message('INDEX.mjs')).toMatch(/differ only in case/)
    expect(message('lib/orders.mjs/x.mjs')).toBe('lib/orders.mjs is a file, so it can’t also be a folder.')
    expect(validateFilePath('lib.mjs', ['lib.mjs/x.mjs']).ok).toBe(false)
    expect(message('index.ts')).toBe('index.ts builds to index.mjs, and index.mjs already has that name.')
    expect(message('handler.mjs')).toBe('handler.ts builds to handler.mjs: pick another name.')
    expect(message('handler.mts')).toBe('handler.mts builds to handler.mjs, and handler.ts builds to it too.')
  })

  it('lets a file keep its own name when renaming, and checks the others', () => {
    expect(validateFilePath('index.mjs', existing, 'index.mjs')).toEqual({ ok: true, path: 'index.mjs' })
    expect(validateFilePath('handler.mjs', existing, 'handler.ts')).toEqual({ ok: true, path: 'handler.mjs' })
    expect(message('lib/orders.mjs', 'index.mjs')).toBe('A file named lib/orders.mjs already exists.')
  })
})

describe('file set helpers', () => {
  it('maps extensions to languages and build outputs', () => {
    expect(kindOf('a.mjs')).toBe('javascript')
    expect(kindOf('a.cjs')).toBe('javascript')
    expect(kindOf('a.mts')).toBe('typescript')
    expect(kindOf('a.json')).toBe('json')
    expect(builtPathOf('lib/a.ts')).toBe('lib/a.mjs')
    expect(builtPathOf('lib/a.mts')).toBe('lib/a.mjs')
    expect(builtPathOf('a.d.ts')).toBeNull()
    expect(builtPathOf('a.cjs')).toBe('a.cjs')
  })

  it('suggests a free name with the active file’s extension', () => {
    expect(suggestNewFileName(['index.mjs'], 'index.mjs')).toBe('untitled.mjs')
    expect(suggestNewFileName(['index.ts', 'untitled.ts'], 'index.ts')).toBe('untitled-2.ts')
    expect(suggestNewFileName(['a.json'], 'a.json')).toBe('untitled.mjs')
  })

  it('renames in place (tab order kept) and removes', () => {
    const files = { 'a.mjs': '1', 'b.mjs': '2', 'c.mjs': '3' }
    expect(Object.entries(renameInFiles(files, 'b.mjs', 'lib/b.mjs'))).toEqual([
      ['a.mjs', '1'],
      ['lib/b.mjs', '2'],
      ['c.mjs', '3'],
    ])
    expect(removeFromFiles(files, 'b.mjs')).toEqual({ 'a.mjs': '1', 'c.mjs': '3' })
    expect(neighbourAfterDelete(['a', 'b', 'c'], 'b')).toBe('c')
    expect(neighbourAfterDelete(['a', 'b', 'c'], 'c')).toBe('b')
    expect(neighbourAfterDelete(['a'], 'a')).toBeUndefined()
  })
})
