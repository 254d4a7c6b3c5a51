import { MDXProvider } from '@mdx-js/react'
import {
  Component,
  lazy,
  Suspense,
  use,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react'
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { LessonContext } from '../../course/lesson-context.ts'
import { mdxComponents } from '../../course/mdx-components.tsx'
import { lessonStatus, progressStore, useProgress } from '../../course/progress.ts'
import {
  findLesson,
  formatDuration,
  lessonIndex,
  lessons,
  loadLesson,
  neighbours,
  type LessonModule,
} from '../../course/registry.ts'
import type { LessonMeta } from '../../course/types.ts'
import { ArrowLeftIcon, ArrowRightIcon, CheckIcon, ClockIcon, ListIcon, TargetIcon } from '../../shared/icons.tsx'
import { statusLabel } from '../components/LessonStatusIcon.tsx'
import { usePageTitle } from '../../shared/usePageTitle.ts'
import { Check, Lab, TryIt } from '../activities.tsx'
import { CourseSidebar } from './LessonSidebar.tsx'
import { LessonCompleteCard } from './LessonCompleteCard.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import './LessonPage.css'

/** What a lesson's MDX can use without an import: the course's components and the activities. */
const lessonComponents = { ...mdxComponents, Check, Lab, TryIt }

type MDXContent = ComponentType<{ components?: Record<string, unknown> }>
const contentCache = new Map<string, ComponentType>()
const moduleCache = new Map<string, Promise<LessonModule>>()

/** One download per lesson: the body and its own frontmatter (summary, objectives) come together. */
function lessonModule(meta: LessonMeta): Promise<LessonModule> {
  let p = moduleCache.get(meta.slug)
  if (!p) {
    p = loadLesson(meta)
    // A failed download may be retried by a later visit (after a reload of the page).
    p.catch(() => moduleCache.delete(meta.slug))
    moduleCache.set(meta.slug, p)
  }
  return p
}

function lessonContent(meta: LessonMeta): ComponentType {
  let C = contentCache.get(meta.slug)
  if (!C) {
    C = lazy(() => lessonModule(meta).then((m) => ({ default: m.default as MDXContent })))
    contentCache.set(meta.slug, C)
  }
  return C
}

/** The summary and objectives, from the lesson's own chunk (the index carries only titles). */
function LessonIntro({ meta }: { meta: LessonMeta }) {
  const fm = use(lessonModule(meta)).frontmatter
  if (!fm) return null
  return (
    <>
      <p className="lesson-summary">{fm.summary}</p>
      <section className="lesson-objectives" aria-labelledby="objectives-heading">
        <h2 id="objectives-heading" className="lesson-objectives-title">
          <TargetIcon width={18} height={18} /> In this lesson you will
        </h2>
        <ul>
          {fm.objectives.map((o) => (
            <li key={o}>
              <CheckIcon width={16} height={16} className="lesson-objectives-check" /> <span>{o}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

interface Heading {
  id: string
  text: string
  level: 2 | 3
}

export function LessonPage() {
  const { slug } = useParams()
  const meta = findLesson(slug)
  if (!meta) return <NotFoundPage what="lesson" />
  return <Lesson key={meta.slug} meta={meta} />
}

function Lesson({ meta }: { meta: LessonMeta }) {
  usePageTitle(meta.title)
  const [params] = useSearchParams()
  const section = params.get('section')
  const navigate = useNavigate()
  const location = useLocation()
  const articleRef = useRef<HTMLDivElement>(null)
  const [headings, setHeadings] = useState<Heading[] | null>(null)
  const [active, setActive] = useState<string | null>(null)
  const [tocOpen, setTocOpen] = useState(false)
  const Content = lessonContent(meta)
  const { prev, next } = neighbours(meta.slug)
  const index = lessonIndex(meta.slug)
  const status = useProgress((s) => lessonStatus(s, meta.slug))

  // Record the visit (and the section, if the URL names one).
  useEffect(() => {
    progressStore.getState().visitLesson(meta.slug, section)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meta.slug])

  // Collect the lesson's headings for the outline once its content is in the DOM. A
  // MutationObserver catches the moment the lazily loaded body lands, however it arrives
  // (first load, client navigation, retry after a failed download).
  useEffect(() => {
    const root = articleRef.current
    if (!root) return
    let last = ''
    setHeadings(null)
    const collect = () => {
      const hs: Heading[] = []
      root.querySelectorAll<HTMLHeadingElement>('h2[id], h3[id]').forEach((h) => {
        // Headings inside a lab or a check belong to that component, not to the lesson's outline.
        if (h.closest('.not-prose')) return
        hs.push({ id: h.id, text: h.textContent ?? '', level: h.tagName === 'H2' ? 2 : 3 })
      })
      if (hs.length === 0) return
      const key = hs.map((h) => `${h.level}:${h.id}:${h.text}`).join('|')
      if (key === last) return
      last = key
      setHeadings(hs)
    }
    collect()
    const observer = new MutationObserver(collect)
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [meta.slug])

  // Scroll to ?section= once the content is in, and whenever it changes.
  useLayoutEffect(() => {
    if (!headings || !section) return
    const el = document.getElementById(section)
    if (!el || !articleRef.current?.contains(el)) return
    el.setAttribute('tabindex', '-1')
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
    // Briefly highlight the heading the link pointed at.
    el.classList.remove('is-target')
    void el.offsetWidth
    el.classList.add('is-target')
    setActive(section)
    progressStore.getState().setLocation(meta.slug, section)
  }, [headings, section, meta.slug, location.key])

  // Track the section being read: highlight it in the outline and remember it.
  useEffect(() => {
    if (!headings || headings.length === 0) return
    let frame = 0
    let saveTimer = 0
    const update = () => {
      frame = 0
      const offset = 120
      let current: string | null = null
      for (const h of headings) {
        const el = document.getElementById(h.id)
        if (el && el.getBoundingClientRect().top - offset <= 0) current = h.id
      }
      setActive(current)
      window.clearTimeout(saveTimer)
      saveTimer = window.setTimeout(() => progressStore.getState().setLocation(meta.slug, current), 400)
    }
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
      window.clearTimeout(saveTimer)
    }
  }, [headings, meta.slug])

  const goToSection = (id: string) => {
    setTocOpen(false)
    navigate({ search: `?section=${encodeURIComponent(id)}` }, { replace: true, preventScrollReset: true })
  }

  const outline = headings && headings.length > 0 && (
    <ol className="lesson-outline-list">
      {headings.map((h) => (
        <li key={h.id} className={`lesson-outline-item lesson-outline-item-h${h.level}`}>
          <Link
            to={{ search: `?section=${encodeURIComponent(h.id)}` }}
            replace
            preventScrollReset
            className="lesson-outline-link"
            aria-current={active === h.id ? 'location' : undefined}
            onClick={(e) => {
              e.preventDefault()
              goToSection(h.id)
            }}
          >
            {h.text}
          </Link>
        </li>
      ))}
    </ol>
  )

  return (
    <div className="lesson-layout">
      <CourseSidebar current={meta} open={tocOpen} onToggle={() => setTocOpen((o) => !o)} />

      <article className="lesson" aria-labelledby="lesson-title">
        <header className="lesson-header">
          <nav aria-label="Breadcrumb" className="lesson-breadcrumb">
            <ol>
              <li>
                <Link to="/">Course</Link>
              </li>
              <li>
                <span>{meta.module}</span>
              </li>
              <li>
                <span aria-current="page">Lesson {meta.order}</span>
              </li>
            </ol>
          </nav>
          <h1 id="lesson-title" className="lesson-title">
            {meta.title}
          </h1>
          <ul className="lesson-meta" aria-label="About this lesson">
            <li>
              <ClockIcon width={16} height={16} /> {formatDuration(meta.duration)}
            </li>
            <li>
              Lesson {index + 1} of {lessons.length}
            </li>
            <li className={`pill pill-${status}`} data-testid="lesson-status">
              {statusLabel(status)}
            </li>
          </ul>
          <LessonErrorBoundary quiet>
            <Suspense fallback={<div className="lesson-objectives-skeleton" aria-hidden="true" />}>
              <LessonIntro meta={meta} />
            </Suspense>
          </LessonErrorBoundary>
        </header>

        {outline && (
          <details className="lesson-outline-inline">
            <summary>
              <ListIcon width={16} height={16} /> On this page
            </summary>
            <nav aria-label="On this page (menu)">{outline}</nav>
          </details>
        )}

        <div className="lesson-prose" ref={articleRef} data-testid="lesson-body">
          <LessonErrorBoundary>
            <Suspense fallback={<LessonSkeleton />}>
              <LessonContext.Provider value={meta}>
                <MDXProvider components={lessonComponents}>
                  <Content />
                </MDXProvider>
              </LessonContext.Provider>
            </Suspense>
          </LessonErrorBoundary>
        </div>

        <LessonCompleteCard meta={meta} next={next} />

        <nav className="lesson-pager" aria-label="Previous and next lesson">
          {prev ? (
            <Link
              to={`/lessons/${prev.slug}`}
              className="lesson-pager-link lesson-pager-prev"
              rel="prev"
              data-testid="prev-lesson"
            >
              <span className="lesson-pager-dir">
                <ArrowLeftIcon width={16} height={16} /> Previous
              </span>
              <span className="lesson-pager-title">{prev.title}</span>
            </Link>
          ) : (
            <Link to="/" className="lesson-pager-link lesson-pager-prev">
              <span className="lesson-pager-dir">
                <ArrowLeftIcon width={16} height={16} /> Back to
              </span>
              <span className="lesson-pager-title">Course overview</span>
            </Link>
          )}
          {next ? (
            <Link
              to={`/lessons/${next.slug}`}
              className="lesson-pager-link lesson-pager-next"
              rel="next"
              data-testid="next-lesson"
            >
              <span className="lesson-pager-dir">
                Next <ArrowRightIcon width={16} height={16} />
              </span>
              <span className="lesson-pager-title">{next.title}</span>
            </Link>
          ) : (
            <Link to="/assessment" className="lesson-pager-link lesson-pager-next">
              <span className="lesson-pager-dir">
                Finished? <ArrowRightIcon width={16} height={16} />
              </span>
              <span className="lesson-pager-title">Take the self-assessment</span>
            </Link>
          )}
        </nav>
      </article>

      <div className="lesson-outline-aside">
        {outline && (
          <nav className="lesson-outline-sticky" aria-labelledby="outline-title">
            <p className="lesson-outline-title" id="outline-title">
              On this page
            </p>
            {outline}
          </nav>
        )}
      </div>
    </div>
  )
}

function LessonSkeleton() {
  return (
    // A status whose text says what is happening (an aria-label on a div without a role is not
    // allowed: axe's aria-prohibited-attr); the shimmering lines are decoration.
    <div className="lesson-skeleton" role="status">
      <span className="sr-only">Loading the lesson…</span>
      <div className="lesson-skeleton-line lesson-skeleton-line-w40 lesson-skeleton-line-tall" aria-hidden="true" />
      <div className="lesson-skeleton-line" aria-hidden="true" />
      <div className="lesson-skeleton-line" aria-hidden="true" />
      <div className="lesson-skeleton-line lesson-skeleton-line-w80" aria-hidden="true" />
      <div className="lesson-skeleton-block" aria-hidden="true" />
      <div className="lesson-skeleton-line" aria-hidden="true" />
      <div className="lesson-skeleton-line lesson-skeleton-line-w60" aria-hidden="true" />
    </div>
  )
}

class LessonErrorBoundary extends Component<{ children: ReactNode; quiet?: boolean }, { error: Error | null }> {
  override state = { error: null as Error | null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    if (this.state.error) {
      // The header's part shows nothing: the body's boundary explains the failure once.
      if (this.props.quiet) return null
      return (
        <div className="callout callout-warning" role="alert">
          <div className="callout-head">
            <span className="callout-kind">This lesson could not be loaded</span>
          </div>
          <div className="callout-body">
            <p>Your connection may have dropped, or the course was updated since this page was opened.</p>
            <p>
              <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
                Reload the page
              </button>
            </p>
          </div>
        </div>
      )
    }
    return this.props.children
  }
}
