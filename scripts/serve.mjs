#!/usr/bin/env node
// Serves the production build (dist/) as a static site, the way any static host would.
//   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1] [--base /sub/path/]
// --base mounts the site under a sub-path, to show the build works there unchanged.
import { createServer } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('../dist', import.meta.url)))
const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const port = Number(opt('port', process.env.PORT ?? 4173))
const host = opt('host', '127.0.0.1')
let base = opt('base', '/')
if (!base.startsWith('/')) base = `/${base}`
if (!base.endsWith('/')) base = `${base}/`

if (!existsSync(join(root, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first (or `npm start`, which builds).')
  process.exit(1)
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

const server = createServer((req, res) => {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    res.writeHead(400).end('Bad request')
    return
  }
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base }).end()
    return
  }
  if (!pathname.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found. The course is at ${base}`)
    return
  }
  const rel = normalize(pathname.slice(base.length) || 'index.html')
  let file = resolve(root, rel)
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('Forbidden')
    return
  }
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const dirIndex = join(file, 'index.html')
    // A path with no file extension is an app route: answer with the app itself.
    file = existsSync(dirIndex) ? dirIndex : extname(rel) === '' ? join(root, 'index.html') : ''
  }
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    return
  }
  const type = types[extname(file)] ?? 'application/octet-stream'
  const immutable = file.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
})

server.on('error', (err) => {
  console.error(`Could not start the server on ${host}:${port}: ${err.message}`)
  process.exit(1)
})
server.listen(port, host, () => {
  console.log(`Lambda Foundations is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`)
  console.log('Press Ctrl+C to stop.')
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)))
