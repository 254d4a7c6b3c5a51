// The playground's public surface for the rest of the app (labs, embeds).
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
export { getLambdaClient, useEngineStatus } from './engine.ts'
export { playgroundStore, usePlayground } from './state.ts'
export type { ExecutionResult, ReportSummary } from './results.ts'
export { DEFAULT_WORKSPACE_ID, functionNameFor, type Workspace } from './schema.ts'
