declare module '*.mdx' {
  import type { ComponentType } from 'react'
  import type { MDXComponents } from 'mdx/types'
  export const frontmatter: import('../src/course/types.ts').LessonFrontmatter
  const MDXContent: ComponentType<{ components?: MDXComponents }>
  export default MDXContent
}

declare module 'virtual:lesson-index' {
  export const lessons: import('../src/course/types.ts').LessonMeta[]
}

declare module 'virtual:lesson-details' {
  export const details: Record<string, import('../src/course/types.ts').LessonDetails>
}

declare module 'virtual:lf-sdk-types' {
  /** Per provided SDK package: its type declarations (`file:///node_modules/…` → text), loaded lazily. */
  export const SDK_TYPE_LOADERS: Record<string, () => Promise<{ default: Record<string, string> }>>
}
