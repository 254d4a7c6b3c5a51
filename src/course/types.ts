/** Metadata of one lesson, read from its frontmatter at build time. */
export interface LessonMeta {
  /** File name without `NN-` and `.mdx`; the URL segment. */
  slug: string
  /** The `NN` prefix as a number: the lesson's place in the course. */
  order: number
  /** Path of the source file relative to the project root, e.g. `content/lessons/01-x.mdx`. */
  file: string
  title: string
  summary: string
  module: string
  objectives: string[]
  /** Minutes (reading + activities). */
  duration: number
  /** Ids of the knowledge checks the lesson places (`<Check id>`), in order. */
  checks: string[]
  /** Ids of the labs the lesson places (`<Lab id>`). */
  labs: string[]
}

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
