// The figures of lessons 3 and 4, each loaded in its own chunk after the lesson text, so the
// page's initial JavaScript stays within its budget (as the knowledge checks do). Lessons
// import these wrappers, which render exactly like the figures themselves.
import { lazy, Suspense, type ComponentType } from 'react';

function later(load: () => Promise<ComponentType>) {
  const Inner = lazy(() => load().then((c) => ({ default: c })));
  return function LazyFigure() {
    return (
      <Suspense fallback={<p style={{ minHeight: '14rem', margin: 0, color: 'var(--lf-text-muted)' }}>Loading the figure…</p>}>
        <Inner />
      </Suspense>
    );
  };
}

export const ExecutionEnvironmentLazy = later(() => import('./ExecutionEnvironment').then((m) => m.ExecutionEnvironment));
export const LifecycleSimulatorLazy = later(() => import('./LifecycleSimulator').then((m) => m.LifecycleSimulator));
export const WhoCanCallLazy = later(() => import('./WhoCanCall').then((m) => m.WhoCanCall));
export const VpcAccessLazy = later(() => import('./VpcAccess').then((m) => m.VpcAccess));
