// Monaco ships no type declarations for these worker-side modules (used by ./ts.worker.ts).
declare module 'monaco-editor/internal/common/initialize' {
  export function initialize(factory: (ctx: unknown, createData: unknown) => unknown): void
}
declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  export class TypeScriptWorker {
    constructor(ctx: unknown, createData: unknown)
    getScriptKind(fileName: string): number
    getSemanticDiagnostics(fileName: string): Promise<{ code: number }[]>
  }
}
