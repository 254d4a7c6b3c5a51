// The playground's public entry for the features built on it (the labs: src/README.md, "Imports").
export {
  PlaygroundPanel,
  workspaceFromInitial,
  invokeBlocker,
  type PlaygroundPanelProps,
  type PlaygroundInitial,
  type PanelPart,
  type SideTab,
} from './PlaygroundPanel.tsx'
export { getSession, type Session, type SessionState, type Marker } from './session.ts'
export { getLabCheckEngine, getLambdaClient, useEngineStatus } from './engine.ts'
export { buildFunction } from './editor/build.ts'
export { playgroundStore, usePlayground } from './state.ts'
export type { ExecutionResult, ReportSummary } from './results.ts'
export { DEFAULT_WORKSPACE_ID, functionNameFor, type Workspace } from './schema.ts'
