#!/usr/bin/env node
// Screenshots of the built course: home and a lesson, at 1280 px and 375 px, light and dark.
// Builds nothing: it uses an already served site, or starts scripts/serve.mjs on dist/ itself.
//
//   node scripts/screenshot.mjs [--url http://127.0.0.1:4173/] [--out /tmp/shots]
//                               [--lesson <slug>] [--no-readme] [--full] [--all]
//
// Writes <out>/{home,lesson}-{desktop,phone}-{light,dark}.png, and docs/screenshot.png
// (desktop, light, home) for the README unless --no-readme is given. With --all, also the
// playground after an invoke (playground-*.png) and the first lesson that has a lab, scrolled to
// its lab once the lab and its editor are in (lab-*.png).
// Browser: LF_CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own Chromium.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback
}
const flag = (name) => args.includes(`--${name}`)

const out = path.resolve(opt('out', '/tmp/shots'))
const fullPage = flag('full')
let url = opt('url', null)
let server = null

function firstLabLesson() {
  const dir = path.join(root, 'content', 'lessons')
  for (const f of existsSync(dir) ? readdirSync(dir).sort() : []) {
    if (!/^\d{2}-.+\.mdx$/.test(f)) continue
    const m = /<Lab\s+id="([^"]+)"/.exec(readFileSync(path.join(dir, f), 'utf8'))
    if (m) return { slug: f.replace(/^\d{2}-/, '').replace(/\.mdx$/, ''), lab: m[1] }
  }
  return null
}

function firstLessonSlug() {
  const dir = path.join(root, 'content', 'lessons')
  const f = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^\d{2}-.+\.mdx$/.test(n))
        .sort()[0]
    : undefined
  return f ? f.replace(/^\d{2}-/, '').replace(/\.mdx$/, '') : null
}
const lesson = opt('lesson', firstLessonSlug())

async function startServer() {
  const port = 4190 + Math.floor(Math.random() * 200)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port), '--base', '/'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000)
    child.stdout.on('data', (d) => {
      const m = /https?:\/\/\S+/.exec(String(d))
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[0] })
      }
    })
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)))
  })
}

function browserPath() {
  if (process.env.LF_CHROMIUM_PATH && existsSync(process.env.LF_CHROMIUM_PATH)) return process.env.LF_CHROMIUM_PATH
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined // Playwright's own
}

if (!url) {
  server = await startServer()
  url = server.url
}
if (!url.endsWith('/')) url += '/'
mkdirSync(out, { recursive: true })

const executablePath = browserPath()
console.log(`screenshot: ${url} with ${executablePath ?? "Playwright's own Chromium"} -> ${out}`)
const browser = await chromium.launch({
  executablePath,
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
})

const pages = [{ name: 'home', hash: '#/', ready: '[data-testid="module-list"]' }]
if (lesson) pages.push({ name: 'lesson', hash: `#/lessons/${lesson}`, ready: '[data-testid="lesson-body"] h2' })
if (flag('all')) {
  pages.push({
    name: 'playground',
    hash: '#/playground',
    ready: '[data-testid="playground"] .monaco-editor',
    act: async (page) => {
      await page.getByTestId('invoke').click()
      await page.getByTestId('result-status').waitFor({ timeout: 60_000 })
    },
  })
  const withLab = firstLabLesson()
  if (withLab)
    pages.push({
      name: 'lab',
      hash: `#/lessons/${withLab.slug}`,
      ready: '[data-testid="lesson-body"] h2',
      // A lab loads as the reader nears it: scroll to it and wait for it and its editor.
      act: async (page) => {
        const lab = page.locator(`[data-lab-id="${withLab.lab}"]`)
        await lab.scrollIntoViewIfNeeded()
        await lab.locator('.monaco-editor').first().waitFor({ timeout: 60_000 })
        await lab.evaluate((el) => el.scrollIntoView({ block: 'start' }))
        await page.waitForTimeout(500)
      },
    })
}
const viewports = [
  { name: 'desktop', width: 1280, height: 860 },
  { name: 'phone', width: 375, height: 780 },
]
const written = []
try {
  for (const theme of ['light', 'dark']) {
    for (const vp of viewports) {
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        deviceScaleFactor: 1,
        colorScheme: theme,
        reducedMotion: 'reduce',
      })
      const page = await context.newPage()
      for (const p of pages) {
        await page.goto(url + p.hash)
        await page.waitForSelector(p.ready, { timeout: 15_000 })
        await page.evaluate(() => document.fonts.ready)
        if (p.act) await p.act(page)
        const file = path.join(out, `${p.name}-${vp.name}-${theme}.png`)
        await page.screenshot({ path: file, fullPage })
        written.push(file)
        if (p.name === 'home' && vp.name === 'desktop' && theme === 'light' && !flag('no-readme')) {
          const readme = path.join(root, 'docs', 'screenshot.png')
          mkdirSync(path.dirname(readme), { recursive: true })
          await page.screenshot({ path: readme })
          written.push(readme)
        }
      }
      await context.close()
    }
  }
} finally {
  await browser.close()
  server?.child.kill()
}
for (const f of written) console.log(`  ${f}`)
