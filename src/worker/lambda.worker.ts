// Web Worker entry: the simulated Lambda runs here, off the UI thread.
// Create it with: new Worker(new URL('./lambda.worker.ts', import.meta.url), { type: 'module' })
import { createLambda } from '../lambda/index.ts'
import { serveLambda } from './host.ts'
import { loadBrowserQuickJS } from './quickjs-browser.ts'
import type { Endpoint } from './protocol.ts'

void serveLambda(self as unknown as Endpoint, () => createLambda({ quickjs: loadBrowserQuickJS }))
