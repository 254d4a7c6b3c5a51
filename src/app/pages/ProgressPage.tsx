import { useRef, useState } from 'react'
import './ProgressPage.css'
import { Link } from 'react-router'
import { useShallow } from 'zustand/react/shallow'
import { buildExport, parseImport } from '../../course/progress-export.ts'
import { lessonStatus, progressStore, useProgress } from '../../course/progress.ts'
import { formatDuration, lessons, modules } from '../../course/registry.ts'
import { DownloadIcon, UploadIcon } from '../../shared/icons.tsx'
import { LessonStatusIcon, statusLabel } from '../components/LessonStatusIcon.tsx'
import { ProgressBar, ProgressRing } from '../components/ProgressRing.tsx'
import { usePageTitle } from '../../shared/usePageTitle.ts'

type Message = { kind: 'success' | 'error'; text: string } | null

function formatDate(iso: string | null | undefined) {
  if (!iso) return null
  const d = new Date(iso)
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function ProgressPage() {
  usePageTitle('Your progress')
  const progress = useProgress(
    useShallow((s) => ({ lessons: s.lessons, lastLocation: s.lastLocation, checks: s.checks, labs: s.labs })),
  )
  const [message, setMessage] = useState<Message>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const completed = lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
  const visited = lessons.filter((l) => progress.lessons[l.slug]).length
  const minutesDone = lessons.filter((l) => progress.lessons[l.slug]?.completedAt).reduce((n, l) => n + l.duration, 0)

  const exportProgress = () => {
    const s = progressStore.getState()
    const data = buildExport({
      lessons: s.lessons,
      lastLocation: s.lastLocation,
      checks: s.checks,
      labs: s.labs,
      assessment: s.assessment,
      seed: s.seed,
    })
    const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `lambda-foundations-progress-${new Date().toISOString().slice(0, 10)}.json`
    document.body.appendChild(a)
    a.click()
    a.remove()
    window.setTimeout(() => URL.revokeObjectURL(url), 1000)
    setMessage({
      kind: 'success',
      text: 'Your progress was exported as a JSON file. Import it here on any device to carry on.',
    })
  }

  const importFile = async (file: File | undefined) => {
    if (!file) return
    let text: string
    try {
      text = await file.text()
    } catch {
      setMessage({ kind: 'error', text: 'That file could not be read. Nothing was changed.' })
      return
    }
    const result = parseImport(text)
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.error })
    } else {
      progressStore.getState().replaceAll(result.data)
      setMessage({
        kind: 'success',
        text: `Progress imported from “${file.name}”: ${result.lessonCount} ${result.lessonCount === 1 ? 'lesson' : 'lessons'}, ${result.checkCount} knowledge-check ${result.checkCount === 1 ? 'result' : 'results'} and ${result.attemptCount} self-assessment ${result.attemptCount === 1 ? 'attempt' : 'attempts'}. It replaced the progress that was here.`,
      })
    }
    if (fileRef.current) fileRef.current.value = ''
  }

  const resetAll = () => {
    if (window.confirm('Reset all progress on this device? Export it first if you want to keep a copy.')) {
      progressStore.getState().reset()
      setMessage({ kind: 'success', text: 'Your progress was reset.' })
    }
  }

  return (
    <div className="container progress-page">
      <header className="page-header">
        <p className="eyebrow">Self-assessment</p>
        <h1 className="page-title">Your progress</h1>
        <p className="page-lead">
          Everything is stored in this browser only. Export it to keep a copy or move to another device.
        </p>
      </header>

      <section className="progress-stats" aria-label="Summary">
        <div className="progress-stat">
          <ProgressRing value={lessons.length ? completed / lessons.length : 0} size={72} stroke={7}>
            <span className="ring-mid">{lessons.length ? Math.round((completed / lessons.length) * 100) : 0}%</span>
          </ProgressRing>
          <div>
            <p className="progress-stat-value" data-testid="completed-count">
              {completed} of {lessons.length}
            </p>
            <p className="progress-stat-label">lessons completed</p>
          </div>
        </div>
        <div className="progress-stat">
          <div>
            <p className="progress-stat-value">{visited}</p>
            <p className="progress-stat-label">lessons opened</p>
          </div>
        </div>
        <div className="progress-stat">
          <div>
            <p className="progress-stat-value">{formatDuration(minutesDone)}</p>
            <p className="progress-stat-label">of learning completed</p>
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="panel-title">
          Lessons
        </h2>
        {modules.map((m) => {
          const done = m.lessons.filter((l) => progress.lessons[l.slug]?.completedAt).length
          return (
            <div key={m.name} className="progress-module">
              <div className="progress-module-head">
                <h3 className="progress-module-title">{m.name}</h3>
                <span className="muted">
                  {done}/{m.lessons.length} completed
                </span>
              </div>
              <ProgressBar
                value={done / m.lessons.length}
                label={`${m.name}: ${done} of ${m.lessons.length} lessons completed`}
              />
              <ul className="progress-lessons">
                {m.lessons.map((l) => {
                  const st = lessonStatus(progress, l.slug)
                  const p = progress.lessons[l.slug]
                  return (
                    <li
                      key={l.slug}
                      className="progress-lesson"
                      data-testid="progress-lesson"
                      data-slug={l.slug}
                      data-status={st}
                    >
                      <LessonStatusIcon status={st} number={l.order} />
                      <div className="progress-lesson-body">
                        <Link to={`/lessons/${l.slug}`} className="progress-lesson-title">
                          {l.title}
                        </Link>
                        <p className="progress-lesson-dates muted">
                          {st === 'not-started' && 'Not opened yet'}
                          {p && `First opened ${formatDate(p.firstVisitedAt)}`}
                          {p?.completedAt && ` · completed ${formatDate(p.completedAt)}`}
                          {l.checks.length > 0 &&
                            ` · checks ${l.checks.filter((id) => progress.checks[id]?.passedAt).length}/${l.checks.length}`}
                          {l.labs.length > 0 &&
                            (l.labs.every((id) => progress.labs[id]?.passedAt)
                              ? ' · lab passed'
                              : ' · lab not passed yet')}
                        </p>
                      </div>
                      <span className={`pill pill-${st}`}>{statusLabel(st)}</span>
                    </li>
                  )
                })}
              </ul>
            </div>
          )
        })}
      </section>

      <AssessmentHistory />

      <section className="panel" aria-labelledby="transfer-title">
        <h2 id="transfer-title" className="panel-title">
          Export and import
        </h2>
        <p className="muted">
          The export is a small JSON file with your lesson progress, knowledge-check and lab results, self-assessment
          attempts, and where you left off. Importing a file replaces the progress in this browser; a file that is not a
          valid export changes nothing.
        </p>
        <div className="progress-transfer-actions">
          <button type="button" className="btn btn-primary" onClick={exportProgress} data-testid="export-progress">
            <DownloadIcon width={16} height={16} /> Export progress
          </button>
          <label className="btn btn-secondary progress-file-btn">
            <UploadIcon width={16} height={16} /> Import progress…
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              className="progress-file-input"
              data-testid="import-progress"
              onChange={(e) => void importFile(e.currentTarget.files?.[0])}
            />
          </label>
          <button type="button" className="btn btn-ghost btn-danger" onClick={resetAll}>
            Reset progress
          </button>
        </div>
        <div aria-live="polite" className="progress-transfer-message-region">
          {message && (
            <p
              className={`progress-transfer-message is-${message.kind}`}
              data-testid="transfer-message"
              role={message.kind === 'error' ? 'alert' : undefined}
            >
              {message.text}
            </p>
          )}
        </div>
      </section>
    </div>
  )
}

