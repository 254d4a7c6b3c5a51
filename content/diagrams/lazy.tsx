// Figures loaded after the lesson text, each in its own small chunk, so the text appears first
// and a lesson page's initial JavaScript stays within its budget (as the knowledge checks do).
// A figure loads when the reader comes within a screen of it (or points at it, or moves focus
// into it), not with the page. A lesson imports a figure from here, under the figure's own name,
// instead of from the figure's file, and uses it the same way. Until it is in, a muted line holds
// roughly the figure's height, so the text below does not jump.
import { lazy, Suspense, useState, type ComponentType } from 'react'
import { useNearViewport } from '../../src/shared/useNearViewport.ts'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- most figures take no props
export function lazyFigure<P extends object = {}>(load: () => Promise<ComponentType<P>>, minHeight: string) {
  const Figure = lazy(() => load().then((component) => ({ default: component })))
  return function LazyFigure(props: P) {
    const [el, setEl] = useState<HTMLElement | null>(null)
    const near = useNearViewport(el, '100%')
    const placeholder = (
      <p ref={setEl} role="status" style={{ minHeight, margin: 0, color: 'var(--lf-text-muted)' }}>
        Loading the figure…
      </p>
    )
    if (!near) return placeholder
    return (
      <Suspense fallback={placeholder}>
        <Figure {...props} />
      </Suspense>
    )
  }
}

// Lesson 1, introduction to serverless
export const WhoDoesWhat = lazyFigure(() => import('./WhoDoesWhat').then((m) => m.WhoDoesWhat), '16rem')
export const ServerlessPlatform = lazyFigure(
  () => import('./ServerlessPlatform').then((m) => m.ServerlessPlatform),
  '18rem',
)
export const EventRouter = lazyFigure(() => import('./EventRouter').then((m) => m.EventRouter), '20rem')
export const FunctionAnatomy = lazyFigure(() => import('./FunctionAnatomy').then((m) => m.FunctionAnatomy), '12rem')
// Lesson 2, how Lambda works
export const InvocationFlow = lazyFigure(() => import('./InvocationFlow').then((m) => m.InvocationFlow), '10rem')
export const RetryExplorer = lazyFigure(() => import('./RetryExplorer').then((m) => m.RetryExplorer), '20rem')
export const ErrorComparison = lazyFigure(() => import('./ErrorComparison').then((m) => m.ErrorComparison), '16rem')

// Lesson 3, the execution environment
export const ExecutionEnvironment = lazyFigure(
  () => import('./ExecutionEnvironment').then((m) => m.ExecutionEnvironment),
  '14rem',
)
export const LifecycleSimulator = lazyFigure(
  () => import('./LifecycleSimulator').then((m) => m.LifecycleSimulator),
  '14rem',
)
// Lesson 4, permissions
export const WhoCanCall = lazyFigure(() => import('./WhoCanCall').then((m) => m.WhoCanCall), '14rem')
export const VpcAccess = lazyFigure(() => import('./VpcAccess').then((m) => m.VpcAccess), '14rem')
// Lesson 5, authoring functions
export const HandlerAnatomy = lazyFigure(() => import('./HandlerAnatomy').then((m) => m.HandlerAnatomy), '34rem')
export const SamTransform = lazyFigure(() => import('./SamTransform').then((m) => m.SamTransform), '16rem')
export const SamPipeline = lazyFigure(() => import('./SamPipeline').then((m) => m.SamPipeline), '30rem')
// Lesson 6, configuring functions
export const MemoryPowerTuner = lazyFigure(() => import('./MemoryPowerTuner').then((m) => m.MemoryPowerTuner), '12rem')
export const ConcurrencyPool = lazyFigure(() => import('./ConcurrencyPool').then((m) => m.ConcurrencyPool), '12rem')
export const ConcurrencySimulator = lazyFigure(
  () => import('./ConcurrencySimulator').then((m) => m.ConcurrencySimulator),
  '12rem',
)
// Lesson 7, deploying and testing
export const VersionsAliases = lazyFigure(() => import('./VersionsAliases').then((m) => m.VersionsAliases), '12rem')
export const WeightedAliasRouter = lazyFigure(
  () => import('./WeightedAliasRouter').then((m) => m.WeightedAliasRouter),
  '12rem',
)
export const TrafficShiftTimeline = lazyFigure(
  () => import('./TrafficShiftTimeline').then((m) => m.TrafficShiftTimeline),
  '12rem',
)
// Lesson 8, monitoring and troubleshooting
export const ReportLineExplorer = lazyFigure(() => import('./ReportLineExplorerView').then((m) => m.default), '22rem')
export const TraceWaterfall = lazyFigure(() => import('./TraceWaterfallView').then((m) => m.default), '14rem')
export const MetricDashboard = lazyFigure(() => import('./MetricDashboardCharts').then((m) => m.default), '24rem')
