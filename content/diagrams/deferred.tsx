// The figures of lessons 6 and 7, loaded after the lesson text, each in its own small chunk,
// so the text appears first and the page's initial JavaScript stays within budget (the same
// approach as the knowledge checks). A lesson imports these names from this file instead of
// from the diagram's own file, and uses them the same way.
import { lazy, Suspense, type ComponentType } from 'react';

function deferred(load: () => Promise<ComponentType>) {
  const Inner = lazy(() => load().then((component) => ({ default: component })));
  return function Deferred() {
    return (
      <Suspense fallback={<p style={{ minHeight: '12rem', margin: 0, color: 'var(--lf-text-muted)' }}>Loading the figure…</p>}>
        <Inner />
      </Suspense>
    );
  };
}

export const MemoryPowerTuner = deferred(() => import('./MemoryPowerTuner').then((m) => m.MemoryPowerTuner));
export const ConcurrencyPool = deferred(() => import('./ConcurrencyPool').then((m) => m.ConcurrencyPool));
export const ConcurrencySimulator = deferred(() => import('./ConcurrencySimulator').then((m) => m.ConcurrencySimulator));
export const VersionsAliases = deferred(() => import('./VersionsAliases').then((m) => m.VersionsAliases));
export const WeightedAliasRouter = deferred(() => import('./WeightedAliasRouter').then((m) => m.WeightedAliasRouter));
export const TrafficShiftTimeline = deferred(() => import('./TrafficShiftTimeline').then((m) => m.TrafficShiftTimeline));
