/** A policy's JSON with one statement highlighted (the one that decided, or the closest miss), by its offsets in the text. */
import { useLayoutEffect, useRef } from 'react'

export interface PolicyHighlight {
  start: number
  end: number
  /** 'deny' (red), 'allow' (green) or 'miss' (amber: the closest statement, which did not match). */
  tone: 'deny' | 'allow' | 'miss'
  label: string
}

export function PolicyJson({
  document,
  highlight,
  testId,
}: {
  document: string
  highlight?: PolicyHighlight
  testId?: string
}) {
  const markRef = useRef<HTMLElement>(null)
  const preRef = useRef<HTMLPreElement>(null)
  // Bring the highlighted statement into view inside the block (not the page).
  useLayoutEffect(() => {
    const pre = preRef.current
    const mark = markRef.current
    if (pre && mark) pre.scrollTop = Math.max(0, mark.offsetTop - pre.offsetTop - 24)
  }, [document, highlight?.start])
  const valid =
    highlight &&
    Number.isInteger(highlight.start) &&
    Number.isInteger(highlight.end) &&
    highlight.start >= 0 &&
    highlight.end <= document.length &&
    highlight.start < highlight.end
  return (
    <pre ref={preRef} className="pg-pre pg-acct-policy" tabIndex={0} data-testid={testId}>
      {valid ? (
        <>
          {document.slice(0, highlight.start)}
          <mark
            ref={markRef}
            className={`pg-acct-mark pg-acct-mark-${highlight.tone}`}
            title={highlight.label}
            data-testid="policy-highlight"
          >
            <span className="sr-only">[{highlight.label}: </span>
            {document.slice(highlight.start, highlight.end)}
            <span className="sr-only">]</span>
          </mark>
          {document.slice(highlight.end)}
        </>
      ) : (
        document
      )}
    </pre>
  )
}
