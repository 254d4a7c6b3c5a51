/** `#/embed/check/<id>`: one knowledge check with minimal chrome, for an instructor's iframe. */
import { lazy, Suspense } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../../shared/usePageTitle.ts'
import { LessonContext } from '../../course/lesson-context.ts'
import { lessons } from '../../course/registry.ts'
import { buildStatement } from '../../embed/protocol.ts'
import { EmbedChrome } from '../../embed/EmbedChrome.tsx'
import { activityUrl, useEmbedHost } from '../../embed/useEmbedHost.ts'

const Check = lazy(() => import('../../quiz/Check.tsx'))

export function EmbedCheckPage() {
  const id = useParams().id ?? ''
  usePageTitle('Knowledge check')
  const { postStatement } = useEmbedHost('check', id)
  // Results count toward the lesson that places this check, as they would in the course.
  const lesson = lessons.find((l) => l.checks.includes(id)) ?? null
  return (
    <EmbedChrome lesson={lesson}>
      <LessonContext.Provider value={lesson}>
        <Suspense
          fallback={
            <p className="embed-loading" role="status">
              Loading the knowledge check…
            </p>
          }
        >
          <Check
            id={id}
            embedded
            onResult={({ question, grade, attempts }) =>
              postStatement(
                buildStatement({
                  kind: 'check',
                  id,
                  name: question.prompt,
                  verb: 'answered',
                  raw: grade.points,
                  max: grade.max,
                  success: grade.passed,
                  activityUrl: activityUrl('check', id),
                  attempts,
                }),
              )
            }
          />
        </Suspense>
      </LessonContext.Provider>
    </EmbedChrome>
  )
}
