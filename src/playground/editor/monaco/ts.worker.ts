/**
 * The TypeScript language worker: Monaco's own (`ts.worker`) with two changes (see ts-config.ts):
 * - the kind of a file comes from its extension for every extension a Lambda function uses
 *   (Monaco's worker knows only .ts/.tsx/.js/.jsx and, with `allowJs`, reads `.mts` as JavaScript);
 * - in JavaScript files, the errors that only `strict` adds for untyped code are dropped.
 */
import { initialize } from 'monaco-editor/internal/common/initialize'
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker'
import { filterSemanticDiagnostics, scriptKindOf } from './ts-config.ts'

class LambdaTypeScriptWorker extends TypeScriptWorker {
  override getScriptKind(fileName: string): number {
    return scriptKindOf(fileName) ?? super.getScriptKind(fileName)
  }

  override async getSemanticDiagnostics(fileName: string): Promise<{ code: number }[]> {
    return filterSemanticDiagnostics(fileName, await super.getSemanticDiagnostics(fileName))
  }
}

self.onmessage = () => {
  initialize((ctx: unknown, createData: unknown) => new LambdaTypeScriptWorker(ctx, createData))
}
