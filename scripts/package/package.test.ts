/**
 * The packager: each format's descriptor checked against the elements its specification requires
 * (SCORM 1.2 CAM, SCORM 2004 4th edition CAM 3.4, cmi5 section 13 and CourseStructure.xsd), the
 * zip's contents, and pack config errors. When xmllint and the cmi5 spec's XSD (fetched to
 * /work/.mirror) are on this machine, cmi5.xml is also validated against the XSD itself.
 */
import { DOMParser, type Element } from '@xmldom/xmldom'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Catalog, Pack } from '../../src/lms/pack.ts'
import { buildPackage, packageFiles } from './build.ts'
import { readCatalog } from './catalog.ts'
import { makePackages, PackageError, parseArgs, readConfigFile } from './cli.ts'
import { cmi5Xml, escapeXml, launchHtml } from './manifests.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const tmp = mkdtempSync(path.join(tmpdir(), 'lf-package-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A small stand-in for dist/: the packager copies whatever the build wrote. */
function fakeDist(): string {
  const d = path.join(tmp, `dist-${Math.random().toString(36).slice(2)}`)
  mkdirSync(path.join(d, 'assets'), { recursive: true })
  mkdirSync(path.join(d, '.vite'), { recursive: true })
  writeFileSync(
    path.join(d, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Lambda Foundations</title>\n    <script type="module" src="./assets/index.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  )
  writeFileSync(path.join(d, 'assets', 'index.js'), 'console.log("app")\n')
  writeFileSync(path.join(d, 'assets', 'logo & mark.svg'), '<svg/>')
  writeFileSync(path.join(d, '.vite', 'manifest.json'), '{}')
  writeFileSync(path.join(d, 'embed-example.html'), '<!doctype html>')
  return d
}

const pack: Pack = {
  id: 'week-1',
  title: 'Week 1 & <friends>',
  description: 'Two things "quoted".',
  masteryScore: 0.85,
  items: [
    { kind: 'lesson', id: 'introduction-to-serverless', title: 'Introduction' },
    { kind: 'check', id: 'intro-lambda-features', title: 'Features' },
  ],
}

const parse = (xml: string) => {
  const errors: string[] = []
  const doc = new DOMParser({
    onError: (level, msg) => void (level !== 'warning' && errors.push(msg)),
  }).parseFromString(xml, 'text/xml')
  expect(errors).toEqual([])
  return doc
}
const kids = (el: Element, ns: string, name: string) =>
  Array.from(el.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  )
const one = (el: Element, ns: string, name: string) => {
  const k = kids(el, ns, name)
  expect(k, `<${name}> in <${el.localName}>`).toHaveLength(1)
  return k[0]
}
const text = (el: Element) => (el.textContent ?? '').trim()

const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2'
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2'
const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1'
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3'
const IMSSS = 'http://www.imsglobal.org/xsd/imsss'
const CMI5 = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd'
const NCNAME = /^[A-Za-z_][\w.-]*$/

/** What both SCORM versions require of a content aggregation manifest (CAM: manifest, organizations, resources). */
function checkScormManifest(xml: string, files: Set<string>, v: '1.2' | '2004') {
  const cp = v === '1.2' ? CP12 : CP
  const adlcp = v === '1.2' ? ADLCP12 : ADLCP
  const doc = parse(xml)
  const manifest = doc.documentElement!
  expect([manifest.namespaceURI, manifest.localName]).toEqual([cp, 'manifest'])
  expect(manifest.getAttribute('identifier')).toMatch(NCNAME)
  const metadata = one(manifest, cp, 'metadata')
  expect(text(one(metadata, cp, 'schema'))).toBe('ADL SCORM')
  expect(text(one(metadata, cp, 'schemaversion'))).toBe(v === '1.2' ? '1.2' : '2004 4th Edition')

  const organizations = one(manifest, cp, 'organizations')
  const orgs = kids(organizations, cp, 'organization')
  expect(orgs.length).toBeGreaterThan(0)
  expect(orgs.map((o) => o.getAttribute('identifier'))).toContain(organizations.getAttribute('default'))
  const resources = kids(one(manifest, cp, 'resources'), cp, 'resource')
  const ids = [manifest, ...orgs, ...resources].map((e) => e.getAttribute('identifier'))
  for (const org of orgs) {
    expect(org.getAttribute('identifier')).toMatch(NCNAME)
    expect(text(one(org, cp, 'title'))).toBe(pack.title)
    const items = kids(org, cp, 'item')
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      ids.push(item.getAttribute('identifier'))
      expect(item.getAttribute('identifier')).toMatch(NCNAME)
      expect(text(one(item, cp, 'title'))).toBe(pack.title)
      const ref = item.getAttribute('identifierref')
      expect(resources.map((r) => r.getAttribute('identifier'))).toContain(ref)
      if (v === '1.2') {
        const mastery = kids(item, ADLCP12, 'masteryscore')
        expect(mastery.map(text)).toEqual(['85'])
      } else {
        const seq = one(item, IMSSS, 'sequencing')
        const dc = one(seq, IMSSS, 'deliveryControls')
        expect(dc.getAttribute('completionSetByContent')).toBe('true')
        expect(dc.getAttribute('objectiveSetByContent')).toBe('true')
      }
    }
  }
  expect(new Set(ids).size, 'identifiers are unique').toBe(ids.length)
  for (const r of resources) {
    expect(r.getAttribute('identifier')).toMatch(NCNAME)
    expect(r.getAttribute('type')).toBe('webcontent')
    expect(r.getAttributeNS(adlcp, v === '1.2' ? 'scormtype' : 'scormType')).toBe('sco')
    const href = r.getAttribute('href')!
    expect(files.has(href), `launch file ${href} is in the package`).toBe(true)
    const listed = kids(r, cp, 'file').map((f) => f.getAttribute('href')!)
    expect(new Set(listed)).toEqual(new Set([...files].filter((f) => f !== 'imsmanifest.xml')))
  }
}

describe('package descriptors', () => {
  let dist: string
  beforeAll(() => {
    dist = fakeDist()
  })

  it('SCORM 1.2: imsmanifest.xml has what the SCORM 1.2 CAM requires', () => {
    const files = packageFiles(dist, pack, 'scorm12')
    checkScormManifest(strFromU8(files.get('imsmanifest.xml')!), new Set(files.keys()), '1.2')
  })

  it('SCORM 2004 4th edition: imsmanifest.xml has what CAM 3.4 requires, with simple sequencing', () => {
    const files = packageFiles(dist, pack, 'scorm2004')
    const xml = strFromU8(files.get('imsmanifest.xml')!)
    checkScormManifest(xml, new Set(files.keys()), '2004')
    const org = parse(xml).getElementsByTagNameNS(CP, 'organization')[0]
    const mode = one(one(org, IMSSS, 'sequencing'), IMSSS, 'controlMode')
    expect([mode.getAttribute('choice'), mode.getAttribute('flow')]).toEqual(['true', 'true'])
  })

  it('cmi5: cmi5.xml has the course and AU elements section 13 requires', () => {
    const files = packageFiles(dist, pack, 'cmi5')
    expect(files.has('imsmanifest.xml')).toBe(false)
    const doc = parse(strFromU8(files.get('cmi5.xml')!))
    const cs = doc.documentElement!
    expect([cs.namespaceURI, cs.localName]).toEqual([CMI5, 'courseStructure'])
    const course = one(cs, CMI5, 'course')
    expect(new URL(course.getAttribute('id')!).protocol).toBe('https:')
    expect(text(one(one(course, CMI5, 'title'), CMI5, 'langstring'))).toBe(pack.title)
    expect(text(one(one(course, CMI5, 'description'), CMI5, 'langstring'))).toBe(pack.description)
    const au = one(cs, CMI5, 'au')
    expect(au.getAttribute('id')).not.toBe(course.getAttribute('id'))
    expect(new URL(au.getAttribute('id')!).protocol).toBe('https:')
    expect(au.getAttribute('moveOn')).toBe('CompletedAndPassed')
    expect(au.getAttribute('masteryScore')).toBe('0.85')
    expect(['AnyWindow', 'OwnWindow']).toContain(au.getAttribute('launchMethod'))
    expect(text(one(one(au, CMI5, 'title'), CMI5, 'langstring'))).toBe(pack.title)
    expect(text(one(one(au, CMI5, 'description'), CMI5, 'langstring'))).toBe(pack.description)
    const url = text(one(au, CMI5, 'url'))
    expect(files.has(url)).toBe(true)
    // Children in the order the XSD's sequence gives.
    expect(
      Array.from(au.childNodes)
        .filter((n) => n.nodeType === 1)
        .map((n) => (n as Element).localName),
    ).toEqual(['title', 'description', 'url'])
    const noMastery = parse(cmi5Xml({ ...pack, masteryScore: null })).getElementsByTagNameNS(CMI5, 'au')[0]
    expect([noMastery.getAttribute('moveOn'), noMastery.hasAttribute('masteryScore')]).toEqual(['Completed', false])
  })

  const xsd = '/work/.mirror/AICC+CMI-5_Spec_Current/repo'
  const xmllint = spawnSync('xmllint', ['--version']).status === 0
  it.skipIf(!xmllint || !existsSync(xsd))('cmi5.xml validates against the spec’s CourseStructure.xsd (xmllint)', () => {
    const schema = spawnSync('git', ['-C', xsd, 'show', 'HEAD:v1/CourseStructure.xsd'], { encoding: 'utf8' }).stdout
    writeFileSync(path.join(tmp, 'CourseStructure.xsd'), schema)
    writeFileSync(path.join(tmp, 'cmi5.xml'), cmi5Xml(pack))
    const r = spawnSync(
      'xmllint',
      ['--noout', '--schema', path.join(tmp, 'CourseStructure.xsd'), path.join(tmp, 'cmi5.xml')],
      {
        encoding: 'utf8',
      },
    )
    expect(r.stderr).toMatch(/validates/)
    expect(r.status).toBe(0)
  })

  it('the zip holds the site, the launch page, the pack file and the descriptor; not the build’s own files', () => {
    const out = path.join(tmp, 'out')
    const built = buildPackage(dist, out, pack, 'scorm12')
    expect(path.basename(built.file)).toBe('week-1-scorm12.zip')
    const zip = unzipSync(new Uint8Array(readFileSync(built.file)))
    expect(Object.keys(zip)[0]).toBe('imsmanifest.xml')
    expect(Object.keys(zip).sort()).toEqual([
      'assets/index.js',
      'assets/logo & mark.svg',
      'imsmanifest.xml',
      'index.html',
      'lms.html',
      'packs/week-1.json',
    ])
    expect(JSON.parse(strFromU8(zip['packs/week-1.json']))).toEqual({ format: 'scorm12', ...pack })
    const launch = strFromU8(zip['lms.html'])
    expect(launch.indexOf('#/lms/week-1')).toBeLessThan(launch.indexOf('type="module"'))
    expect(launch.indexOf('<meta charset')).toBeLessThan(launch.indexOf('#/lms/week-1'))
    expect(launch).toContain('<title>Week 1 &amp; &lt;friends&gt; · Lambda Foundations</title>')
    // Reproducible.
    const again = buildPackage(dist, path.join(tmp, 'out2'), pack, 'scorm12')
    expect(readFileSync(again.file)).toEqual(readFileSync(built.file))
  })

  it('escapes XML and refuses a page that is not the app', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\u0001`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;')
    expect(() => launchHtml('<html><body></body></html>', pack)).toThrow(/no <\/head>/)
  })
})

describe('npm run package: choices and errors', () => {
  let catalog: Catalog
  let dist: string
  beforeAll(async () => {
    catalog = await readCatalog(root)
    dist = fakeDist()
  })

  it('packages one lesson, lab or check, in the formats asked for', async () => {
    const lesson = catalog.lessons[0]
    const built = await makePackages({ root, dist, out: path.join(tmp, 'p1'), lesson: lesson.slug, formats: ['cmi5'] })
    expect(built.map((b) => path.basename(b.file))).toEqual([`${lesson.slug}-cmi5.zip`])
    const lab = catalog.labs[0]
    const labs = await makePackages({ root, dist, out: path.join(tmp, 'p2'), lab: lab.id, mastery: null })
    expect(labs.map((b) => b.format)).toEqual(['scorm12', 'scorm2004', 'cmi5'])
    const zip = unzipSync(new Uint8Array(readFileSync(labs[0].file)))
    expect(JSON.parse(strFromU8(zip[`packs/${lab.id}.json`]))).toMatchObject({
      title: `Lab: ${lab.title}`,
      masteryScore: null,
      items: [{ kind: 'lab', id: lab.id }],
    })
  })

  it('a config naming content that does not exist fails, naming the bad entry', async () => {
    const file = path.join(tmp, 'bad.yaml')
    writeFileSync(
      file,
      `id: week-1\ntitle: Week 1\nitems:\n  - lesson: ${catalog.lessons[0].slug}\n  - lab: no-such-lab\n  - check: lambda-features\n`,
    )
    const config = readConfigFile(file)
    const err = await makePackages({ root, dist, out: path.join(tmp, 'p3'), config, source: 'bad.yaml' }).catch(
      (e) => e,
    )
    expect(err).toBeInstanceOf(PackageError)
    expect((err as PackageError).lines[0]).toMatch(/^bad\.yaml: items\[1\]: there is no lab "no-such-lab"; /)
    expect((err as PackageError).lines[1]).toMatch(
      /^bad\.yaml: items\[2\]: there is no knowledge check "lambda-features"; did you mean "[a-z-]+lambda-features"\?$/,
    )
    expect(existsSync(path.join(tmp, 'p3'))).toBe(false)
  })

  it('reads JSON and YAML, and says where a file is broken', () => {
    const y = path.join(tmp, 'broken.yaml')
    writeFileSync(y, 'id: x\nitems:\n  - lesson: [unclosed\n')
    expect(() => readConfigFile(y)).toThrow(/broken\.yaml:\d+:\d+: not valid YAML/)
    const j = path.join(tmp, 'broken.json')
    writeFileSync(j, '{"id": ')
    expect(() => readConfigFile(j)).toThrow(/broken\.json: not valid JSON/)
    expect(() => readConfigFile(path.join(tmp, 'missing.yaml'))).toThrow(/missing\.yaml: no such file/)
    const big = path.join(tmp, 'big.json')
    writeFileSync(big, ' '.repeat(1_000_001))
    expect(() => readConfigFile(big)).toThrow(/larger than 1 MB/)
    const bomb = path.join(tmp, 'bomb.yaml')
    writeFileSync(
      bomb,
      `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [*${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}, *${'abcdefghij'[i]}]`).join('\n')}\n`,
    )
    expect(() => readConfigFile(bomb)).toThrow(/not valid YAML/)
  })

  it('parses its options, and refuses bad ones clearly', () => {
    expect(parseArgs(['--lesson', 'x', '--format', 'cmi5', '--format', 'scorm12', '--mastery', '0.9'])).toMatchObject({
      lesson: 'x',
      formats: ['cmi5', 'scorm12'],
      mastery: 0.9,
    })
    expect(parseArgs(['--mastery', 'none']).mastery).toBeNull()
    expect(() => parseArgs(['--format', 'aicc'])).toThrow(
      '--format: "aicc" is not one of scorm12, scorm2004, cmi5 or all',
    )
    expect(() => parseArgs(['--mastery', '80'])).toThrow('--mastery: "80" is not a number between 0 and 1 (or none)')
    expect(() => parseArgs(['--lesson'])).toThrow(/--lesson needs a value/)
    expect(() => parseArgs(['--lesson', 'a', '--lab', 'b'])).toThrow(
      'choose one of --lesson, --lab, --check and --config',
    )
    expect(() => parseArgs(['--zip'])).toThrow(/unknown option --zip/)
  })
})
