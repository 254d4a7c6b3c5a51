/** The saved test events of a workspace: save (add or overwrite, with the console's limit) and delete. */
import { MAX_EVENT_CHARS, type SavedEvent } from './schema.ts'
import { MAX_SAVED_EVENTS, eventNameProblem } from '../lambda/public.ts'

export type SaveEventResult = { ok: true; events: SavedEvent[]; replaced: boolean } | { ok: false; error: string }

/**
 * Saves `text` as the event `name`: overwrites an event of that name, or adds it if fewer than 10
 * are saved (the Lambda console's limit per function).
 */
export function saveEvent(events: readonly SavedEvent[], name: string, text: string): SaveEventResult {
  const problem = eventNameProblem(name)
  if (problem) return { ok: false, error: problem }
  if (text.length > MAX_EVENT_CHARS)
    return {
      ok: false,
      error: `This event is too large to save here (over ${MAX_EVENT_CHARS.toLocaleString('en-US')} characters).`,
    }
  const i = events.findIndex((e) => e.name === name)
  if (i >= 0) {
    const next = events.slice()
    next[i] = { name, text }
    return { ok: true, events: next, replaced: true }
  }
  if (events.length >= MAX_SAVED_EVENTS) {
    return {
      ok: false,
      error: `You have reached the limit of ${MAX_SAVED_EVENTS} saved test events for this function. Delete a saved event, or overwrite one, to save a new one.`,
    }
  }
  return { ok: true, events: [...events, { name, text }], replaced: false }
}

export function deleteEvent(events: readonly SavedEvent[], name: string): SavedEvent[] {
  return events.filter((e) => e.name !== name)
}
