/**
 * The SDK's types for the editor: which files load them (detect.ts), the file map built for a
 * package (collect.ts), and that Monaco's TypeScript (5.9, the same settings as the editor)
 * resolves `@aws-sdk/client-dynamodb` from that map alone and checks a command's input with it.
 */
import path from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { compilerOptions, scriptKindOf } from '../monaco/ts-config.ts'
import { collectSdkTypes, specifiersIn, TYPES_ROOT, typesExports } from './collect.ts'
import { sdkPackagesImportedBy } from './detect.ts'
import { sdkTypesChunkName, splitSdkTypes } from './plugin.ts'

const nodeModules = path.resolve(import.meta.dirname, '../../../../node_modules')

describe('sdkPackagesImportedBy', () => {
  it('finds imports, re-exports, dynamic imports and requires of provided packages', () => {
    const text = [
      "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'",
      'import {',
      '  S3Client,',
      '} from "@aws-sdk/client-s3"',
      "const { SQSClient } = require('@aws-sdk/client-sqs')",
      "const sts = await import('@aws-sdk/client-sts')",
      "export { marshall } from '@aws-sdk/util-dynamodb'",
    ].join('\n')
    expect(sdkPackagesImportedBy(text)).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/util-dynamodb',
      '@aws-sdk/client-s3',
      '@aws-sdk/client-sqs',
      '@aws-sdk/client-sts',
    ])
  })

  it('ignores packages the runtime does not provide and files without SDK imports', () => {
    expect(sdkPackagesImportedBy("import { IAMClient } from '@aws-sdk/client-iam'")).toEqual([])
    expect(sdkPackagesImportedBy("import fs from 'node:fs'\nexport const handler = async () => 1")).toEqual([])
    expect(sdkPackagesImportedBy("const name = 'client-dynamodb' // @aws-sdk/client-dynamodb")).toEqual([])
  })

  it('names each package its own chunk', () => {
    expect(sdkTypesChunkName('@aws-sdk/client-dynamodb')).toBe('sdk-types-client-dynamodb')
    expect(sdkTypesChunkName('@smithy/node-http-handler')).toBe('sdk-types-node-http-handler')
  })
})

describe('collect helpers', () => {
  it('reads the specifiers of a declaration file', () => {
    const text = [
      "import { A } from './a'",
      "export * from '@smithy/types'",
      "type B = import('@smithy/core/client').B",
      '/// <reference types="node" />',
    ].join('\n')
    expect(specifiersIn(text).sort()).toEqual(['./a', '@smithy/core/client', '@smithy/types', 'node'])
  })

  it('reduces exports to their types, without ts3.4', () => {
    expect(
      typesExports({
        '.': { types: './dist-types/index.d.ts', import: './dist-es/index.js' },
        './client': { import: { types: './dist-types/client.d.ts' } },
        './old': { types: './dist-types/ts3.4/old.d.ts' },
        './package.json': './package.json',
      }),
    ).toEqual({ '.': { types: './dist-types/index.d.ts' }, './client': { types: './dist-types/client.d.ts' } })
  })
})

describe('splitSdkTypes', () => {
  it('shares the files every @aws-sdk package needs; each package plus the shared map is complete', () => {
    const maps = new Map<string, Record<string, string>>([
      ['@aws-sdk/client-a', { t: 'T', c: 'C', a: 'A' }],
      ['@aws-sdk/client-b', { t: 'T', c: 'C', b: 'B' }],
      ['@smithy/node-http-handler', { t: 'T', h: 'H' }],
    ])
    const { common, own } = splitSdkTypes(maps)
    expect(common).toEqual({ t: 'T', c: 'C' })
    expect(own.get('@aws-sdk/client-a')).toEqual({ usesCommon: true, files: { a: 'A' } })
    expect(own.get('@aws-sdk/client-b')).toEqual({ usesCommon: true, files: { b: 'B' } })
    // It lacks a shared file: it keeps all of its own, and loads nothing more.
    expect(own.get('@smithy/node-http-handler')).toEqual({ usesCommon: false, files: { t: 'T', h: 'H' } })
  })
})

