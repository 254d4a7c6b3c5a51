// EventBridge for the simulated account: the service, its delivery hook and the pattern language.
export { createEventsService, type EventsService, type EventDelivery, type MatchedRule } from './service.ts'
export { compileEventPattern, patternMatches, patternMatchesJson, parseEventJson } from './pattern/index.ts'
export { MAX_PUT_EVENTS_BYTES } from './operations-events.ts'
