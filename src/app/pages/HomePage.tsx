import { Link } from 'react-router'
import './HomePage.css'
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
      <section className="home-hero" aria-labelledby="hero-title">
        <div className="home-hero-inner">
          <div className="home-hero-copy">
            <p className="eyebrow">AWS Lambda · interactive course</p>
            <h1 id="hero-title" className="home-hero-title">
              {course.tagline.replace(/\.$/, '')}
              <span className="home-hero-dot">.</span>
            </h1>
            <p className="home-hero-lead">{course.description}</p>
            <div className="home-hero-actions">
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
            <p className="home-hero-playground">
              Prefer to experiment first?{' '}
              <Link to="/playground" data-testid="playground-link">
                Open the playground
              </Link>
              : write a handler, invoke it, and watch cold and warm starts.
            </p>
            <ul className="home-hero-facts" aria-label="Course at a glance">
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
          <div className="home-hero-aside">
            <LogPreview />
            <section className="home-hero-card" aria-label="Your progress">
              <div className="home-hero-card-top">
                <ProgressRing value={lessons.length ? completed / lessons.length : 0} size={88} stroke={8}>
                  <span className="ring-big">
                    {lessons.length ? Math.round((completed / lessons.length) * 100) : 0}%
                  </span>
                </ProgressRing>
                <div>
                  <p className="home-hero-card-title">Your progress</p>
                  <p className="home-hero-card-sub">
                    {completed} of {lessons.length} lessons completed
                  </p>
                  <p className="home-hero-card-sub muted">
                    {remaining > 0 ? `About ${formatDuration(remaining)} to go` : 'Course complete'}
                  </p>
                </div>
              </div>
              {resume && started ? (
                <div className="home-resume" data-testid="resume-card">
                  <p className="home-resume-label">Continue where you left off</p>
                  <Link to={resumeHref} className="home-resume-link">
                    <span className="home-resume-title">{resume.title}</span>
                    <span className="home-resume-meta">
                      {resume.module} · Lesson {resume.order}
                      {resumeSection ? ' · saved position' : ''}
                    </span>
                    <ArrowRightIcon className="home-resume-arrow" />
                  </Link>
                </div>
              ) : (
                <div className="home-resume">
                  <p className="home-resume-label">Start here</p>
                  {first && (
                    <Link to={`/lessons/${first.slug}`} className="home-resume-link">
                      <span className="home-resume-title">{first.title}</span>
                      <span className="home-resume-meta">
                        {formatDuration(first.duration)} · {first.module}
                      </span>
                      <ArrowRightIcon className="home-resume-arrow" />
                    </Link>
                  )}
                </div>
              )}
            </section>
          </div>
        </div>
      </section>

      <section className="home-section home-objectives" aria-labelledby="objectives-title">
        <div className="container">
          <h2 id="objectives-title" className="home-section-title">
            What you will be able to do
          </h2>
          <p className="home-section-lead">{course.audience}</p>
          <ul className="home-objective-grid">
            {course.objectives.map((o) => (
              <li key={o} className="home-objective">
                <span className="home-objective-icon">
                  <TargetIcon width={18} height={18} />
                </span>
                <span>{o}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="home-section" aria-labelledby="course-outline-title">
        <div className="container">
          <div className="home-section-head" id="course-outline" tabIndex={-1}>
            <h2 id="course-outline-title" className="home-section-title">
              Course outline
            </h2>
            <p className="home-section-lead">
              {modules.length} {modules.length === 1 ? 'module' : 'modules'} · {lessons.length}{' '}
              {lessons.length === 1 ? 'lesson' : 'lessons'} · about {formatDuration(totalDuration)}
            </p>
          </div>
          <ol className="home-module-list" data-testid="module-list">
            {modules.map((m, mi) => {
              const done = m.lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
              return (
                <li key={m.name} className="home-module-card">
                  <div className="home-module-head">
                    <div>
                      <p className="home-module-kicker">Module {mi + 1}</p>
                      <h3 className="home-module-title">{m.name}</h3>
                      <p className="home-module-meta">
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
                  <ol className="home-lesson-list">
                    {m.lessons.map((l) => {
                      const st = lessonStatus(progress, l.slug)
                      return (
                        <li
                          key={l.slug}
                          className="home-lesson-row"
                          data-testid="lesson-row"
                          data-slug={l.slug}
                          data-status={st}
                        >
                          <LessonStatusIcon status={st} number={l.order} />
                          <div className="home-lesson-row-body">
                            <Link to={`/lessons/${l.slug}`} className="home-lesson-row-link">
                              <span className="home-lesson-row-title">{l.title}</span>
                            </Link>
                            <p className="home-lesson-row-summary">{details[l.slug]?.summary}</p>
                            <details className="home-lesson-row-objectives">
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
                          <div className="home-lesson-row-meta">
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
          {lessons.length === 0 && <p className="home-empty">No lessons yet. Add one under content/lessons/.</p>}
        </div>
      </section>
    </div>
  )
}

/** What one warm invocation looks like in CloudWatch Logs: the kind of output the course runs. */
function LogPreview() {
  const id = '6f1c2a9e-3b7d-4c1e-9a51-0f2d8e4b7c13'
  return (
    <figure className="home-log-preview" aria-label="Example: the log of one warm invocation of a Lambda function">
      <div className="home-log-preview-head" aria-hidden="true">
        <span className="home-log-dots">
          <span />
          <span />
          <span />
        </span>
        <span className="home-log-preview-title">/aws/lambda/place-order</span>
      </div>
      <pre className="home-log-preview-body">
        <span className="home-log-kw">START</span> RequestId: {id} Version: $LATEST{'\n'}
        <span className="home-log-dim">2026-11-27T13:05:42.118Z</span>
        {'\t'}
        <span className="home-log-dim">{id}</span>
        {'\t'}
        <span className="home-log-info">INFO</span>
        {'\t'}Order received A-1042{'\n'}
        <span className="home-log-kw">END</span> RequestId: {id}
        {'\n'}
        <span className="home-log-kw">REPORT</span> RequestId: {id}
        {'\t'}Duration: 12.34 ms{'\t'}Billed Duration: 13 ms{'\t'}Memory Size: 128 MB{'\t'}Max Memory Used: 67 MB
      </pre>
    </figure>
  )
}
