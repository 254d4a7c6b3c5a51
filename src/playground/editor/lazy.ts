/** The one dynamic import of the Monaco pane (and so of Monaco itself). */
import type { ComponentType } from 'react'
import type { PaneProps } from './types.ts'

type PaneModule = { default: ComponentType<PaneProps> }

let pending: Promise<PaneModule> | null = null

export function loadPane(): Promise<PaneModule> {
  pending ??= import('./monaco/MonacoPane.tsx').catch((err: unknown) => {
    pending = null // allow a retry
    throw err
  })
  return pending
}

/** Starts loading Monaco early, e.g. when the learner hovers the link to a lab. */
export function preloadEditor(): Promise<void> {
  return loadPane().then(() => undefined)
}
