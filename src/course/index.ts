// The course's public entry for the features built on it (docs: src/README.md, "Imports"):
// the learner's progress record, the lesson being read, and the list of lessons. The quiz and
// the labs record their results here; they import this file, never the course's other modules.
export { progressStore, useProgress, lessonStatus, type LessonStatus } from './progress.ts'
export { createProgressStore, NO_STORAGE, type ProgressState, type ProgressStore } from './progress-store.ts'
export { emptyProgress, type AssessmentAttempt, type ProgressData } from './progress-schema.ts'
export { useCurrentLesson } from './lesson-context.ts'
export { lessons, findLesson } from './registry.ts'
export type { LessonMeta } from './types.ts'
