/**
 * The activities a lesson places, `<Check id>` and `<Lab id>`: the shell hands them to the lesson's
 * MDX (LessonPage), so the course feature never imports the quiz or the labs. Each loads in its own
 * chunk, after the lesson text: a knowledge check brings the quiz engine; a lab brings the
 * playground (Monaco, the Worker), so only lessons that place one load it. The embed pages load
 * the same components for themselves (a module shared with them would be a chunk of its own).
 */
import { lazy, Suspense, type ComponentProps } from 'react'

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
