import { lazy, Suspense, type ComponentType } from 'react';

/**
 * Wraps a figure whose code loads after the lesson page (a separate chunk), so long lessons keep
 * their initial JavaScript small. While it loads, a muted line holds roughly the figure's height.
 */
export function lazyFigure(load: () => Promise<{ default: ComponentType }>, minHeight: string) {
  const Figure = lazy(load);
  return function LazyFigure() {
    return (
      <Suspense
        fallback={
          <p role="status" style={{ minHeight, margin: 0, color: 'var(--lf-text-muted)' }}>
            Loading the figure…
          </p>
        }
      >
        <Figure />
      </Suspense>
    );
  };
}
