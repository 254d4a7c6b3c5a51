// The figures of lesson 5 ("Authoring functions"), each loaded in its own chunk after the lesson
// text, so the page's initial JavaScript stays within its budget (as the knowledge checks do).
// The lesson imports these wrappers; they render exactly like the figures themselves.
import { lazy, Suspense, type ComponentType } from 'react';

function later(load: () => Promise<ComponentType>, minHeight: string) {
  const Inner = lazy(() => load().then((c) => ({ default: c })));
  return function LazyFigure() {
    return (
      <Suspense fallback={<p style={{ minHeight, margin: 0, color: 'var(--lf-text-muted)' }}>Loading the figure…</p>}>
        <Inner />
      </Suspense>
    );
  };
}

export const HandlerAnatomyLazy = later(() => import('./HandlerAnatomy').then((m) => m.HandlerAnatomy), '34rem');
export const SamTransformLazy = later(() => import('./SamTransform').then((m) => m.SamTransform), '16rem');
export const SamPipelineLazy = later(() => import('./SamPipeline').then((m) => m.SamPipeline), '30rem');
