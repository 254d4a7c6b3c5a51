import { Component, type ReactNode } from 'react'

/** Catches a page that failed to render or load (e.g. a chunk missing after a redeploy). */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override componentDidUpdate() {
    if (this.state.error) document.title = 'Something went wrong · Lambda Foundations'
  }
  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="container container-narrow error-page" data-testid="route-error">
        <p className="error-page-code" aria-hidden="true">
          Oops
        </p>
        <h1 className="page-title">This page could not be shown</h1>
        <p className="page-lead">
          Your connection may have dropped, or the course was updated since this page was opened. Your progress is safe:
          it is stored on this device.
        </p>
        <p>
          <button type="button" className="btn btn-primary btn-lg" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </div>
    )
  }
}