describe('collectSdkTypes(@aws-sdk/client-dynamodb)', () => {
  let files: Record<string, string>
  beforeAll(() => {
    files = collectSdkTypes('@aws-sdk/client-dynamodb', nodeModules)
  })

  it('keys every file under file:///node_modules/, .d.ts or package.json, never ts3.4', () => {
    const keys = Object.keys(files)
    expect(keys.length).toBeGreaterThan(100)
    for (const k of keys) {
      expect(k.startsWith(TYPES_ROOT)).toBe(true)
      expect(k.endsWith('.d.ts') || k.endsWith('/package.json')).toBe(true)
      expect(k).not.toContain('/ts3.4/')
    }
    expect(keys).toContain(`${TYPES_ROOT}@aws-sdk/client-dynamodb/dist-types/commands/PutItemCommand.d.ts`)
    expect(keys.some((k) => k.startsWith(`${TYPES_ROOT}@smithy/types/`))).toBe(true)
  })

  it('gives each package a package.json whose types (and exports) point at files in the map', () => {
    const manifests = Object.keys(files).filter((k) => k.endsWith('/package.json'))
    expect(manifests).toContain(`${TYPES_ROOT}@aws-sdk/client-dynamodb/package.json`)
    expect(manifests).toContain(`${TYPES_ROOT}@smithy/core/package.json`)
    const own = JSON.parse(files[`${TYPES_ROOT}@aws-sdk/client-dynamodb/package.json`]) as { types: string }
    expect(files[new URL(own.types, `${TYPES_ROOT}@aws-sdk/client-dynamodb/`).href]).toContain('DynamoDBClient')
    const core = JSON.parse(files[`${TYPES_ROOT}@smithy/core/package.json`]) as {
      exports: Record<string, { types: string }>
    }
    expect(new URL(core.exports['./client'].types, `${TYPES_ROOT}@smithy/core/`).href in files).toBe(true)
  })

  function check(source: Record<string, string>): Record<string, string[]> {
    const all: Record<string, string> = { ...files, ...source }
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => compilerOptions as unknown as ts.CompilerOptions,
      getScriptFileNames: () => Object.keys(all),
      getScriptVersion: () => '1',
      getScriptSnapshot: (f) => {
        const text = f in all ? all[f] : ts.sys.readFile(f)
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      },
      getScriptKind: (f) => (scriptKindOf(f) ?? ts.ScriptKind.TS) as ts.ScriptKind,
      getCurrentDirectory: () => '',
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => f in all || (!f.startsWith('file://') && ts.sys.fileExists(f)),
      readFile: (f) => (f in all ? all[f] : f.startsWith('file://') ? undefined : ts.sys.readFile(f)),
    }
    const service = ts.createLanguageService(host)
    const out: Record<string, string[]> = {}
    for (const f of Object.keys(source))
      out[f] = [...service.getSyntacticDiagnostics(f), ...service.getSemanticDiagnostics(f)].map(
        (d) => `${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      )
    return out
  }

  it('resolves the client from the map alone and checks a command input (TS and JS)', () => {
    const ts1 = [
      "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'",
      'const client = new DynamoDBClient({})',
      "export const ok = () => client.send(new PutItemCommand({ TableName: 't', Item: { id: { S: '1' } } }))",
      "export const bad = () => new PutItemCommand({ TableName: 't', Itemz: {} })",
    ].join('\n')
    const js = [
      "import { PutItemCommand } from '@aws-sdk/client-dynamodb'",
      "export const bad = () => new PutItemCommand({ TableName: 't', Itemz: {} })",
    ].join('\n')
    const result = check({ 'file:///index.ts': ts1, 'file:///other.mjs': js })
    for (const list of Object.values(result)) {
      expect(list.filter((d) => d.startsWith('2307'))).toEqual([]) // Cannot find module
      // "No overload matches this call. … 'Itemz' does not exist in type 'PutItemCommandInput'"
      expect(list.some((d) => /^2769 .*'Itemz' does not exist in type 'PutItemCommandInput'/.test(d))).toBe(true)
    }
    expect(result['file:///index.ts']).toHaveLength(1)
  })
})
