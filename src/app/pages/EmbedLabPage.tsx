/** `#/embed/lab/<id>`: one hands-on lab with minimal chrome, for an instructor's iframe. */
import { lazy, Suspense } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../../shared/usePageTitle.ts'
import { LessonContext } from '../../course/lesson-context.ts'
import { lessons } from '../../course/registry.ts'
import { EmbedChrome } from '../../embed/EmbedChrome.tsx'
import { buildStatement } from '../../embed/protocol.ts'
import { activityUrl, useEmbedHost } from '../../embed/useEmbedHost.ts'

const LabView = lazy(() => import('../../labs/LabView.tsx'))

export function EmbedLabPage() {
  const id = useParams().id ?? ''
  usePageTitle('Hands-on lab')
  const { postStatement } = useEmbedHost('lab', id)
  const lesson = lessons.find((l) => l.labs.includes(id)) ?? null
  return (
    <EmbedChrome lesson={lesson}>
      <LessonContext.Provider value={lesson}>
        <Suspense
          fallback={
            <p className="embed-loading" role="status">
              Loading the lab…
            </p>
          }
        >
          <LabView
            id={id}
            embedded
            onRun={({ lab, passed, total, pass }) =>
              postStatement(
                buildStatement({
                  kind: 'lab',
                  id,
                  name: lab.title,
                  verb: pass ? 'passed' : 'failed',
                  raw: passed,
                  max: total,
                  success: pass,
                  activityUrl: activityUrl('lab', id),
                }),
              )
            }
          />
        </Suspense>
      </LessonContext.Provider>
    </EmbedChrome>
  )
}
