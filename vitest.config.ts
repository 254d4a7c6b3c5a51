import { defineConfig } from 'vitest/config'

// Unit tests run in Node. They must not load the MDX/React build pipeline, so this
// config is separate from vite.config.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
})
