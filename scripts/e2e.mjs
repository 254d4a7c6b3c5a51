#!/usr/bin/env node
// Runs the Playwright end-to-end suite against the production build in a real Chromium.
// It finds (or provisions) the browser itself and says which one it uses.
//   node scripts/e2e.mjs [playwright test args…]
import { spawn } from 'node:child_process'
import { findChromium } from './find-chromium.mjs'

let browser
try {
  browser = await findChromium()
} catch (err) {
  console.error(err.message)
  process.exit(1)
}
console.log(`e2e: using ${browser.source}`)
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, LF_CHROMIUM_PATH: browser.path },
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
