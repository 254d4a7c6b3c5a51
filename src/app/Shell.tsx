import { Suspense, useEffect, useRef } from 'react'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { useProgress } from '../course/progress.ts'
import { AlertIcon, CloseIcon, LogoMark } from '../shared/icons.tsx'
import { ThemeToggle } from './components/ThemeToggle.tsx'
import { RouteErrorBoundary } from './pages/RouteError.tsx'

/** The current page's link is marked with the state class is-active (src/styles/README.md). */
const navLinkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'site-nav-link is-active' : 'site-nav-link')

export function Shell() {
  const location = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const first = useRef(true)

  // On a new page (not an in-page section change): scroll to top and move focus to <main>,
  // so keyboard and screen-reader users start at the new content.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const params = new URLSearchParams(location.search)
    if (!params.get('section')) window.scrollTo(0, 0)
    mainRef.current?.focus({ preventScroll: true })
    // Only a new page moves focus and scroll; a new ?section= on the same page does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname])

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // With a hash router, a plain #main link would change the route: focus instead.
          e.preventDefault()
          mainRef.current?.focus()
          mainRef.current?.scrollIntoView()
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand" aria-label="Lambda Foundations, course overview">
            <LogoMark size={30} />
            <span className="brand-name">
              Lambda <span className="brand-name-2">Foundations</span>
            </span>
          </Link>
          <nav className="site-nav" aria-label="Main">
            <NavLink to="/" end className={navLinkClass}>
              Course
            </NavLink>
            <NavLink to="/playground" className={navLinkClass}>
              Playground
            </NavLink>
            <NavLink to="/progress" className={navLinkClass}>
              Progress
            </NavLink>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <LoadNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <RouteErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>
            <strong>Lambda Foundations</strong> runs entirely in your browser. Your progress stays on this device.
          </p>
          <p>
            <Link to="/instructors">For instructors</Link>: put the course into your LMS, with scores and completion.
          </p>
          <p className="muted">
            Not affiliated with Amazon Web Services. AWS and AWS Lambda are trademarks of Amazon.com, Inc. or its
            affiliates.
          </p>
        </div>
      </footer>
    </div>
  )
}

/** Says what was reset when saved progress could not be loaded as it was. */
function LoadNotice() {
  const issues = useProgress((s) => s.loadIssues)
  const dismiss = useProgress((s) => s.dismissLoadIssues)
  if (issues.length === 0) return null
  return (
    <div className="load-notice" role="status" data-testid="load-notice">
      <div className="load-notice-inner">
        <AlertIcon className="load-notice-icon" />
        <div className="load-notice-text">
          <strong>We repaired your saved progress.</strong>
          <ul>
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
          <p className="muted">
            Everything else was kept. You can review it on the <Link to="/progress">progress page</Link>.
          </p>
        </div>
        <button type="button" className="icon-btn" onClick={dismiss} aria-label="Dismiss this notice">
          <CloseIcon />
        </button>
      </div>
    </div>
  )
}

function PageLoading() {
  return (
    <div role="status">
      <span className="route-progress is-loading" aria-hidden="true" />
      <span className="sr-only">Loading…</span>
    </div>
  )
}
