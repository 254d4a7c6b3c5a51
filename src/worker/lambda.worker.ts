// Web Worker entry: the simulated Lambda runs here, off the UI thread.
// Created by createLambdaWorker() in client.ts.
//
// Start-up is on the critical path of the first invoke, so this entry is tiny and does two
// things in parallel: it starts fetching and compiling QuickJS's WebAssembly (a small chunk:
// quickjs-browser.ts) while the engine's much larger code chunk downloads and is parsed. Messages
// that arrive before the host listens are kept and handed over in order.
import type { Endpoint } from './protocol.ts'

const scope = self as unknown as {
  postMessage(m: unknown): void
  addEventListener(type: 'message', l: (ev: { data: unknown }) => void): void
}

// 1. WebAssembly: fetch + compile now (compileStreaming compiles while it downloads).
const quickjs = import('./quickjs-browser.ts').then((m) => {
  const first = m.loadBrowserQuickJS()
  first.catch(() => {})
  return m
})

// 2. Keep early messages (the client's first calls, watchdog pings) until the host listens.
const early: { data: unknown }[] = []
let deliver: ((ev: { data: unknown }) => void) | undefined
scope.addEventListener('message', (ev) => {
  if (deliver) deliver(ev)
  else early.push(ev)
})
const endpoint: Endpoint = {
  postMessage: (m) => scope.postMessage(m),
  addEventListener: (_type, listener) => {
    deliver = listener
    for (const ev of early.splice(0)) listener(ev)
  },
}

// 3. The engine: one instance per name the page uses (the learner's at once, the lab checks' on
// their first run), each a simulated AWS account with its own Lambda engine, QuickJS module and
// clock. One blank environment is kept ready in each pool (refilled after each use); the engine's
// warm-up run keeps the first reported Init Duration free of WebAssembly compile time.
void Promise.all([import('../aws/index.ts'), import('./host.ts'), quickjs])
  .then(([{ createAccount, attachLambda }, { serveLambda }, { loadBrowserQuickJS }]) =>
    serveLambda(endpoint, async () => {
      const account = await createAccount()
      const { engine } = await attachLambda(account, { quickjs: loadBrowserQuickJS, prewarm: 1 })
      return { engine, account }
    }),
  )
  .catch((err: unknown) => {
    scope.postMessage({
      kind: 'fatal',
      error: {
        name: 'ServiceException',
        message: `The Lambda engine could not load: ${err instanceof Error ? err.message : String(err)}`,
      },
    })
  })
