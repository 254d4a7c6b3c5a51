/**
 * Vite plugin: writes dist/THIRD_PARTY_NOTICES.txt with the licence of every npm package
 * whose code ships in the built site — the app bundle, the Worker bundle (QuickJS), and the
 * packages bundled into the sandbox prelude (listed in the header of
 * src/lambda/sandbox/prelude/generated.ts by scripts/build-prelude.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\..*)?$/i

function packageOf(id: string): string | null {
  const clean = id.replace(/^\0/, '').split('?')[0]
  const i = clean.lastIndexOf('/node_modules/')
  if (i < 0) return null
  const parts = clean.slice(i + '/node_modules/'.length).split('/')
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
}

function preludePackages(root: string): string[] {
  const file = path.join(root, 'src/lambda/sandbox/prelude/generated.ts')
  if (!existsSync(file)) return []
  const head = readFileSync(file, 'utf8').slice(0, 4000)
  return [...head.matchAll(/^\/\/\s+((?:@[\w.-]+\/)?[\w.-]+)@[\w.-]+ \(/gm)].map((m) => m[1])
}

function notice(root: string, name: string): string {
  const dir = path.join(root, 'node_modules', name)
  let version = '?'
  let license = 'see package'
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      version?: string
      license?: string
    }
    version = pkg.version ?? version
    license = pkg.license ?? license
  } catch {
    /* package.json unreadable: keep the defaults */
  }
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => LICENSE_FILE.test(f)) : []
  const texts = files.map((f) => readFileSync(path.join(dir, f), 'utf8').trim())
  return [
    `${name}@${version} (${license})`,
    '-'.repeat(72),
    texts.join('\n\n') || `Licensed under ${license}.`,
    '',
  ].join('\n')
}

export function licenseNotices(root: string, always: string[] = []): Plugin {
  const seen = new Set<string>(always)
  return {
    name: 'lf-license-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue
        for (const id of Object.keys(item.modules)) {
          const name = packageOf(id)
          if (name) seen.add(name)
        }
      }
      for (const name of preludePackages(root)) seen.add(name)
      const names = [...seen].filter((n) => n !== 'lambda-foundations').sort()
      const body = [
        'Lambda Foundations ships code from these open-source packages.',
        'Their licences follow.',
        '',
        ...names.map((n) => notice(root, n)),
      ].join('\n')
      this.emitFile({ type: 'asset', fileName: 'THIRD_PARTY_NOTICES.txt', source: body })
    },
  }
}
