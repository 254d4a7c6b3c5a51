/**
 * `#/instructors`: how to use the course in a class (LMS packages, embeds, links), which package
 * format to choose, and the pack builder. The shell hands it the course catalog loader (and sets the title).
 */
import { useEffect, useState } from 'react'
import type { Catalog } from '../lms/index.ts'
import { PackBuilder } from './PackBuilder.tsx'
import './instructors.css'

export function InstructorsPage({ loadCatalog }: { loadCatalog(): Promise<Catalog> }) {
  const [catalog, setCatalog] = useState<Catalog | null | 'error'>(null)
  useEffect(() => {
    let live = true
    loadCatalog().then(
      (c) => live && setCatalog(c),
      () => live && setCatalog('error'),
    )
    return () => {
      live = false
    }
  }, [loadCatalog])

  return (
    <div className="container instructors">
      <header className="instructors-head">
        <p className="eyebrow">For instructors</p>
        <h1 className="page-title">Use Lambda Foundations in your course</h1>
        <p className="page-lead">
          Put lessons, hands-on labs and knowledge checks into your LMS as packages it imports, with completion and
          scores recorded in its gradebook, or embed single activities in your own pages.
        </p>
      </header>

      <section aria-labelledby="ways" className="instructors-section">
        <h2 id="ways">Three ways to use it</h2>
        <div className="instructors-ways">
          <article className="instructors-way">
            <h3>A package for your LMS</h3>
            <p>
              A zip your LMS imports like any other SCORM or cmi5 course: the whole course, one lesson, one lab or
              check, or your own pack. Your LMS records completion and the score, and keeps each learner's progress, so
              a learner who comes back on another computer goes on where they stopped.
            </p>
          </article>
          <article className="instructors-way">
            <h3>An embedded activity</h3>
            <p>
              Where your LMS lets you add HTML to a page, frame one lab or knowledge check with an{' '}
              <code>&lt;iframe&gt;</code>: every activity has a <em>Copy embed code</em> button. It reports to the page
              that frames it, not to a gradebook. See <code>docs/embedding.md</code> and{' '}
              <a href="embed-example.html">the example page</a>.
            </p>
          </article>
          <article className="instructors-way">
            <h3>A link to the course</h3>
            <p>
              Send learners to the course itself. Their progress stays in their browser, and they can export it from the{' '}
              <a href="#/progress">progress page</a> to hand it in.
            </p>
          </article>
        </div>
      </section>

      <section aria-labelledby="formats" className="instructors-section">
        <h2 id="formats">Which package format?</h2>
        <div className="instructors-table-wrap" tabIndex={0} role="group" aria-label="Package formats">
          <table>
            <thead>
              <tr>
                <th>Format</th>
                <th>Choose it when</th>
                <th>What your LMS records</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>SCORM 1.2</td>
                <td>
                  You are not sure: nearly every LMS imports it (Moodle, Canvas, Blackboard, Brightspace, SCORM Cloud).
                </td>
                <td>
                  One status (incomplete, then passed or failed, or completed without a pass mark) and a score out of
                  100.
                </td>
              </tr>
              <tr>
                <td>SCORM 2004 4th edition</td>
                <td>Your LMS plays SCORM 2004 and you want completion and success apart.</td>
                <td>Completion, success (passed, failed or unknown), a scaled score and progress.</td>
              </tr>
              <tr>
                <td>cmi5</td>
                <td>Your LMS supports cmi5 (an xAPI profile, with its own learning record store).</td>
                <td>xAPI statements: initialized, passed or failed with the score, completed, terminated.</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="muted">
          The packages follow the specifications (ADL's SCORM 1.2 and SCORM 2004 4th edition run-time books, and cmi5
          Quartz) and are tested in a simulated LMS; check what your own LMS supports. <code>docs/instructors.md</code>{' '}
          says how to import a package into Moodle, Canvas or SCORM Cloud.
        </p>
      </section>

      <section aria-labelledby="build" className="instructors-section">
        <h2 id="build">Build a pack</h2>
        <p>
          Pick what the pack holds and how it is scored. This page writes the pack's config file; the course's{' '}
          <code>npm run package</code> turns it into the zips (this site is static, so it cannot build them itself).
          With no config, <code>npm run package</code> packages the whole course in all three formats.
        </p>
        {catalog === null ? (
          <p role="status" className="muted">
            Loading the course's lessons, labs and checks…
          </p>
        ) : catalog === 'error' ? (
          <p role="alert">The list of activities could not be loaded. Reload the page to try again.</p>
        ) : (
          <PackBuilder catalog={catalog} />
        )}
      </section>
    </div>
  )
}
