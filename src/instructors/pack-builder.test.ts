import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { checkPackConfig, type Catalog } from '../lms/index.ts'
import { buildConfig, orderedItems, slugify, toJson, toYaml } from './pack-builder.ts'

const catalog: Catalog = {
  lessons: [
    { slug: 'intro', title: 'Intro', checks: ['intro-a', 'intro-b'], labs: [] },
    { slug: 'handlers', title: 'Handlers', checks: ['h-a'], labs: ['first-handler'] },
  ],
  labs: [
    { id: 'first-handler', title: 'First handler', lesson: 'handlers' },
    { id: 'extra-lab', title: 'Extra' },
  ],
  checks: [
    { id: 'intro-a', prompt: 'A' },
    { id: 'intro-b', prompt: 'B' },
    { id: 'h-a', prompt: 'C' },
  ],
}

describe('the pack builder', () => {
  it('makes pack ids from titles', () => {
    expect(slugify('Week 1: Lambda basics!')).toBe('week-1-lambda-basics')
    expect(slugify('  Démarrage à froid  ')).toBe('demarrage-a-froid')
    expect(slugify('!!!')).toBe('')
    expect(slugify('x'.repeat(80))).toHaveLength(64)
  })

  it('lists items in course order; a ticked lesson brings its activities', () => {
    const picked = new Set(['lab:extra-lab', 'check:h-a', 'lesson:intro', 'check:intro-a', 'lab:first-handler'])
    expect(orderedItems(picked, catalog)).toEqual([
      { lesson: 'intro' },
      { check: 'h-a' },
      { lab: 'first-handler' },
      { lab: 'extra-lab' },
    ])
  })

  it('builds a config the packager accepts, in YAML and JSON that read back the same', () => {
    const cfg = buildConfig(
      {
        title: ' Week 1: "basics" ',
        id: 'week-1',
        masteryPercent: 80,
        formats: ['cmi5', 'scorm12'],
        picked: new Set(['lesson:handlers', 'check:intro-b']),
      },
      catalog,
    )
    expect(cfg).toEqual({
      id: 'week-1',
      title: 'Week 1: "basics"',
      format: ['scorm12', 'cmi5'],
      masteryScore: 0.8,
      items: [{ check: 'intro-b' }, { lesson: 'handlers' }],
    })
    expect(Object.keys(cfg)).toEqual(['id', 'title', 'format', 'masteryScore', 'items'])
    const yaml = toYaml(cfg)
    expect(yaml).toBe(
      'id: week-1\ntitle: "Week 1: \\"basics\\""\nformat: [scorm12, cmi5]\nmasteryScore: 0.8\nitems:\n  - check: intro-b\n  - lesson: handlers\n',
    )
    expect(parse(yaml)).toEqual(cfg)
    expect(JSON.parse(toJson(cfg))).toEqual(cfg)
    expect(checkPackConfig(parse(yaml), catalog).ok).toBe(true)
  })

  it('quotes what YAML would misread', () => {
    const cfg = buildConfig(
      { title: 'no', id: 'yes', masteryPercent: null, formats: ['scorm12', 'scorm2004', 'cmi5'], picked: new Set() },
      catalog,
    )
    const yaml = toYaml({ ...cfg, items: [{ lesson: 'on' }, { check: '12' }, { lab: '1e5' }, { lab: 'null' }] })
    expect(parse(yaml)).toEqual({
      id: 'yes',
      title: 'no',
      items: [{ lesson: 'on' }, { check: '12' }, { lab: '1e5' }, { lab: 'null' }],
    })
    expect(yaml).not.toMatch(/format|masteryScore/)
  })
})
