import { lazyFigure } from './lazyFigure';

/** Lesson 8, interactive: the fields of a REPORT line (code in ReportLineExplorerView, loaded after the page). */
export const ReportLineExplorer = lazyFigure(() => import('./ReportLineExplorerView'), '22rem');
