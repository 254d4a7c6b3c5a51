// Small drawing helpers shared by the course diagrams.
// Diagrams may import React only, so everything they share lives here, next to them.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'

/** Colour tokens from the theme. Diagrams use nothing else for colour. */
export const c = {
  bg: 'var(--lf-bg)',
  surface: 'var(--lf-surface)',
  surface2: 'var(--lf-surface-2)',
  text: 'var(--lf-text)',
  muted: 'var(--lf-text-muted)',
  border: 'var(--lf-border)',
  accent: 'var(--lf-accent)',
  accentSoft: 'var(--lf-accent-soft)',
  blue: 'var(--lf-blue)',
  blueSoft: 'var(--lf-blue-soft)',
  green: 'var(--lf-green)',
  greenSoft: 'var(--lf-green-soft)',
  red: 'var(--lf-red)',
  redSoft: 'var(--lf-red-soft)',
  purple: 'var(--lf-purple)',
  purpleSoft: 'var(--lf-purple-soft)',
} as const

export type Tone = 'neutral' | 'accent' | 'blue' | 'green' | 'red' | 'purple'

export const tones: Record<Tone, { fill: string; stroke: string }> = {
  neutral: { fill: c.surface, stroke: c.border },
  accent: { fill: c.accentSoft, stroke: c.accent },
  blue: { fill: c.blueSoft, stroke: c.blue },
  green: { fill: c.greenSoft, stroke: c.green },
  red: { fill: c.redSoft, stroke: c.red },
  purple: { fill: c.purpleSoft, stroke: c.purple },
}

/**
 * Measures the width of the element the diagram is drawn in, so a diagram can
 * switch to a stacked layout on a phone instead of shrinking its text.
 */
export function useNarrow<T extends HTMLElement>(breakpoint = 560) {
  const ref = useRef<T>(null)
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.innerWidth < breakpoint)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = (w: number) => {
      if (w > 0) setNarrow(w < breakpoint)
    }
    measure(el.getBoundingClientRect().width)
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver((entries) => {
      for (const e of entries) measure(e.contentRect.width)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [breakpoint])
  return [ref, narrow] as const
}

export const svgStyle: CSSProperties = {
  display: 'block',
  width: '100%',
  height: 'auto',
  fontFamily: 'inherit',
}

/** Multi-line text, centred on x by default. Each string is one line. */
export function Lines({
  x,
  y,
  lines,
  size = 14,
  weight = 400,
  color = c.text,
  anchor = 'middle',
  lineHeight = 1.3,
}: {
  x: number
  y: number
  lines: string[]
  size?: number
  weight?: number
  color?: string
  anchor?: 'start' | 'middle' | 'end'
  lineHeight?: number
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} style={{ fill: color, fontSize: size, fontWeight: weight }}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : size * lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

/** A rounded box with a bold title and optional smaller lines under it, centred. */
export function Box({
  x,
  y,
  w,
  h,
  title,
  lines = [],
  tone = 'neutral',
  titleSize = 15,
  size = 13,
  dashed = false,
  strokeWidth = 1.5,
  children,
}: {
  x: number
  y: number
  w: number
  h: number
  title?: string | string[]
  lines?: string[]
  tone?: Tone
  titleSize?: number
  size?: number
  dashed?: boolean
  strokeWidth?: number
  children?: ReactNode
}) {
  const t = tones[tone]
  const titleLines = title === undefined ? [] : Array.isArray(title) ? title : [title]
  const titleH = titleLines.length * titleSize * 1.25
  const bodyH = lines.length * size * 1.3
  const total = titleH + (lines.length ? 4 : 0) + bodyH
  const top = y + (h - total) / 2 + titleSize * 0.9
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={10}
        style={{
          fill: t.fill,
          stroke: t.stroke,
          strokeWidth,
          strokeDasharray: dashed ? '6 4' : undefined,
        }}
      />
      {titleLines.length > 0 && (
        <Lines x={x + w / 2} y={top} lines={titleLines} size={titleSize} weight={650} lineHeight={1.25} />
      )}
      {lines.length > 0 && (
        <Lines
          x={x + w / 2}
          y={top + titleH + 4 - titleSize * 0.25 + size * 0.35}
          lines={lines}
          size={size}
          color={c.muted}
        />
      )}
      {children}
    </g>
  )
}

/** Arrow-head marker; give each SVG its own id (useId) so pages with many diagrams stay valid. */
export function ArrowMarker({ id, color = c.muted }: { id: string; color?: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" style={{ fill: color }} />
    </marker>
  )
}

/** A straight or elbowed arrow through the given points. */
export function Arrow({
  points,
  marker,
  color = c.muted,
  width = 1.75,
  dashed = false,
  both = false,
}: {
  points: Array<[number, number]>
  marker: string
  color?: string
  width?: number
  dashed?: boolean
  both?: boolean
}) {
  const d = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px},${py}`).join(' ')
  return (
    <path
      d={d}
      markerEnd={`url(#${marker})`}
      markerStart={both ? `url(#${marker})` : undefined}
      style={{
        fill: 'none',
        stroke: color,
        strokeWidth: width,
        strokeDasharray: dashed ? '5 4' : undefined,
      }}
    />
  )
}

/** A small label with a background pill, handy on top of arrows. */
export function Tag({
  x,
  y,
  text,
  tone = 'neutral',
  size = 12,
  anchor = 'middle',
}: {
  x: number
  y: number
  text: string
  tone?: Tone
  size?: number
  anchor?: 'start' | 'middle' | 'end'
}) {
  const w = text.length * size * 0.56 + 14
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'start' ? x : x - w
  const t = tones[tone]
  return (
    <g>
      <rect
        x={left}
        y={y - size * 0.95}
        width={w}
        height={size * 1.5}
        rx={size * 0.75}
        style={{ fill: tone === 'neutral' ? c.bg : t.fill, stroke: t.stroke, strokeWidth: 1 }}
      />
      <text x={left + w / 2} y={y + size * 0.05} textAnchor="middle" style={{ fill: c.text, fontSize: size }}>
        {text}
      </text>
    </g>
  )
}
