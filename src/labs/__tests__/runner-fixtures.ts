// Shared by the check runner's tests: a lab definition around some checks, and an echo handler.
import { defineLab } from '../define.ts'
import type { LabCheck, LabDefinition } from '../types.ts'

export const ECHO = `export const handler = async (event, context) => {
  console.log('got', JSON.stringify(event))
  if (event.fail) { const e = new Error('bad ' + event.fail); e.name = 'OrderError'; throw e }
  return { echo: event, left: context.getRemainingTimeInMillis() > 0 }
}`

export function lab(checks: LabCheck[], extra: Partial<LabDefinition> = {}): LabDefinition {
  return defineLab({
    id: 'test-lab',
    title: 'Test lab',
    lesson: 'introduction-to-serverless',
    summary: 'A lab for tests.',
    instructions: '### Goal\nPass.',
    function: { Handler: 'index.handler', Runtime: 'nodejs22.x', Timeout: 3 },
    events: [{ name: 'One', payload: { n: 1 } }],
    hints: ['Try.'],
    checks,
    ...extra,
  })
}
