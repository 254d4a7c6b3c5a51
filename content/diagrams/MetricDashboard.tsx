import { lazyFigure } from './lazyFigure';

/** Lesson 8, interactive: the checkout function's metrics on sale day (code in MetricDashboardCharts, loaded after the page). */
export const MetricDashboard = lazyFigure(() => import('./MetricDashboardCharts'), '24rem');
