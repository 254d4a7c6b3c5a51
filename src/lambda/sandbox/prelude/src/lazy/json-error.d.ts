/** V8's (Node 20's) message for JSON.parse(text), or undefined if V8 would accept the text. */
export function v8JsonMessage(text: string): string | undefined
export default function factory(): { v8JsonMessage: typeof v8JsonMessage }
