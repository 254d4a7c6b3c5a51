/**
 * The playground's Resources view: the learner's simulated account — DynamoDB tables and items, S3
 * buckets and objects, SQS queues, SNS topics, EventBridge buses and rules, IAM roles and policies.
 * Every action is a call through the account's gateway as its admin user (`accountSend`), so it
 * answers with AWS's own errors; the view re-reads after any call that changed the account, whether
 * it came from here, a handler or a lab's check. Loaded lazily (the panel's side tab).
 */
import './resources.css'
import '../../tabs/tabs.css'
import { useId, useState } from 'react'
import { DynamoDbSection } from './DynamoDbSection.tsx'
import { EventsSection } from './EventsSection.tsx'
import { CustomerPolicies } from './IamPolicies.tsx'
import { IamRoles } from './IamRoles.tsx'
import { S3Section } from './S3Section.tsx'
import { SnsSection, SqsSection } from './SimpleSections.tsx'

export const RESOURCE_SERVICES = [
  { id: 'dynamodb', label: 'DynamoDB tables' },
  { id: 's3', label: 'S3 buckets' },
  { id: 'sqs', label: 'SQS queues' },
  { id: 'sns', label: 'SNS topics' },
  { id: 'events', label: 'EventBridge buses and rules' },
  { id: 'iam', label: 'IAM roles and policies' },
] as const
export type ResourceService = (typeof RESOURCE_SERVICES)[number]['id']

// The service last shown, for the next time the view mounts (another panel, a remount).
let lastService: ResourceService = 'dynamodb'

export default function ResourcesView() {
  const [service, setServiceState] = useState<ResourceService>(lastService)
  const ids = useId()
  const setService = (s: ResourceService) => {
    lastService = s
    setServiceState(s)
  }
  return (
    <div className="pg-rs" data-testid="resources">
      <div className="pg-rs-head">
        <div className="pg-field pg-rs-service">
          <label htmlFor={`${ids}-service`}>Service</label>
          <select
            id={`${ids}-service`}
            value={service}
            onChange={(e) => setService(e.target.value as ResourceService)}
            data-testid="rs-service"
          >
            {RESOURCE_SERVICES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <p className="pg-help">
          Your simulated account (123456789012, us-east-1). You act as its administrator; every change is an API call
          that answers as AWS does.
        </p>
      </div>
      {service === 'dynamodb' && <DynamoDbSection />}
      {service === 's3' && <S3Section />}
      {service === 'sqs' && <SqsSection />}
      {service === 'sns' && <SnsSection />}
      {service === 'events' && <EventsSection />}
      {service === 'iam' && (
        <>
          <IamRoles />
          <CustomerPolicies />
        </>
      )}
    </div>
  )
}
