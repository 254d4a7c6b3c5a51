import { Link } from 'react-router'
import { lessons } from '../../course/registry.ts'
import { ArrowRightIcon } from '../../shared/icons.tsx'
import { usePageTitle } from '../../shared/usePageTitle.ts'

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'lesson' }) {
  usePageTitle('Page not found')
  return (
    <div className="container container-narrow error-page" data-testid="not-found">
      <p className="error-page-code" aria-hidden="true">
        404
      </p>
      <h1 className="page-title">
        {what === 'lesson' ? 'We could not find that lesson' : 'We could not find that page'}
      </h1>
      <p className="page-lead">
        The link may be mistyped, or the {what} may have moved. Everything in the course is reachable from the overview.
      </p>
      <p>
        <Link className="btn btn-primary btn-lg" to="/">
          Go to the course overview <ArrowRightIcon width={18} height={18} />
        </Link>
      </p>
      {lessons.length > 0 && (
        <nav aria-label="Lessons" className="error-page-lessons">
          <h2 className="error-page-lessons-title">Or jump to a lesson</h2>
          <ul>
            {lessons.map((l) => (
              <li key={l.slug}>
                <Link to={`/lessons/${l.slug}`}>
                  <span className="muted">{String(l.order).padStart(2, '0')}</span> {l.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  )
}
