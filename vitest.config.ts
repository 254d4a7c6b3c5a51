import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { lessonIndexPlugin } from './src/course/build/lesson-index-plugin.ts'

// Unit tests run in Node. They must not load the MDX/React build pipeline, so this
// config is separate from vite.config.ts. The lesson index (frontmatter only) is available, so a
// feature's public entry that lists the lessons can be imported in a test.
export default defineConfig({
  plugins: [lessonIndexPlugin({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
})
