/**
 * Vite plugin: `virtual:lesson-index` exports the metadata (frontmatter) of every lesson,
 * read at build time. The home page, sidebar and progress page import this light module,
 * so they never download lesson bodies.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { frontmatterBlock, scanLessons } from './lessons.ts'

const PUBLIC_ID = 'virtual:lesson-index'
const RESOLVED_ID = '\0' + PUBLIC_ID
// Summaries and objectives of every lesson: only the home page needs them all.
const DETAILS_ID = 'virtual:lesson-details'
const RESOLVED_DETAILS_ID = '\0' + DETAILS_ID

export function lessonIndexPlugin(options: { root: string; lessonsDir?: string }): Plugin {
  const lessonsDir = options.lessonsDir ?? path.join(options.root, 'content', 'lessons')
  return {
    name: 'lf-lesson-index',
    resolveId(id) {
      if (id === PUBLIC_ID) return RESOLVED_ID
      if (id === DETAILS_ID) return RESOLVED_DETAILS_ID
      return null
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_DETAILS_ID) return null
      const scan = scanLessons(lessonsDir, options.root)
      this.addWatchFile(lessonsDir)
      for (const f of scan.files) this.addWatchFile(f)
      const fmt = (p: { file: string; line?: number; message: string }) =>
        `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`
      const errors = scan.problems.filter((p) => !p.warning)
      for (const w of scan.problems.filter((p) => p.warning)) this.warn(fmt(w))
      if (errors.length > 0) {
        this.error(`Lesson content has problems (run npm run check:content):\n${errors.map(fmt).join('\n')}`)
      }
      if (id === RESOLVED_DETAILS_ID) {
        const details = Object.fromEntries(
          scan.lessons.map((l) => [l.slug, { summary: l.summary, objectives: l.objectives }]),
        )
        return `export const details = ${JSON.stringify(details)};\n`
      }
      const slim = scan.lessons.map(({ summary: _s, objectives: _o, ...meta }) => meta)
      return `export const lessons = ${JSON.stringify(slim)};\n`
    },
    configureServer(server) {
      // New, renamed or edited lessons change the index: reload it.
      server.watcher.add(lessonsDir)
      const seen = new Map<string, string>()
      const onChange = (file: string) => {
        if (!file.startsWith(lessonsDir) || !file.endsWith('.mdx')) return
        let fm: string
        try {
          fm = frontmatterBlock(readFileSync(file, 'utf8'))?.yaml ?? ''
        } catch {
          fm = '(deleted)'
        }
        if (seen.get(file) === fm) return // body-only edits hot-reload through MDX itself
        seen.set(file, fm)
        for (const rid of [RESOLVED_ID, RESOLVED_DETAILS_ID]) {
          const mod = server.moduleGraph.getModuleById(rid)
          if (mod) server.moduleGraph.invalidateModule(mod)
        }
        server.ws.send({ type: 'full-reload' })
      }
      server.watcher.on('add', onChange)
      server.watcher.on('unlink', onChange)
      server.watcher.on('change', onChange)
    },
  }
}
