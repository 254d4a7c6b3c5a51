import { lazy, Suspense } from 'react'
import { HashRouter, Route, Routes } from 'react-router'
import { Shell } from './Shell.tsx'

// Hash routes (#/lessons/<slug>) work on any static host and sub-path with no rewrites.
// The declarative HashRouter is used rather than createHashRouter: same URLs, but about 17 KB
// gzip less JavaScript on every page (the data-router APIs are not needed here).
// Each page is its own chunk; a lesson page loads only its own lesson body.
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })))
const LessonPage = lazy(() => import('./pages/LessonPage.tsx').then((m) => ({ default: m.LessonPage })))
const ProgressPage = lazy(() => import('./pages/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })))
const AssessmentPage = lazy(() => import('../quiz/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })))
const EmbedCheckPage = lazy(() => import('./pages/EmbedCheckPage.tsx').then((m) => ({ default: m.EmbedCheckPage })))
const PlaygroundPage = lazy(() =>
  import('../playground/PlaygroundPage.tsx').then((m) => ({ default: m.PlaygroundPage })),
)
const EmbedLabPage = lazy(() => import('./pages/EmbedLabPage.tsx').then((m) => ({ default: m.EmbedLabPage })))
// An LMS package's page (#/lms/<pack-id>): the LMS runtime loads only here.
const LmsPage = lazy(() => import('./lms/LmsPage.tsx').then((m) => ({ default: m.LmsPage })))
const InstructorsPage = lazy(() => import('./lms/InstructorsRoute.tsx').then((m) => ({ default: m.InstructorsRoute })))
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })))

export function App() {
  return (
    <HashRouter>
      <Routes>
        {/* Embeds: minimal chrome, for iframes (docs/embedding.md). */}
        <Route
          path="embed/check/:id"
          element={
            <Suspense fallback={null}>
              <EmbedCheckPage />
            </Suspense>
          }
        />
        <Route
          path="embed/lab/:id"
          element={
            <Suspense fallback={null}>
              <EmbedLabPage />
            </Suspense>
          }
        />
        {/* An LMS package: minimal chrome, inside the LMS's frame (docs/instructors.md). */}
        <Route
          path="lms/:packId"
          element={
            <Suspense fallback={null}>
              <LmsPage />
            </Suspense>
          }
        />
        <Route element={<Shell />}>
          <Route index element={<HomePage />} />
          <Route path="lessons/:slug" element={<LessonPage />} />
          <Route path="progress" element={<ProgressPage />} />
          <Route path="assessment" element={<AssessmentPage />} />
          <Route path="playground" element={<PlaygroundPage />} />
          <Route path="instructors" element={<InstructorsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  )
}
