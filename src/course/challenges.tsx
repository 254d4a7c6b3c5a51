/**
 * Challenges after a lesson's Summary: tasks the learner does in the playground, each with an
 * optional hint and a solution that stay hidden until asked for.
 *
 *   <Challenges>
 *   <Challenge title="Greet by name">
 *   What to do, in Markdown.
 *
 *   <TryIt event='{"name":"Ada"}'>
 *   ```js
 *   export const handler = async (event) => …
 *   ```
 *   </TryIt>
 *
 *   <Hint>A nudge.</Hint>
 *   <Solution>The answer, with its code.</Solution>
 *   </Challenge>
 *   </Challenges>
 *
 * Hint and Solution are disclosures (a button with aria-expanded); their content is rendered only
 * once opened, so a solution can't be read by accident, by a search in the page or a screen reader.
 */
import { Children, isValidElement, useId, useState, type ReactElement, type ReactNode } from 'react'
import './challenges.css'

export function Challenges({ children, title = 'Try it yourself' }: { children?: ReactNode; title?: string }) {
  const id = useId()
  const items = Children.toArray(children).filter(isValidElement)
  return (
    <section className="lesson-challenges" aria-labelledby={`${id}-title`}>
      <p className="lesson-challenges-kicker" id={`${id}-title`}>
        {title}
      </p>
      <p className="lesson-challenges-intro">
        {items.length === 1 ? 'One challenge' : `${items.length} challenges`} to do in the playground. Each has a hint
        and a solution: try without them first.
      </p>
      <ol className="lesson-challenges-list">
        {items.map((child, i) => (
          <li key={i} className="lesson-challenges-item">
            {child}
          </li>
        ))}
      </ol>
    </section>
  )
}

type Reveal = 'hint' | 'solution'

function isOf(type: unknown) {
  return (c: ReactNode): c is ReactElement<{ children?: ReactNode }> => isValidElement(c) && c.type === type
}

export function Challenge({ title, children }: { title: string; children?: ReactNode }) {
  const id = useId()
  const [open, setOpen] = useState<Record<Reveal, boolean>>({ hint: false, solution: false })
  const all = Children.toArray(children)
  const hint = all.find(isOf(Hint))
  const solution = all.find(isOf(Solution))
  const body = all.filter((c) => !isOf(Hint)(c) && !isOf(Solution)(c))
  const toggle = (which: Reveal) => setOpen((o) => ({ ...o, [which]: !o[which] }))
  const button = (which: Reveal, label: string) => (
    <button
      type="button"
      className="btn btn-secondary btn-sm lesson-challenge-reveal"
      aria-expanded={open[which]}
      aria-controls={`${id}-${which}`}
      onClick={() => toggle(which)}
    >
      {open[which] ? `Hide the ${label}` : `Show the ${label}`}
    </button>
  )
  return (
    <article className="lesson-challenge" aria-labelledby={`${id}-title`}>
      <h3 className="lesson-challenge-title" id={`${id}-title`}>
        {title}
      </h3>
      <div className="lesson-challenge-body">{body}</div>
      {(hint || solution) && (
        <div className="lesson-challenge-actions">
          {hint && button('hint', 'hint')}
          {solution && button('solution', 'solution')}
        </div>
      )}
      {hint && (
        <div
          id={`${id}-hint`}
          className="lesson-challenge-hint"
          role="region"
          aria-label={`Hint: ${title}`}
          hidden={!open.hint}
        >
          {open.hint && hint.props.children}
        </div>
      )}
      {solution && (
        <div
          id={`${id}-solution`}
          className="lesson-challenge-solution"
          role="region"
          aria-label={`Solution: ${title}`}
          hidden={!open.solution}
        >
          {open.solution && solution.props.children}
        </div>
      )}
    </article>
  )
}

/** Placed inside a Challenge: shown when the learner asks for the hint. */
export function Hint({ children }: { children?: ReactNode }) {
  return <>{children}</>
}

/** Placed inside a Challenge: shown when the learner asks for the solution. */
export function Solution({ children }: { children?: ReactNode }) {
  return <>{children}</>
}
