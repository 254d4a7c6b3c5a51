/**
 * The activities a lesson places, `<Check id>` and `<Lab id>`: the shell hands them to the lesson's
 * MDX (LessonPage), so the course feature never imports the quiz or the labs. Each loads in its own
 * chunk, after the lesson text: a knowledge check brings the quiz engine; a lab brings the
 * playground (Monaco, the Worker), so only lessons that place one load it. The embed pages load
 * the same components for themselves (a module shared with them would be a chunk of its own).
 * `<TryIt>` (in a lesson's challenges) opens its code in the playground.
 */
import { lazy, Suspense, useRef, useState, type ComponentProps, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useNearViewport } from '../shared/useNearViewport.ts'
import './activities.css'

const QuizCheck = lazy(() => import('../quiz/Check.tsx'))
const LabView = lazy(() => import('../labs/LabView.tsx'))

/** Where a knowledge check will be, while its chunk loads: the check's own box, so nothing below moves. */
export function CheckPlaceholder() {
  return (
    <div className="activity-check-placeholder" role="status">
      <span className="sr-only">Loading a knowledge check…</span>
    </div>
  )
}

/** Where a lab will be, while it loads: a card of the lab's size. */
export function LabPlaceholder({ id, ref }: { id: string; ref?: (el: HTMLElement | null) => void }) {
  return (
    <section ref={ref} className="activity-lab-placeholder not-prose" aria-label="Hands-on lab" data-lab-id={id}>
      <p className="activity-lab-placeholder-eyebrow">Hands-on lab</p>
      <p className="activity-lab-placeholder-text" role="status">
        Loading the lab…
      </p>
    </section>
  )
}

/** `<Check id="…"/>`: a knowledge check from `content/checks/<lesson-slug>.ts`. */
export function Check(props: ComponentProps<typeof QuizCheck>) {
  return (
    <Suspense fallback={<CheckPlaceholder />}>
      <QuizCheck {...props} />
    </Suspense>
  )
}

/** How far ahead of the reader a lab starts loading: two screens. */
const LAB_MARGIN = '200%'

/**
 * `<Lab id="…"/>`: a hands-on lab from `content/labs/<id>/`. A lab brings the playground (the
 * Worker with the simulated Lambda, its WebAssembly, Monaco), and none of it loads with the lesson:
 * it loads when the reader nears it (two screens ahead), points at it or moves focus into it, or
 * arrives at it through a link. Until then a card of the lab's size holds its place.
 */
export function Lab(props: ComponentProps<typeof LabView>) {
  const [el, setEl] = useState<HTMLElement | null>(null)
  const near = useNearViewport(el, LAB_MARGIN)
  if (!near) return <LabPlaceholder id={props.id} ref={setEl} />
  const placeholder = <LabPlaceholder id={props.id} />
  return (
    <Suspense fallback={placeholder}>
      <LabView placeholder={placeholder} {...props} />
    </Suspense>
  )
}

/**
 * Starter code with a button that opens it in the playground (a share link, made when clicked,
 * so the lesson page loads none of the playground's code). `event` is the test event as JSON text.
 */
export function TryIt({
  children,
  event = '{}',
  newTab = false,
}: {
  children?: ReactNode
  event?: string
  /** Open the playground in a new tab (inside an LMS package, where leaving the page ends the session). */
  newTab?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const [problem, setProblem] = useState<string | null>(null)
  const open = async () => {
    const code = ref.current?.querySelector('code')?.textContent?.replace(/\n$/, '') ?? ''
    try {
      const { encodeShare } = await import('../playground/share.ts')
      const link = await encodeShare({
        v: 1,
        files: { 'index.mjs': code },
        activeFile: 'index.mjs',
        event,
        config: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 3 },
      })
      if (newTab) window.open(`index.html#/playground?s=${link}`, '_blank', 'noopener')
      else navigate(`/playground?s=${link}`)
    } catch {
      setProblem('The playground could not be opened from here. Copy the code and paste it into the playground.')
    }
  }
  return (
    <div className="try-it">
      <div ref={ref}>{children}</div>
      <button type="button" className="btn btn-primary btn-sm try-it-open" onClick={open}>
        Open in the playground
      </button>
      {problem && (
        <p className="try-it-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
