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

const QuizCheck = lazy(() => import('../quiz/Check.tsx'))
const LabView = lazy(() => import('../labs/LabView.tsx'))

/** `<Check id="…"/>`: a knowledge check from `content/checks/<lesson-slug>.ts`. */
export function Check(props: ComponentProps<typeof QuizCheck>) {
  return (
    <Suspense fallback={<div className="quiz quiz-loading" aria-busy="true" aria-label="Loading a knowledge check" />}>
      <QuizCheck {...props} />
    </Suspense>
  )
}

/** `<Lab id="…"/>`: a hands-on lab from `content/labs/<id>/`. */
export function Lab(props: ComponentProps<typeof LabView>) {
  return (
    <Suspense fallback={<div className="lab lab-loading" aria-busy="true" aria-label="Loading the lab" />}>
      <LabView {...props} />
    </Suspense>
  )
}

/**
 * Starter code with a button that opens it in the playground (a share link, made when clicked,
 * so the lesson page loads none of the playground's code). `event` is the test event as JSON text.
 */
export function TryIt({ children, event = '{}' }: { children?: ReactNode; event?: string }) {
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
      navigate(`/playground?s=${link}`)
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
