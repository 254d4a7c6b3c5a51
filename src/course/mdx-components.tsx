/**
 * Components available to every lesson without an import (through the MDX provider):
 * Callout, Figure, LabSlot, KeyPoints, Challenges (Challenge, Hint, Solution), and the
 * element overrides (links, code blocks, tables). Check, Lab and TryIt come from the shell
 * (src/app/activities.tsx), which composes the features.
 */
import { Children, isValidElement, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { Link } from 'react-router'
import { Challenge, Challenges, Hint, Solution } from './challenges.tsx'
import './mdx-components.css'

type CalloutKind = 'note' | 'tip' | 'warning' | 'changed'
const calloutTitles: Record<CalloutKind, string> = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  changed: 'What changed on AWS',
}

function CalloutIcon({ kind }: { kind: CalloutKind }) {
  const common = {
    width: 20,
    height: 20,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    focusable: false,
  }
  switch (kind) {
    case 'tip':
      return (
        <svg {...common}>
          <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" />
        </svg>
      )
    case 'warning':
      return (
        <svg {...common}>
          <path d="M12 3 2 20h20L12 3z" />
          <path d="M12 10v4M12 17.5v.01" />
        </svg>
      )
    case 'changed':
      return (
        <svg {...common}>
          <path d="M20 11a8 8 0 0 0-14.9-3.5M4 4v4h4M4 13a8 8 0 0 0 14.9 3.5M20 20v-4h-4" />
        </svg>
      )
    default:
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 11v6M12 7.5v.01" />
        </svg>
      )
  }
}

export function Callout({
  kind = 'note',
  title,
  children,
}: {
  kind?: CalloutKind
  title?: string
  children?: ReactNode
}) {
  const k: CalloutKind = kind in calloutTitles ? kind : 'note'
  return (
    <div
      className={`callout callout-${k}`}
      role="note"
      aria-label={title ? `${calloutTitles[k]}: ${title}` : calloutTitles[k]}
    >
      <div className="callout-head">
        <span className="callout-icon">
          <CalloutIcon kind={k} />
        </span>
        <span className="callout-kind">{calloutTitles[k]}</span>
        {title && <span className="callout-title">{title}</span>}
      </div>
      <div className="callout-body">{children}</div>
    </div>
  )
}

export function Figure({ caption, children }: { caption?: ReactNode; children?: ReactNode }) {
  return (
    <figure className="lesson-figure">
      <div className="lesson-figure-body">{children}</div>
      {caption && <figcaption className="lesson-figure-caption">{caption}</figcaption>}
    </figure>
  )
}

export function LabSlot({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <section className="lesson-lab-slot" aria-label={`Hands-on lab${title ? `: ${title}` : ''}`}>
      <div className="lesson-lab-slot-head">
        <span className="lesson-lab-slot-icon" aria-hidden="true">
          <svg
            width="20"
            height="20"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            focusable="false"
          >
            <path d="M9 3h6M10 3v6L4.5 18.5A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.5-2.5L14 9V3" />
            <path d="M7 15h10" />
          </svg>
        </span>
        <div>
          <p className="lesson-lab-slot-kicker">Hands-on lab · coming soon</p>
          {title && <p className="lesson-lab-slot-title">{title}</p>}
        </div>
      </div>
      <div className="lesson-lab-slot-body">{children}</div>
      <p className="lesson-lab-slot-note">
        This lab will run here, in a simulated Lambda environment in your browser, once the playground arrives. For now,
        read what it will cover.
      </p>
    </section>
  )
}

export function KeyPoints({ children, title = 'Key points' }: { children?: ReactNode; title?: string }) {
  return (
    <div className="lesson-key-points" role="note" aria-label={title}>
      <p className="lesson-key-points-title">{title}</p>
      {children}
    </div>
  )
}

/** Internal links are written as /lessons/<slug>[#heading]; they become router links. */
export function lessonHref(href: string): string | null {
  const m = /^\/lessons\/([a-z0-9-]+)\/?(?:#(.+))?$/.exec(href)
  if (!m) return null
  return `/lessons/${m[1]}${m[2] ? `?section=${encodeURIComponent(m[2])}` : ''}`
}

function A({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const internal = lessonHref(href)
  if (internal)
    return (
      <Link to={internal} {...rest}>
        {children}
      </Link>
    )
  if (href.startsWith('#') && href.length > 1) {
    return (
      <Link to={{ search: `?section=${encodeURIComponent(href.slice(1))}` }} {...rest}>
        {children}
      </Link>
    )
  }
  if (/^https?:\/\//.test(href)) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" className="lesson-external-link" {...rest}>
        {children}
        <span className="sr-only"> (opens in a new tab)</span>
        <svg
          className="lesson-external-icon"
          width="12"
          height="12"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.4"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
        </svg>
      </a>
    )
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  )
}

const languageNames: Record<string, string> = {
  javascript: 'JavaScript',
  js: 'JavaScript',
  mjs: 'JavaScript',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  jsx: 'JSX',
  tsx: 'TSX',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  shellscript: 'Shell',
  console: 'Shell',
  text: 'Text',
  txt: 'Text',
  diff: 'Diff',
  ini: 'INI',
}

function textOf(node: ReactNode): string {
  let out = ''
  Children.forEach(node, (c) => {
    if (typeof c === 'string' || typeof c === 'number') out += String(c)
    else if (isValidElement(c)) out += textOf((c.props as { children?: ReactNode }).children)
  })
  return out
}

/**
 * A code block, highlighted at build time: `html` is Shiki's finished `<pre>` markup, made
 * from our own lesson source by src/course/build/rehype-code-html.ts (never from user input).
 */
function CodeBlock({ lang = 'text', html }: { lang?: string; html: string }) {
  const [copied, setCopied] = useState(false)
  const body = useRef<HTMLDivElement>(null)
  const label = languageNames[lang] ?? lang.toUpperCase()
  const copy = async () => {
    try {
      const text = body.current?.querySelector('code')?.textContent ?? ''
      await navigator.clipboard.writeText(text.replace(/\n$/, ''))
      setCopied(true)
      window.setTimeout(() => setCopied(false), 1600)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div className="lesson-code">
      <div className="lesson-code-head">
        <span className="lesson-code-lang">{label}</span>
        <button
          type="button"
          className="lesson-code-copy"
          onClick={copy}
          aria-label={copied ? 'Copied' : `Copy ${label} code`}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="lesson-code-body" ref={body} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  )
}

function Table(props: ComponentPropsWithoutRef<'table'>) {
  // Focusable so a table wider than the screen can be scrolled from the keyboard.
  return (
    <div className="lesson-table-wrap" tabIndex={0} role="group" aria-label="Table">
      <table {...props} />
    </div>
  )
}

/** An empty header cell (the corner of a grid) is not a header: render it as a plain cell. */
function Th({ children, ...rest }: ComponentPropsWithoutRef<'th'>) {
  if (textOf(children).trim() === '') return <td {...(rest as ComponentPropsWithoutRef<'td'>)}>{children}</td>
  return <th {...rest}>{children}</th>
}

/** The lesson's own components. The shell adds the activities, Check and Lab (src/app/activities.tsx). */
export const mdxComponents = {
  Callout,
  Figure,
  LabSlot,
  KeyPoints,
  Challenges,
  Challenge,
  Hint,
  Solution,
  a: A,
  CodeBlock,
  table: Table,
  th: Th,
}
