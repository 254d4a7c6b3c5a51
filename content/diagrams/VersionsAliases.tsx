import { useId } from 'react'
import { Arrow, ArrowMarker, Box, c, svgStyle, useNarrow } from './svg'

/** Lesson 7: $LATEST, published versions, aliases pointing at them, and who calls what. */
export function VersionsAliases() {
  const id = useId()
  const mk = `${id}-m`
  const [ref, narrow] = useNarrow<HTMLDivElement>(560)
  const W = narrow ? 340 : 620
  const bw = narrow ? 60 : 104
  const gap = (W - 8 - 5 * bw) / 4
  const xs = [0, 1, 2, 3, 4].map((k) => 4 + k * (bw + gap))
  const mid = (k: number) => xs[k] + bw / 2
  const fs = narrow ? 13 : 14.5
  const yCall = 6
  const yAlias = 92
  const yVer = 188
  const h = narrow ? 56 : 54
  const labels = ['1', '2', '3', '4']
  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${yVer + h + 36}`} style={svgStyle}>
        <title id={`${id}-t`}>Versions and aliases of the place-order function</title>
        <desc id={`${id}-d`}>
          The place-order function has an editable $LATEST and four published, immutable versions numbered 1 to 4 by
          Lambda. Publishing copies $LATEST into the next version. The alias live points at version 3 and is called by
          API Gateway in production; the alias beta points at version 4 and is used by testers. Invoking the unqualified
          ARN, ending in place-order, runs $LATEST; a qualified ARN ends in a version number, such as place-order:3, or
          an alias name, such as place-order:live.
        </desc>
        <defs>
          <ArrowMarker id={mk} />
        </defs>
        {!narrow &&
          ['ARN ending in…', ':place-order runs $LATEST', ':place-order:3 runs v3', ':place-order:live runs v3'].map(
            (t, k) => (
              <text
                key={k}
                x={4}
                y={18 + k * 22}
                style={{ fill: k ? c.muted : c.text, fontSize: fs - 1, fontWeight: k ? 400 : 650 }}
              >
                {t}
              </text>
            ),
          )}
        <Box
          x={xs[2] - (narrow ? 28 : 10)}
          y={yCall}
          w={bw + (narrow ? 32 : 20)}
          h={h}
          title={narrow ? ['API', 'Gateway'] : 'API Gateway'}
          lines={narrow ? [] : ['production']}
          tone="neutral"
          titleSize={fs}
          size={fs - 1}
        />
        <Box
          x={xs[3] + (narrow ? 0 : 10)}
          y={yCall}
          w={bw + (narrow ? 24 : 0)}
          h={h}
          title="Testers"
          lines={['beta']}
          tone="neutral"
          titleSize={fs}
          size={fs - 1}
        />
        <Box
          x={xs[2]}
          y={yAlias}
          w={bw}
          h={h}
          title="live"
          lines={[narrow ? 'alias' : ':live alias']}
          tone="accent"
          titleSize={fs}
          size={fs - 1}
        />
        <Box
          x={xs[3]}
          y={yAlias}
          w={bw}
          h={h}
          title="beta"
          lines={[narrow ? 'alias' : ':beta alias']}
          tone="accent"
          titleSize={fs}
          size={fs - 1}
        />
        <Arrow
          points={[
            [mid(2), yCall + h],
            [mid(2), yAlias - 2],
          ]}
          marker={mk}
        />
        <Arrow
          points={[
            [mid(3) + (narrow ? 10 : 0), yCall + h],
            [mid(3), yAlias - 2],
          ]}
          marker={mk}
        />
        <Arrow
          points={[
            [mid(2), yAlias + h],
            [mid(2), yVer - 2],
          ]}
          marker={mk}
        />
        <Arrow
          points={[
            [mid(3), yAlias + h],
            [mid(3), yVer - 2],
          ]}
          marker={mk}
        />
        {labels.map((v, k) => (
          <Box
            key={v}
            x={xs[k]}
            y={yVer}
            w={bw}
            h={h}
            title={`v${v}`}
            lines={[narrow ? `:${v}` : 'immutable']}
            tone="blue"
            titleSize={fs}
            size={fs - 1}
          />
        ))}
        <Box
          x={xs[4]}
          y={yVer}
          w={bw}
          h={h}
          title="$LATEST"
          lines={['editable']}
          tone="neutral"
          dashed
          titleSize={fs}
          size={fs - 1}
        />
        <Arrow
          points={[
            [xs[4] + bw / 2, yVer + h],
            [xs[4] + bw / 2, yVer + h + 16],
            [mid(3), yVer + h + 16],
            [mid(3), yVer + h + 2],
          ]}
          marker={mk}
          dashed
        />
        <text
          x={(xs[4] + bw / 2 + mid(3)) / 2}
          y={yVer + h + 29}
          textAnchor="middle"
          style={{ fill: c.muted, fontSize: fs - 1 }}
        >
          publish
        </text>
      </svg>
    </div>
  )
}
