/**
 * Builds a pack config by ticking lessons, labs and knowledge checks, with a live preview: what
 * the pack holds, what it counts toward the score, the config file (YAML or JSON) to download,
 * the command that turns it into LMS packages, and a link to try the pack as a learner.
 */
import { useId, useMemo, useState } from 'react'
import {
  checkPackConfig,
  FORMAT_NAMES,
  PACK_FORMATS,
  packUnits,
  plainPrompt,
  previewHref,
  type Catalog,
  type PackFormat,
} from '../lms/index.ts'
import { buildConfig, slugify, toJson, toYaml, type Selection } from './pack-builder.ts'

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`
}

export function PackBuilder({ catalog }: { catalog: Catalog }) {
  const [title, setTitle] = useState('Lambda Foundations: week 1')
  const [id, setId] = useState<string | null>(null)
  const [mastery, setMastery] = useState<number | null>(80)
  const [formats, setFormats] = useState<readonly PackFormat[]>(PACK_FORMATS)
  const [picked, setPicked] = useState<ReadonlySet<string>>(
    () => new Set(catalog.lessons.length ? [`lesson:${catalog.lessons[0].slug}`] : []),
  )
  const [syntax, setSyntax] = useState<'yaml' | 'json'>('yaml')
  const ids = useId()

  const selection: Selection = { title, id: id ?? slugify(title), masteryPercent: mastery, formats, picked }
  const config = buildConfig(selection, catalog)
  const checked = useMemo(() => checkPackConfig(config, catalog), [config, catalog])
  const units = checked.ok ? packUnits(checked.pack, catalog) : []
  const text = syntax === 'yaml' ? toYaml(config) : toJson(config)
  const fileName = `${config.id || 'pack'}.${syntax === 'yaml' ? 'yaml' : 'json'}`
  const download = useMemo(
    () =>
      `data:${syntax === 'yaml' ? 'application/yaml' : 'application/json'};charset=utf-8,${encodeURIComponent(text)}`,
    [syntax, text],
  )

  const toggle = (key: string) =>
    setPicked((p) => {
      const next = new Set(p)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  const lessonLabs = new Set(catalog.lessons.flatMap((l) => l.labs))
  const looseLabs = catalog.labs.filter((b) => !lessonLabs.has(b.id))
  const checkPrompt = (cid: string) => plainPrompt(catalog.checks.find((c) => c.id === cid)?.prompt ?? cid)
  const labTitle = (bid: string) => catalog.labs.find((b) => b.id === bid)?.title ?? bid

  return (
    <div className="pack-builder">
      <form className="pack-form" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${ids}-form`}>
        <h3 id={`${ids}-form`} className="pack-step">
          1. Name the pack
        </h3>
        <label className="pack-field">
          <span>Title (what the LMS shows)</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </label>
        <label className="pack-field">
          <span>Pack id (file names and the LMS's identifier)</span>
          <input
            value={selection.id}
            onChange={(e) => setId(e.target.value)}
            spellCheck={false}
            aria-describedby={`${ids}-id-help`}
          />
          <small id={`${ids}-id-help`}>Lowercase words joined by dashes. Keep it when you update a pack.</small>
        </label>

        <fieldset className="pack-fieldset">
          <legend className="pack-step">2. Pick what it holds</legend>
          <p className="muted">
            A lesson brings its text, its knowledge checks and its lab. Or pick single activities.
          </p>
          {catalog.lessons.map((l) => {
            const whole = picked.has(`lesson:${l.slug}`)
            return (
              <div key={l.slug} className="pack-lesson">
                <label className="pack-check pack-check-lesson">
                  <input type="checkbox" checked={whole} onChange={() => toggle(`lesson:${l.slug}`)} />
                  <span>
                    <strong>{l.title}</strong>{' '}
                    <span className="muted">
                      ({plural(l.checks.length, 'check')}
                      {l.labs.length ? `, ${plural(l.labs.length, 'lab')}` : ''})
                    </span>
                  </span>
                </label>
                {(l.checks.length > 0 || l.labs.length > 0) && (
                  <ul className="pack-activities" aria-label={`Activities of “${l.title}”`}>
                    {l.checks.map((c) => (
                      <li key={c}>
                        <label className="pack-check">
                          <input
                            type="checkbox"
                            checked={whole || picked.has(`check:${c}`)}
                            disabled={whole}
                            onChange={() => toggle(`check:${c}`)}
                          />
                          <span>
                            <span className="pack-kind">Check</span> {checkPrompt(c)}
                          </span>
                        </label>
                      </li>
                    ))}
                    {l.labs.map((b) => (
                      <li key={b}>
                        <label className="pack-check">
                          <input
                            type="checkbox"
                            checked={whole || picked.has(`lab:${b}`)}
                            disabled={whole}
                            onChange={() => toggle(`lab:${b}`)}
                          />
                          <span>
                            <span className="pack-kind">Lab</span> {labTitle(b)}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )
          })}
          {looseLabs.map((b) => (
            <label key={b.id} className="pack-check pack-check-lesson">
              <input type="checkbox" checked={picked.has(`lab:${b.id}`)} onChange={() => toggle(`lab:${b.id}`)} />
              <span>
                <span className="pack-kind">Lab</span> {b.title}
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="pack-fieldset">
          <legend className="pack-step">3. Scoring and formats</legend>
          <label className="pack-check">
            <input
              type="checkbox"
              checked={mastery !== null}
              onChange={() => setMastery((m) => (m === null ? 80 : null))}
            />
            <span>Learners pass at a score of</span>
          </label>
          {mastery !== null && (
            <label className="pack-field pack-field-inline">
              <input
                type="number"
                min={0}
                max={100}
                step={5}
                value={mastery}
                onChange={(e) => setMastery(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
                aria-label="Pass mark, in percent"
              />
              <span>% of the pack's points</span>
            </label>
          )}
          <div className="pack-formats" role="group" aria-label="Package formats" aria-describedby={`${ids}-formats`}>
            {PACK_FORMATS.map((f) => (
              <label key={f} className="pack-check">
                <input
                  type="checkbox"
                  checked={formats.includes(f)}
                  // The last format cannot be unticked: a pack is built in at least one.
                  disabled={formats.length === 1 && formats[0] === f}
                  onChange={() => setFormats((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]))}
                />
                <span>{FORMAT_NAMES[f]}</span>
              </label>
            ))}
          </div>
          <small id={`${ids}-formats`} className="muted">
            One zip per format; keep at least one.
          </small>
        </fieldset>
      </form>

      <section className="pack-preview" aria-labelledby={`${ids}-preview`}>
        <h3 id={`${ids}-preview`} className="pack-step">
          Preview
        </h3>
        {checked.ok ? (
          <>
            <p className="pack-summary" data-testid="pack-summary">
              <strong>{checked.pack.title}</strong>: {plural(checked.pack.items.length, 'item')}, counting{' '}
              {plural(units.filter((u) => u.kind === 'check').length, 'knowledge check')} and{' '}
              {plural(units.filter((u) => u.kind === 'lab').length, 'lab')}
              {units.some((u) => u.kind === 'lesson') ? ' and the lessons without activities, once opened' : ''}.{' '}
              {checked.pack.masteryScore !== null
                ? `Learners pass at ${Math.round(checked.pack.masteryScore * 100)}% of the points; the pack is complete when every check is answered and every lab passes.`
                : 'The pack is complete when every check is answered and every lab passes (no pass mark).'}
            </p>
            <ol className="pack-items">
              {checked.pack.items.map((it) => (
                <li key={`${it.kind}:${it.id}`}>
                  <span className="pack-kind">
                    {it.kind === 'check' ? 'Check' : it.kind === 'lab' ? 'Lab' : 'Lesson'}
                  </span>{' '}
                  {it.title}
                </li>
              ))}
            </ol>
            <p>
              <a className="btn btn-secondary btn-sm" href={previewHref(config)} target="_blank" rel="noopener">
                Try it as a learner
              </a>
            </p>
          </>
        ) : (
          <div className="pack-errors" role="alert" data-testid="pack-errors">
            <p>This pack cannot be built yet:</p>
            <ul>
              {checked.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="pack-file">
          <div className="pack-file-head">
            <span>{fileName}</span>
            <div role="group" aria-label="File format">
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-pressed={syntax === 'yaml'}
                onClick={() => setSyntax('yaml')}
              >
                YAML
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-pressed={syntax === 'json'}
                onClick={() => setSyntax('json')}
              >
                JSON
              </button>
            </div>
          </div>
          <pre className="pack-config" data-testid="pack-config" tabIndex={0} aria-label="The pack config">
            {text}
          </pre>
          {checked.ok ? (
            <a className="btn btn-primary" href={download} download={fileName}>
              Download {fileName}
            </a>
          ) : (
            <button type="button" className="btn btn-primary" disabled>
              Download {fileName}
            </button>
          )}
        </div>
        <p className="pack-command">
          Then, in the course's folder: <code>npm run package -- --config {fileName}</code>. It writes{' '}
          {plural(formats.length, 'zip')} into <code>packages/</code> (
          {PACK_FORMATS.filter((f) => formats.includes(f))
            .map((f) => FORMAT_NAMES[f])
            .join(', ')}
          ): upload the one your LMS takes.
        </p>
      </section>
    </div>
  )
}
