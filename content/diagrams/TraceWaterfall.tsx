import { lazyFigure } from './lazyFigure';

/** Lesson 8: an X-Ray trace of one timed-out request (code in TraceWaterfallView, loaded after the page). */
export const TraceWaterfall = lazyFigure(() => import('./TraceWaterfallView'), '14rem');