function AssessmentHistory() {
  const attempts = useProgress((s) => s.assessment)
  const recent = [...attempts].reverse().slice(0, 10)
  return (
    <section className="panel" aria-labelledby="assessment-title">
      <h2 id="assessment-title" className="panel-title">
        Self-assessment
      </h2>
      {attempts.length === 0 ? (
        <p className="muted">
          No attempts yet. <Link to="/assessment">Take the self-assessment</Link> when you have worked through the
          lessons.
        </p>
      ) : (
        <>
          <table className="data-table" data-testid="assessment-attempts">
            <caption className="sr-only">Your self-assessment attempts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Score</th>
                <th scope="col">To review</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((a, i) => (
                <tr key={`${a.at}-${i}`}>
                  <th scope="row">{formatDate(a.at)}</th>
                  <td>
                    {a.max ? Math.round((a.points / a.max) * 100) : 0}%{' '}
                    <span className="muted">
                      ({a.points} of {a.max})
                    </span>
                  </td>
                  <td>
                    {a.wrong.length} {a.wrong.length === 1 ? 'question' : 'questions'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {attempts.length > recent.length && (
            <p className="muted">Showing your 10 most recent of {attempts.length} attempts.</p>
          )}
          <p>
            <Link to="/assessment">Take it again</Link>
          </p>
        </>
      )}
    </section>
  )
}
