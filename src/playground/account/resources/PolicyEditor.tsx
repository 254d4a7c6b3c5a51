/**
 * A JSON policy editor that checks the policy grammar as you type, with IAM's own messages
 * (`policyDocumentProblem` from the light entry), and points at the line and field the message is
 * about. A textarea with a line-number gutter: light, keyboard-friendly, and the same check IAM runs
 * on Save.
 */
import { useDeferredValue, useId, useMemo, useRef, type ReactNode } from 'react'
import { policyDocumentProblem, type PolicyKind, type Problem } from '../../../aws/public.ts'
import { locatePolicyProblem, type ProblemPlace } from './model.ts'

export interface PolicyCheck {
  problem?: Problem
  place: ProblemPlace
}

/** IAM's verdict on a policy text as the learner types (deferred under fast typing). */
export function usePolicyCheck(text: string, kind: PolicyKind, requireCurrentVersion = false): PolicyCheck {
  const deferred = useDeferredValue(text)
  return useMemo(() => {
    const problem = policyDocumentProblem(deferred, kind, { requireCurrentVersion })
    return { problem, place: problem ? locatePolicyProblem(deferred, problem) : {} }
  }, [deferred, kind, requireCurrentVersion])
}

export function PolicyEditor({
  label,
  help,
  value,
  onChange,
  check,
  testId,
  rows = 12,
}: {
  label: string
  help?: ReactNode
  value: string
  onChange(text: string): void
  check: PolicyCheck
  testId: string
  rows?: number
}) {
  const ids = useId()
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const lines = useMemo(() => value.split('\n').length, [value])
  const { problem, place } = check

  const goToLine = (line: number) => {
    const el = area.current
    if (!el) return
    const starts = [0]
    for (let i = 0; i < value.length; i++) if (value[i] === '\n') starts.push(i + 1)
    const start = starts[line - 1] ?? 0
    const end = starts[line] !== undefined ? starts[line]! - 1 : value.length
    el.focus()
    el.setSelectionRange(start, end)
  }

  return (
    <div className="pg-field pg-rs-policy" data-testid={testId}>
      <label htmlFor={`${ids}-text`}>{label}</label>
      {help && (
        <p id={`${ids}-help`} className="pg-help">
          {help}
        </p>
      )}
      <div className="pg-rs-code">
        <div className="pg-rs-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={place.line === i + 1 ? 'pg-rs-gutter-bad' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          id={`${ids}-text`}
          className="pg-rs-textarea pg-rs-code-text"
          rows={Math.min(24, Math.max(rows, lines + 1))}
          wrap="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop
          }}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={!!problem}
          aria-describedby={`${help ? `${ids}-help ` : ''}${ids}-check`}
          data-testid={`${testId}-text`}
        />
      </div>
      <div id={`${ids}-check`} aria-live="polite" data-testid={`${testId}-check`}>
        {problem ? (
          <p className="pg-field-error">
            {place.line !== undefined && (
              <>
                <button type="button" className="pg-linkbtn pg-rs-line-link" onClick={() => goToLine(place.line!)}>
                  Line {place.line}
                </button>
                {place.field ? (
                  <>
                    {' '}
                    (<code>{place.field}</code>)
                  </>
                ) : null}
                {' · '}
              </>
            )}
            <strong>{problem.name}</strong>: {problem.message}
          </p>
        ) : (
          <p className="pg-ok-text">The policy grammar is valid (IAM checks it again when you save).</p>
        )}
      </div>
    </div>
  )
}
