/** Minimal chrome around an embedded lab or check: the content, and a small link to the course. */
import type { ReactNode } from 'react'
import './EmbedChrome.css'

/** The lesson that places the activity (its slug and title link back to it), or null. */
export interface EmbedLesson {
  slug: string
  title: string
}

export function EmbedChrome({ lesson, children }: { lesson: EmbedLesson | null; children: ReactNode }) {
  const course = `${window.location.pathname}#/${lesson ? `lessons/${lesson.slug}` : ''}`
  return (
    <div className="embed-root">
      <main id="main" className="embed-main">
        {children}
      </main>
      <footer className="embed-footer">
        <a href={course} target="_blank" rel="noopener">
          {lesson ? `From “${lesson.title}” · Lambda Foundations` : 'Lambda Foundations'}
        </a>
      </footer>
    </div>
  )
}
