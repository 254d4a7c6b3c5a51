import { Link } from 'react-router'
import { useShallow } from 'zustand/react/shallow'
import { lessonStatus, useProgress } from '../../course/progress.ts'
import { lessons, modules } from '../../course/registry.ts'
import type { LessonMeta } from '../../course/types.ts'
import { ListIcon } from '../../shared/icons.tsx'
import { LessonStatusIcon } from '../components/LessonStatusIcon.tsx'

/** The course's table of contents beside a lesson, with each lesson's status (a menu on narrow screens). */
export function CourseSidebar({
  current,
  open,
  onToggle,
}: {
  current: LessonMeta
  open: boolean
  onToggle: () => void
}) {
  const progress = useProgress(useShallow((s) => ({ lessons: s.lessons })))
  const done = lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
  return (
    <div className={`lesson-sidebar${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="lesson-sidebar-toggle"
        aria-expanded={open}
        aria-controls="course-toc"
        onClick={onToggle}
      >
        <ListIcon width={18} height={18} />
        <span>Course contents</span>
        <span className="lesson-sidebar-toggle-count">
          {done}/{lessons.length} done
        </span>
      </button>
      <nav id="course-toc" className="lesson-toc" aria-label="Course contents">
        {modules.map((m, i) => (
          <div key={m.name} className="lesson-toc-module">
            <p className="lesson-toc-module-title">
              <span className="lesson-toc-module-num">{i + 1}</span>
              {m.name}
            </p>
            <ol className="lesson-toc-lessons">
              {m.lessons.map((l) => {
                const st = lessonStatus(progress, l.slug)
                const isCurrent = l.slug === current.slug
                return (
                  <li key={l.slug}>
                    <Link
                      to={`/lessons/${l.slug}`}
                      className={`lesson-toc-link${isCurrent ? ' is-current' : ''}`}
                      aria-current={isCurrent ? 'page' : undefined}
                    >
                      <LessonStatusIcon status={st} number={l.order} />
                      <span className="lesson-toc-link-text">{l.title}</span>
                    </Link>
                  </li>
                )
              })}
            </ol>
          </div>
        ))}
      </nav>
    </div>
  )
}
