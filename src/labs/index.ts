// The lab format and check runner (pure: no DOM, no React). The browser's loader is
// registry.ts (Vite globs); Node's is node.ts (fs).
export * from './types.ts'
export { defineLab } from './define.ts'
export { runLabChecks, DEFAULT_CHECK_TIMEOUT_MS } from './runner.ts'
export { parseLogLine, parseLogEvents, parseTail, decodeLogResult, invokeStatus } from './logs.ts'
export { createExpect, describeFunctionError, show } from './expect.ts'
export { validateLabDefinition, validateLabFiles, handlerFile, LAB_ID_RE } from './validate.ts'
