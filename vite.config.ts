import mdx from '@mdx-js/rollup'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { lessonIndexPlugin } from './src/course/build/lesson-index-plugin.ts'
import { mdxCompileOptions } from './src/course/build/mdx-options.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  // Relative asset URLs: one dist/ works from any static host and any sub-path.
  base: './',
  plugins: [
    lessonIndexPlugin({ root }),
    { enforce: 'pre', ...mdx(mdxCompileOptions()) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
})
