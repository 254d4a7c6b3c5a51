/**
 * How a pack's items render inside the LMS route: a lesson (its text, checks and lab), a knowledge
 * check, a lab. The shell composes them (course, quiz and labs), as the lesson and embed pages do.
 * Links to another lesson of the pack open it in the pack; links to a lesson outside the pack open
 * the course in a new tab (it is in the package too), so the LMS session is never left.
 */
import { MDXProvider } from '@mdx-js/react'
import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  type ComponentPropsWithoutRef,
  type ComponentType,
  type ReactNode,
} from 'react'
import { CheckPlaceholder, LabPlaceholder, TryIt } from '../activities.tsx'
import { LessonContext } from '../../course/lesson-context.ts'
import { lessonHref, mdxComponents } from '../../course/mdx-components.tsx'
import { progressStore } from '../../course/progress.ts'
import { findLesson, lessons, loadLesson } from '../../course/registry.ts'
import type { LessonMeta } from '../../course/types.ts'
import { useLmsNav } from '../../lms/LmsPlayer.tsx'
import type { PackItem } from '../../lms/pack.ts'

const QuizCheck = lazy(() => import('../../quiz/Check.tsx'))
const LabView = lazy(() => import('../../labs/LabView.tsx'))

function CheckItem({ id }: { id: string }) {
  return (
    <Suspense fallback={<CheckPlaceholder />}>
      <QuizCheck id={id} embedded />
    </Suspense>
  )
}

function LabItem({ id }: { id: string }) {
  return (
    <Suspense fallback={<LabPlaceholder id={id} />}>
      <LabView id={id} embedded />
    </Suspense>
  )
}

function LmsLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const nav = useLmsNav()
  const internal = lessonHref(href)
  if (internal) {
    const slug = /^\/lessons\/([a-z0-9-]+)/.exec(internal)?.[1] ?? ''
    const key = `lesson:${slug}`
    if (nav.has(key))
      return (
        <a
          href={`#/lessons/${slug}`}
          {...rest}
          onClick={(e) => {
            e.preventDefault()
            nav.open(key)
          }}
        >
          {children}
        </a>
      )
    return (
      <a href={`index.html#${internal}`} target="_blank" rel="noopener" {...rest}>
        {children}
        <span className="sr-only"> (opens the course in a new tab)</span>
      </a>
    )
  }
  if (href.startsWith('#') && href.length > 1) {
    return (
      <a
        href={href}
        {...rest}
        onClick={(e) => {
          e.preventDefault()
          document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'start' })
        }}
      >
        {children}
      </a>
    )
  }
  const A = mdxComponents.a
  return (
    <A href={href} {...rest}>
      {children}
    </A>
  )
}

/** Try-it blocks open the playground in a new tab, so the LMS session stays open. */
function LmsTryIt(props: Omit<ComponentPropsWithoutRef<typeof TryIt>, 'newTab'>) {
  return <TryIt {...props} newTab />
}

const components = { ...mdxComponents, Check: CheckItem, Lab: LabItem, TryIt: LmsTryIt, a: LmsLink }

class ItemBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className="lms-message" role="alert">
        This part of the pack could not be loaded. Reload the page to try again.
      </div>
    )
  }
}

function LessonItem({ meta }: { meta: LessonMeta }) {
  useEffect(() => {
    progressStore.getState().visitLesson(meta.slug)
  }, [meta.slug])
  const Content = useMemo(
    () =>
      lazy(() =>
        loadLesson(meta).then((m) => ({
          default: m.default as ComponentType<{ components?: Record<string, unknown> }>,
        })),
      ),
    [meta],
  )
  return (
    <LessonContext.Provider value={meta}>
      <MDXProvider components={components}>
        <div className="lesson-prose" data-testid="lesson-body">
          <Suspense
            fallback={
              <div className="lesson-skeleton" role="status">
                <span className="sr-only">Loading the lesson…</span>
              </div>
            }
          >
            <Content />
          </Suspense>
        </div>
      </MDXProvider>
    </LessonContext.Provider>
  )
}

function Missing({ item }: { item: PackItem }) {
  return (
    <div className="lms-message" role="alert">
      This {item.kind} (<code>{item.id}</code>) is not in this version of the course. Ask your instructor for an updated
      package.
    </div>
  )
}

/** Renders one item of a pack. Results count toward the lesson that places a check or lab, as in the course. */
export function renderPackItem(item: PackItem): ReactNode {
  if (item.kind === 'lesson') {
    const meta = findLesson(item.id)
    return <ItemBoundary>{meta ? <LessonItem meta={meta} /> : <Missing item={item} />}</ItemBoundary>
  }
  const lesson = lessons.find((l) => (item.kind === 'check' ? l.checks : l.labs).includes(item.id)) ?? null
  return (
    <ItemBoundary>
      <LessonContext.Provider value={lesson}>
        {item.kind === 'check' ? <CheckItem id={item.id} /> : <LabItem id={item.id} />}
      </LessonContext.Provider>
    </ItemBoundary>
  )
}
