// For tests: a "Worker" whose other end is served by serveLambda in this process, over a
// MessageChannel (Node), so the client, the protocol and the host run as they do in the browser.
import { MessageChannel } from 'node:worker_threads'
import type { WorkerLike } from './client.ts'
import { serveLambda, type HostHandle, type MakeLambda } from './host.ts'
import type { Endpoint } from './protocol.ts'

export interface ChannelWorker extends WorkerLike {
  /** The host serving it (undefined when the main instance could not start). */
  host: Promise<HostHandle | undefined>
}

export function channelWorker(makeLambda: MakeLambda): ChannelWorker {
  const { port1, port2 } = new MessageChannel()
  return {
    host: serveLambda(port2 as unknown as Endpoint, makeLambda),
    postMessage: (m) => port1.postMessage(m),
    addEventListener: ((type: string, l: (ev: { data: unknown }) => void) => {
      if (type === 'message') port1.addEventListener('message', (ev) => l({ data: (ev as MessageEvent).data }))
    }) as WorkerLike['addEventListener'],
    start: () => port1.start(),
    terminate: () => {
      port1.close()
      port2.close()
    },
  }
}
