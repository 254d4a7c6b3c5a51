/**
 * Metadata of one lesson, read from its frontmatter at build time. This is what every page
 * gets (`virtual:lesson-index`); the longer texts are in LessonDetails.
 */
export interface LessonMeta {
  /** File name without `NN-` and `.mdx`; the URL segment. */
  slug: string
  /** The `NN` prefix as a number: the lesson's place in the course. */
  order: number
  /** Path of the source file relative to the project root, e.g. `content/lessons/01-x.mdx`. */
  file: string
  title: string
  module: string
  /** Minutes (reading + activities). */
  duration: number
  /** Ids of the knowledge checks the lesson places (`<Check id>`), in order. */
  checks: string[]
  /** Ids of the labs the lesson places (`<Lab id>`). */
  labs: string[]
}

/** The longer texts of a lesson: on the home page (`virtual:lesson-details`) and in the lesson's own chunk. */
export interface LessonDetails {
  summary: string
  objectives: string[]
}

/** Everything the build knows about a lesson. */
export type LessonRecord = LessonMeta & LessonDetails

export interface LessonFrontmatter {
  title: string
  summary: string
  module: string
  objectives: string[]
  duration: number
}

export interface CourseModule {
  name: string
  lessons: LessonMeta[]
  duration: number
}
