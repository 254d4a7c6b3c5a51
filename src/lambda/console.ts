// The Lambda console's own rules, which the API does not have: a function's saved test events
// (shareable test events). Pure: the playground and the lab format check against them.

/** The console keeps at most this many saved test events per function. */
export const MAX_SAVED_EVENTS = 10

/** The Lambda console's rule for test event names: up to 25 letters, numbers, dots, hyphens and underscores. */
export const EVENT_NAME_RE = /^[A-Za-z0-9._-]{1,25}$/

/** What the console says about a test event name, or undefined when it is fine. */
export function eventNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name for the event.'
  if (!EVENT_NAME_RE.test(name))
    return 'Event name: maximum of 25 characters consisting of letters, numbers, dots, hyphens and underscores.'
  return undefined
}
