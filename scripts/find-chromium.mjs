// Finds a Chromium for Playwright, in this order:
//   1. Playwright's own Chromium, if it is installed (npx playwright install chromium);
//   2. a system Chromium (/usr/bin/chromium and friends, or $LF_CHROMIUM_PATH);
//   3. installs Debian's chromium with apt-get when running as root.
// Returns { path, source } where path is '' for Playwright's own browser.
import { existsSync } from 'node:fs'
import { execFileSync, spawnSync } from 'node:child_process'

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

async function playwrightOwn() {
  try {
    const { chromium } = await import('@playwright/test')
    const p = chromium.executablePath()
    return p && existsSync(p) ? p : null
  } catch {
    return null
  }
}

export async function findChromium({ log = console.log } = {}) {
  const fromEnv = process.env.LF_CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: `LF_CHROMIUM_PATH (${fromEnv})` }
  const own = await playwrightOwn()
  if (own) return { path: '', source: `Playwright's own Chromium (${own})` }
  for (const c of SYSTEM_CANDIDATES) if (existsSync(c)) return { path: c, source: `system Chromium (${c})` }

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    log("No Chromium found: installing Debian's chromium with apt-get (one time)…")
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    for (const c of SYSTEM_CANDIDATES)
      if (existsSync(c)) return { path: c, source: `system Chromium, just installed with apt-get (${c})` }
  }
  throw new Error(
    'No Chromium found. Install one of:\n' +
      "  - Playwright's own:   npx playwright install chromium\n" +
      '  - Debian/Ubuntu:      sudo apt-get install -y chromium\n' +
      '  - or point LF_CHROMIUM_PATH at a Chromium/Chrome binary.',
  )
}
