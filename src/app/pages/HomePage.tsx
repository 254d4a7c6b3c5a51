import { Link } from 'react-router'
import { details } from 'virtual:lesson-details'
import { useShallow } from 'zustand/react/shallow'
import { course } from '../../course/course.ts'
import { lessonStatus, useProgress } from '../../course/progress.ts'
import { findLesson, formatDuration, lessons, modules, totalDuration } from '../../course/registry.ts'
import type { LessonMeta } from '../../course/types.ts'
import { ArrowRightIcon, BookIcon, CheckIcon, ClockIcon, TargetIcon } from '../../shared/icons.tsx'
import { LessonStatusIcon, statusLabel } from '../components/LessonStatusIcon.tsx'
import { ProgressBar, ProgressRing } from '../components/ProgressRing.tsx'
import { usePageTitle } from '../../shared/usePageTitle.ts'

export function HomePage() {
  usePageTitle(null)
  const progress = useProgress(useShallow((s) => ({ lessons: s.lessons, lastLocation: s.lastLocation })))
  const completed = lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
  const started = lessons.some((l) => progress.lessons[l.slug])
  const last = findLesson(progress.lastLocation?.slug)
  const firstUnfinished = lessons.find((l) => !progress.lessons[l.slug]?.completedAt)
  const resume: LessonMeta | undefined =
    last && !progress.lessons[last.slug]?.completedAt ? last : (firstUnfinished ?? last)
  const resumeSection = resume && last && resume.slug === last.slug ? progress.lastLocation?.section : null
  const resumeHref = resume
    ? `/lessons/${resume.slug}${resumeSection ? `?section=${encodeURIComponent(resumeSection)}` : ''}`
    : '/'
  const first = lessons[0]
  const remaining = lessons.filter((l) => !progress.lessons[l.slug]?.completedAt).reduce((n, l) => n + l.duration, 0)

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-inner">
          <div className="hero-copy">
            <p className="eyebrow">AWS Lambda · interactive course</p>
            <h1 id="hero-title" className="hero-title">
              {course.tagline.replace(/\.$/, '')}
              <span className="hero-dot">.</span>
            </h1>
            <p className="hero-lead">{course.description}</p>
            <div className="hero-actions">
              {started && resume ? (
                <Link className="btn btn-primary btn-lg" to={resumeHref} data-testid="continue-link">
                  Continue: {resume.title}
                  <ArrowRightIcon width={18} height={18} />
                </Link>
              ) : first ? (
                <Link className="btn btn-primary btn-lg" to={`/lessons/${first.slug}`} data-testid="start-link">
                  Start the course
                  <ArrowRightIcon width={18} height={18} />
                </Link>
              ) : null}
              <button
                type="button"
                className="btn btn-ghost btn-lg"
                onClick={() => {
                  // A button, not an #anchor: with hash routing an anchor would change the route.
                  const el = document.getElementById('course-outline')
                  el?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                  el?.focus({ preventScroll: true })
                }}
              >
                See the outline
              </button>
            </div>
            <p className="hero-playground">
              Prefer to experiment first?{' '}
              <Link to="/playground" data-testid="playground-link">
                Open the playground
              </Link>
              : write a handler, invoke it, and watch cold and warm starts.
            </p>
            <ul className="hero-facts" aria-label="Course at a glance">
              <li>
                <BookIcon width={16} height={16} /> {lessons.length} {lessons.length === 1 ? 'lesson' : 'lessons'} in{' '}
                {modules.length} {modules.length === 1 ? 'module' : 'modules'}
              </li>
              <li>
                <ClockIcon width={16} height={16} /> About {formatDuration(totalDuration)}
              </li>
              <li>
                <CheckIcon width={16} height={16} /> No account or install needed
              </li>
            </ul>
          </div>
          <div className="hero-aside">
            <LogPreview />
            <section className="hero-card" aria-label="Your progress">
              <div className="hero-card-top">
                <ProgressRing value={lessons.length ? completed / lessons.length : 0} size={88} stroke={8}>
                  <span className="ring-big">
                    {lessons.length ? Math.round((completed / lessons.length) * 100) : 0}%
                  </span>
                </ProgressRing>
                <div>
                  <p className="hero-card-title">Your progress</p>
                  <p className="hero-card-sub">
                    {completed} of {lessons.length} lessons completed
                  </p>
                  <p className="hero-card-sub muted">
                    {remaining > 0 ? `About ${formatDuration(remaining)} to go` : 'Course complete'}
                  </p>
                </div>
              </div>
              {resume && started ? (
                <div className="resume" data-testid="resume-card">
                  <p className="resume-label">Continue where you left off</p>
                  <Link to={resumeHref} className="resume-link">
                    <span className="resume-title">{resume.title}</span>
                    <span className="resume-meta">
                      {resume.module} · Lesson {resume.order}
                      {resumeSection ? ' · saved position' : ''}
                    </span>
                    <ArrowRightIcon className="resume-arrow" />
                  </Link>
                </div>
              ) : (
                <div className="resume">
                  <p className="resume-label">Start here</p>
                  {first && (
                    <Link to={`/lessons/${first.slug}`} className="resume-link">
                      <span className="resume-title">{first.title}</span>
                      <span className="resume-meta">
                        {formatDuration(first.duration)} · {first.module}
                      </span>
                      <ArrowRightIcon className="resume-arrow" />
                    </Link>
                  )}
                </div>
              )}
            </section>
          </div>
        </div>
      </section>

      <section className="section objectives-section" aria-labelledby="objectives-title">
        <div className="container">
          <h2 id="objectives-title" className="section-title">
            What you will be able to do
          </h2>
          <p className="section-lead">{course.audience}</p>
          <ul className="objective-grid">
            {course.objectives.map((o) => (
              <li key={o} className="objective">
                <span className="objective-icon">
                  <TargetIcon width={18} height={18} />
                </span>
                <span>{o}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section" aria-labelledby="course-outline-title">
        <div className="container">
          <div className="section-head" id="course-outline" tabIndex={-1}>
            <h2 id="course-outline-title" className="section-title">
              Course outline
            </h2>
            <p className="section-lead">
              {modules.length} {modules.length === 1 ? 'module' : 'modules'} · {lessons.length}{' '}
              {lessons.length === 1 ? 'lesson' : 'lessons'} · about {formatDuration(totalDuration)}
            </p>
          </div>
          <ol className="module-list" data-testid="module-list">
            {modules.map((m, mi) => {
              const done = m.lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
              return (
                <li key={m.name} className="module-card">
                  <div className="module-head">
                    <div>
                      <p className="module-kicker">Module {mi + 1}</p>
                      <h3 className="module-title">{m.name}</h3>
                      <p className="module-meta">
                        {m.lessons.length} {m.lessons.length === 1 ? 'lesson' : 'lessons'} ·{' '}
                        {formatDuration(m.duration)}
                      </p>
                    </div>
                    <ProgressRing
                      value={done / m.lessons.length}
                      size={52}
                      stroke={5}
                      label={`${done} of ${m.lessons.length} lessons completed`}
                    >
                      <span className="ring-small">
                        {done}/{m.lessons.length}
                      </span>
                    </ProgressRing>
                  </div>
                  <ProgressBar
                    value={done / m.lessons.length}
                    label={`${m.name}: ${done} of ${m.lessons.length} lessons completed`}
                  />
                  <ol className="lesson-list">
                    {m.lessons.map((l) => {
                      const st = lessonStatus(progress, l.slug)
                      return (
                        <li
                          key={l.slug}
                          className="lesson-row"
                          data-testid="lesson-row"
                          data-slug={l.slug}
                          data-status={st}
                        >
                          <LessonStatusIcon status={st} number={l.order} />
                          <div className="lesson-row-body">
                            <Link to={`/lessons/${l.slug}`} className="lesson-row-link">
                              <span className="lesson-row-title">{l.title}</span>
                            </Link>
                            <p className="lesson-row-summary">{details[l.slug]?.summary}</p>
                            <details className="lesson-row-objectives">
                              <summary>
                                What you will learn<span className="sr-only"> in “{l.title}”</span>
                              </summary>
                              <ul>
                                {(details[l.slug]?.objectives ?? []).map((o) => (
                                  <li key={o}>{o}</li>
                                ))}
                              </ul>
                            </details>
                          </div>
                          <div className="lesson-row-meta">
                            <span className="pill">
                              <ClockIcon width={14} height={14} /> {formatDuration(l.duration)}
                            </span>
                            <span className={`pill pill-${st}`}>{statusLabel(st)}</span>
                          </div>
                        </li>
                      )
                    })}
                  </ol>
                </li>
              )
            })}
          </ol>
          {lessons.length === 0 && <p className="empty">No lessons yet. Add one under content/lessons/.</p>}
        </div>
      </section>
    </div>
  )
}

/** What one warm invocation looks like in CloudWatch Logs: the kind of output the course runs. */
function LogPreview() {
  const id = '6f1c2a9e-3b7d-4c1e-9a51-0f2d8e4b7c13'
  return (
    <figure className="log-preview" aria-label="Example: the log of one warm invocation of a Lambda function">
      <div className="log-preview-head" aria-hidden="true">
        <span className="log-dots">
          <span />
          <span />
          <span />
        </span>
        <span className="log-preview-title">/aws/lambda/place-order</span>
      </div>
      <pre className="log-preview-body">
        <span className="log-kw">START</span> RequestId: {id} Version: $LATEST{'\n'}
        <span className="log-dim">2026-11-27T13:05:42.118Z</span>
        {'\t'}
        <span className="log-dim">{id}</span>
        {'\t'}
        <span className="log-info">INFO</span>
        {'\t'}Order received A-1042{'\n'}
        <span className="log-kw">END</span> RequestId: {id}
        {'\n'}
        <span className="log-kw">REPORT</span> RequestId: {id}
        {'\t'}Duration: 12.34 ms{'\t'}Billed Duration: 13 ms{'\t'}Memory Size: 128 MB{'\t'}Max Memory Used: 67 MB
      </pre>
    </figure>
  )
}
