import mdx from '@mdx-js/rollup'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { lessonIndexPlugin } from './src/course/build/lesson-index-plugin.ts'
import { mdxCompileOptions } from './src/course/build/mdx-options.ts'
import { licenseNotices } from './scripts/license-notices.ts'
import { sdkTypes } from './src/playground/editor/sdk-types/plugin.ts'
import { monacoWorkers } from './src/playground/editor/vite-plugin.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  // Relative asset URLs: one dist/ works from any static host and any sub-path.
  base: './',
  plugins: [
    lessonIndexPlugin({ root }),
    // The code editor creates Monaco's workers itself: drop Monaco's duplicate fallback workers.
    monacoWorkers(),
    // The AWS SDK's type declarations for the editor, one lazy chunk per provided package.
    sdkTypes(root),
    { enforce: 'pre', ...mdx(mdxCompileOptions()) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    // The Worker is bundled separately; QuickJS is named here so its licence is listed too. So are the
    // packages @xapi/cmi5 ships inside its own bundle (the cmi5 client of LMS packages).
    licenseNotices(root, [
      'quickjs-emscripten-core',
      '@jitl/quickjs-wasmfile-release-sync',
      '@xapi/xapi',
      'axios',
      'deepmerge',
      'uuid',
    ]),
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
