// The shape of a sample event and of the picker's groups.

/** How the service calls Lambda: it waits for the result, queues the event, or Lambda polls it. */
export type Invocation = 'sync' | 'async' | 'poll'

export interface SampleEventOptions {
  /** AWS Region, default `us-east-1`. */
  region?: string
  /** 12-digit account id, default `123456789012`. */
  accountId?: string
  /** Event time in epoch milliseconds (e.g. the virtual clock), default 2025-06-12T09:41:27.512Z. */
  time?: number
}

export interface SampleEvent {
  /** `sam local generate-event` service name, e.g. `apigateway`. */
  service: string
  /** `sam local generate-event` event name, e.g. `aws-proxy`. */
  event: string
  /** Short name for a picker, e.g. "API Gateway REST (aws-proxy)". */
  label: string
  /** One or two sentences on when this event arrives. */
  description: string
  invocation: Invocation
  /** A fresh event object each call. Throws an Error with a clear message on a bad region or account id. */
  build(opts?: SampleEventOptions): unknown
}

export interface SampleEventGroup {
  service: string
  /** The service's name for a group heading, e.g. "Amazon API Gateway". */
  label: string
  events: readonly SampleEvent[]
}
