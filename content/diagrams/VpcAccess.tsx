import { useId } from 'react'
import { Arrow, ArrowMarker, Box, c, Lines, svgStyle, Tag, useNarrow } from './svg'

type R = { x: number; y: number; w: number; h: number }

/** Lesson 4: a function attached to a VPC reaches RDS, AWS services and the internet. */
export function VpcAccess() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`
  const W = narrow ? 360 : 720
  const H = narrow ? 586 : 300
  // Areas (VPC, private subnets, public subnet) and boxes, per layout.
  const L = narrow
    ? {
        vpc: { x: 10, y: 84, w: 340, h: 416 },
        priv: { x: 24, y: 112, w: 312, h: 264 },
        pub: { x: 24, y: 390, w: 312, h: 98 },
        lam: { x: 70, y: 10, w: 260, h: 56 },
        eni: { x: 70, y: 140, w: 260, h: 56 },
        rds: { x: 70, y: 222, w: 260, h: 56 },
        vpce: { x: 70, y: 304, w: 260, h: 56 },
        nat: { x: 70, y: 418, w: 260, h: 56 },
        net: { x: 70, y: 520, w: 260, h: 56 },
      }
    : {
        vpc: { x: 152, y: 10, w: 452, h: 280 },
        priv: { x: 164, y: 40, w: 276, h: 238 },
        pub: { x: 452, y: 40, w: 140, h: 238 },
        lam: { x: 8, y: 104, w: 130, h: 84 },
        eni: { x: 176, y: 104, w: 110, h: 84 },
        rds: { x: 306, y: 60, w: 122, h: 64 },
        vpce: { x: 306, y: 196, w: 122, h: 64 },
        nat: { x: 464, y: 104, w: 116, h: 84 },
        net: { x: 614, y: 104, w: 100, h: 84 },
      }
  const area = (r: R, label: string, tone: string) => (
    <g>
      <rect
        x={r.x}
        y={r.y}
        width={r.w}
        height={r.h}
        rx={10}
        style={{ fill: 'none', stroke: tone, strokeWidth: 1.5, strokeDasharray: '5 4' }}
      />
      <Lines x={r.x + 10} y={r.y + 17} lines={[label]} size={12.5} weight={650} color={c.muted} anchor="start" />
    </g>
  )
  const mid = (r: R): [number, number] => [r.x + r.w / 2, r.y + r.h / 2]
  const { eni, rds, vpce, nat, net, lam } = L

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>A function attached to a VPC</title>
        <desc id={`${id}-d`}>
          The function's execution environments run in Lambda's own VPC. Attached to your VPC, they reach it through a
          Hyperplane network interface in your private subnets, governed by a security group. From there the function
          reaches the orders database on Amazon RDS directly, reaches DynamoDB and other AWS services through VPC
          endpoints, and reaches the internet, such as a payment provider's API, only through a NAT gateway in a public
          subnet, because its network interface has no public IP address.
        </desc>
        <defs>
          <ArrowMarker id={mk} />
        </defs>
        {area(L.vpc, 'Your VPC', c.text)}
        {area(L.priv, 'Private subnets', c.accent)}
        {area(L.pub, 'Public subnet', c.blue)}
        <Box
          {...lam}
          title={narrow ? 'Lambda’s own VPC' : ['Lambda’s', 'own VPC']}
          lines={narrow ? ['place-order’s environments'] : ['place-order’s', 'environments']}
          titleSize={13}
          size={12}
        />
        <Box
          {...eni}
          title={narrow ? 'Hyperplane ENI' : ['Hyperplane', 'ENI']}
          lines={narrow ? ['private IP, security group'] : ['private IP,', 'security group']}
          tone="accent"
          titleSize={13}
          size={12}
        />
        <Box {...rds} title="Amazon RDS" lines={['orders database']} tone="purple" titleSize={13} size={12} />
        <Box {...vpce} title="VPC endpoints" lines={['DynamoDB, SQS…']} tone="green" titleSize={13} size={12} />
        <Box
          {...nat}
          title="NAT gateway"
          lines={narrow ? ['has a public IP; route 0.0.0.0/0 here'] : ['has a public IP;', 'route 0.0.0.0/0', 'here']}
          tone="blue"
          titleSize={13}
          size={12}
        />
        <Box
          {...net}
          title="Internet"
          lines={narrow ? ['payment provider’s API'] : ['payment', 'provider’s API']}
          titleSize={13}
          size={12}
        />
        {narrow ? (
          <>
            <Arrow
              points={[
                [200, 66],
                [200, 138],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [70, 168],
                [46, 168],
                [46, 250],
                [68, 250],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [46, 250],
                [46, 332],
                [68, 332],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [46, 332],
                [46, 446],
                [68, 446],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [200, 474],
                [200, 518],
              ]}
              marker={mk}
            />
            <Tag x={268} y={510} text="via internet gateway" size={11} />
          </>
        ) : (
          <>
            <Arrow
              points={[
                [lam.x + lam.w, mid(lam)[1]],
                [eni.x - 2, mid(eni)[1]],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [eni.x + eni.w, 130],
                [rds.x - 2, mid(rds)[1]],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [eni.x + eni.w, 162],
                [vpce.x - 2, mid(vpce)[1]],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [eni.x + eni.w, 146],
                [nat.x - 2, 146],
              ]}
              marker={mk}
            />
            <Arrow
              points={[
                [nat.x + nat.w, 146],
                [net.x - 2, 146],
              ]}
              marker={mk}
            />
            <Tag x={598} y={214} text="internet gateway" size={11} />
          </>
        )}
      </svg>
    </div>
  )
}
