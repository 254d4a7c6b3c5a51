import { useId } from 'react'
import { Arrow, ArrowMarker, Box, svgStyle, Tag, useNarrow } from './svg'

const samLines = [
  'PlaceOrderFunction',
  'AWS::Serverless::Function',
  '+ Api event, policy',
  '\u00a0',
  'OrdersTable',
  'AWS::Serverless::SimpleTable',
]
const cfnLines = [
  'AWS::Lambda::Function',
  'AWS::IAM::Role',
  'AWS::Lambda::Permission',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Stage',
  'AWS::DynamoDB::Table',
]

/** Lesson 5: CloudFormation expands a short SAM template into full resources, then builds the stack. */
export function SamTransform() {
  const [ref, narrow] = useNarrow<HTMLDivElement>(600)
  const id = useId()
  const mk = `${id}-m`
  const W = narrow ? 360 : 720
  const H = narrow ? 640 : 280

  const sam = narrow ? { x: 30, y: 8, w: 300, h: 170 } : { x: 6, y: 44, w: 224, h: 210 }
  const cfn = narrow ? { x: 30, y: 244, w: 300, h: 218 } : { x: 296, y: 30, w: 252, h: 240 }
  const stack = narrow ? { x: 30, y: 530, w: 300, h: 100 } : { x: 600, y: 100, w: 114, h: 100 }
  const mid = narrow ? 180 : 150

  return (
    <div ref={ref}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} style={svgStyle}>
        <title id={`${id}-t`}>What the SAM transform does with a template</title>
        <desc id={`${id}-d`}>
          A SAM template of about 30 lines declares two resources: PlaceOrderFunction, of type AWS::Serverless::Function
          with an Api event and a policy, and OrdersTable, of type AWS::Serverless::SimpleTable. Because the template
          declares Transform: AWS::Serverless-2016-10-31, CloudFormation expands it into seven ordinary resources: an
          AWS::Lambda::Function, the AWS::IAM::Role it runs with, an AWS::Lambda::Permission that lets API Gateway
          invoke it, an AWS::ApiGateway::RestApi with its Deployment and Stage, and an AWS::DynamoDB::Table.
          CloudFormation then creates, updates and deletes all of them together as one stack.
        </desc>
        <defs>
          <ArrowMarker id={mk} />
        </defs>
        <Box {...sam} title="template.yaml (SAM)" lines={samLines} tone="accent" titleSize={15} size={13.5} />
        <Box {...cfn} title="Expanded CloudFormation" lines={cfnLines} tone="blue" titleSize={15} size={13.5} />
        <Box {...stack} title="One stack" lines={['built and', 'updated', 'together']} titleSize={15} size={13.5} />
        {narrow ? (
          <>
            <Arrow
              points={[
                [mid, sam.y + sam.h],
                [mid, cfn.y - 2],
              ]}
              marker={mk}
            />
            <Tag x={mid + 8} y={(sam.y + sam.h + cfn.y) / 2 + 4} text="SAM transform" size={12} anchor="start" />
            <Arrow
              points={[
                [mid, cfn.y + cfn.h],
                [mid, stack.y - 2],
              ]}
              marker={mk}
            />
            <Tag x={mid + 8} y={(cfn.y + cfn.h + stack.y) / 2 + 4} text="CloudFormation" size={12} anchor="start" />
          </>
        ) : (
          <>
            <Arrow
              points={[
                [sam.x + sam.w, mid],
                [cfn.x - 2, mid],
              ]}
              marker={mk}
            />
            <Tag x={(sam.x + sam.w + cfn.x) / 2} y={18} text="SAM transform" size={12} />
            <Arrow
              points={[
                [cfn.x + cfn.w, mid],
                [stack.x - 2, mid],
              ]}
              marker={mk}
            />
            <Tag x={(cfn.x + cfn.w + stack.x + stack.w) / 2} y={80} text="CloudFormation" size={12} />
          </>
        )}
      </svg>
    </div>
  )
}
