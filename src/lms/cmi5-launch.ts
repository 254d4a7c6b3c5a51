/** Whether the page was launched as a cmi5 AU: the five launch parameters are in the query string (cmi5 spec 8.1). */
export const CMI5_LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const

export function hasCmi5Launch(search: string): boolean {
  const p = new URLSearchParams(search)
  return CMI5_LAUNCH_PARAMETERS.every((k) => (p.get(k) ?? '') !== '')
}

/** Our xAPI state document (per registration): the progress and which judgements were sent. */
export const STATE_ID = 'https://lambda-foundations.dev/xapi/state/lms-progress'
