/**
 * The editor's TypeScript settings, shared by the main thread (setup.ts), the language worker
 * (ts.worker.ts) and the tests (which check them with the same TypeScript version Monaco
 * bundles, 5.9). Pure data and functions: no Monaco import.
 */

/** TypeScript's own enum values (Monaco's copies of these enums stop at ES2020 / NodeJs). */
const TS = { ScriptTargetES2022: 9, ModuleKindESNext: 99, ModuleResolutionBundler: 100, ModuleDetectionForce: 3 }

export const compilerOptions = {
  target: TS.ScriptTargetES2022,
  module: TS.ModuleKindESNext,
  moduleResolution: TS.ModuleResolutionBundler,
  // No DOM: what the simulated runtime lacks (window, XMLHttpRequest…) is an error, as it would be at run time.
  lib: ['lib.es2023.d.ts'], // a lib file name: TypeScript's API (unlike tsconfig) takes file names
  types: [] as string[],
  allowJs: true,
  checkJs: true,
  allowNonTsExtensions: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  // What a per-file transpiler (the build's sucrase) needs, e.g. `export type` for re-exported types.
  isolatedModules: true,
  noEmit: true,
  strict: true,
  skipLibCheck: true,
  // Every file is a module (as in Node, CJS or ESM): top-level names never clash across files.
  moduleDetection: TS.ModuleDetectionForce,
}

/** 80001 "File is a CommonJS module; it may be converted to an ES module": a .cjs file is CommonJS on purpose. */
export const IGNORED_DIAGNOSTICS = [80001]

/** TypeScript's `ScriptKind` values. */
export const ScriptKind = { JS: 1, TS: 3, JSON: 6 } as const

/** The kind of a file from its extension, for every extension a Lambda function uses. */
export function scriptKindOf(fileName: string): number | undefined {
  const m = /\.([a-z]+)$/i.exec(fileName)
  switch (m?.[1].toLowerCase()) {
    case 'ts':
    case 'mts':
    case 'cts':
      return ScriptKind.TS
    case 'js':
    case 'mjs':
    case 'cjs':
      return ScriptKind.JS
    case 'json':
      return ScriptKind.JSON
    default:
      return undefined
  }
}

/**
 * Diagnostics that only `noImplicitAny`, `noImplicitThis` and `useUnknownInCatchVariables`
 * produce. One program checks JS and TS with `strict` (for TypeScript); in JavaScript files these
 * are dropped, as VS Code checks JavaScript by default, so `async (event, context) => …` in an
 * .mjs file is fine while a wrong field of a JSDoc-typed event is still an error.
 */
export const STRICT_ONLY_FOR_UNTYPED_CODE = new Set([
  7005, 7006, 7008, 7010, 7011, 7015, 7017, 7018, 7019, 7022, 7023, 7024, 7025, 7031, 7032, 7033, 7034, 7041, 7052,
  7053, 2683, 18046,
])

export function filterSemanticDiagnostics<D extends { code: number }>(fileName: string, list: D[]): D[] {
  return scriptKindOf(fileName) === ScriptKind.JS ? list.filter((d) => !STRICT_ONLY_FOR_UNTYPED_CODE.has(d.code)) : list
}
