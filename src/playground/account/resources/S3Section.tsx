/** S3 in the Resources view: buckets (list, create, delete) and a bucket's objects (list, upload text, view, delete). */
import { useId, useState } from 'react'
import { objectText, requiredName } from './model.ts'
import { ActionNote, DeleteButton, Field, ListState, accountSend, useAccountData, useAction } from './shared.tsx'

interface S3Object {
  Key: string
  Size?: number
  LastModified?: Date | string
}

export function S3Section() {
  const buckets = useAccountData(
    () => accountSend<{ Buckets?: { Name: string }[] }>('s3', 'ListBuckets', {}).then((o) => o.Buckets ?? []),
    [],
  )
  const [selected, setSelected] = useState<string | null>(null)
  const action = useAction()
  const [name, setName] = useState('')
  const [tried, setTried] = useState(false)
  const current = selected && buckets.data?.some((b) => b.Name === selected) ? selected : null
  const nameError = tried ? requiredName(name, 'a bucket name') : undefined

  return (
    <div className="pg-rs-section" data-testid="rs-s3">
      <h2 className="pg-h3">Buckets</h2>
      <ListState data={buckets} empty="No buckets yet." isEmpty={(b) => b.length === 0} />
      {buckets.data && buckets.data.length > 0 && (
        <ul className="pg-rs-list" aria-label="Buckets">
          {buckets.data.map(({ Name }) => (
            <li key={Name} className={Name === current ? 'pg-rs-row pg-rs-row-current' : 'pg-rs-row'}>
              <button
                type="button"
                className="pg-linkbtn pg-rs-name"
                aria-pressed={Name === current}
                onClick={() => setSelected(Name === current ? null : Name)}
              >
                {Name}
              </button>
              <DeleteButton
                name={Name}
                what="bucket"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(() => accountSend('s3', 'DeleteBucket', { Bucket: Name }), `Deleted ${Name}.`)
                }
              />
            </li>
          ))}
        </ul>
      )}
      <form
        className="pg-rs-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (requiredName(name, 'a bucket name')) return
          const bucket = name.trim()
          void action
            .run(() => accountSend('s3', 'CreateBucket', { Bucket: bucket }), `Created ${bucket}.`)
            .then((ok) => {
              if (!ok) return
              setName('')
              setTried(false)
              setSelected(bucket)
            })
        }}
      >
        <Field label="New bucket name" error={nameError} help="3–63 lower-case letters, digits, dots and hyphens.">
          {(p) => (
            <input
              {...p}
              value={name}
              onChange={(e) => setName(e.target.value)}
              spellCheck={false}
              autoCapitalize="off"
            />
          )}
        </Field>
        <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy}>
          Create bucket
        </button>
      </form>
      <ActionNote action={action} />
      {current && <BucketObjects key={current} bucket={current} />}
    </div>
  )
}

function BucketObjects({ bucket }: { bucket: string }) {
  const [token, setToken] = useState<string[]>([])
  const list = useAccountData(
    () =>
      accountSend<{ Contents?: S3Object[]; NextContinuationToken?: string; IsTruncated?: boolean }>(
        's3',
        'ListObjectsV2',
        { Bucket: bucket, MaxKeys: 50, ...(token.length ? { ContinuationToken: token[token.length - 1] } : {}) },
      ),
    [bucket, token],
  )
  const [viewing, setViewing] = useState<{ key: string; text?: string; notShown?: string } | null>(null)
  const action = useAction()
  const ids = useId()
  const [key, setKey] = useState('')
  const [body, setBody] = useState('')
  const [tried, setTried] = useState(false)
  const keyError = tried ? requiredName(key, 'an object key') : undefined
  const objects = list.data?.Contents ?? []

  const view = (k: string) =>
    void action.run(async () => {
      const out = await accountSend<{ Body?: Uint8Array | string }>('s3', 'GetObject', { Bucket: bucket, Key: k })
      const bytes = typeof out.Body === 'string' ? new TextEncoder().encode(out.Body) : (out.Body ?? new Uint8Array())
      setViewing({ key: k, ...objectText(bytes) })
    })

  return (
    <section className="pg-rs-detail" aria-labelledby={`${ids}-h`} data-testid="rs-bucket-objects">
      <h3 id={`${ids}-h`} className="pg-h4">
        Objects in <code>{bucket}</code>
      </h3>
      <ListState data={list} empty="No objects." isEmpty={(d) => !d.Contents?.length} />
      {objects.length > 0 && (
        <ul className="pg-rs-list" aria-label={`Objects in ${bucket}`}>
          {objects.map((o) => (
            <li key={o.Key} className="pg-rs-row">
              <span className="pg-rs-name pg-rs-mono">{o.Key}</span>
              <span className="pg-rs-muted">{o.Size ?? 0} B</span>
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`View object ${o.Key}`}
                onClick={() => view(o.Key)}
              >
                View
              </button>
              <DeleteButton
                name={o.Key}
                what="object"
                disabled={action.busy}
                onDelete={() =>
                  void action.run(
                    () => accountSend('s3', 'DeleteObject', { Bucket: bucket, Key: o.Key }),
                    `Deleted ${o.Key}.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      {(token.length > 0 || list.data?.NextContinuationToken) && (
        <div className="pg-rs-toolbar">
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            disabled={!token.length}
            onClick={() => setToken((t) => t.slice(0, -1))}
          >
            Previous page
          </button>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            disabled={!list.data?.NextContinuationToken}
            onClick={() => setToken((t) => [...t, list.data!.NextContinuationToken!])}
          >
            Next page
          </button>
        </div>
      )}
      {viewing && (
        <div className="pg-rs-viewer">
          <div className="pg-field-head">
            <span className="pg-rs-label pg-rs-mono">{viewing.key}</span>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setViewing(null)}>
              Close
            </button>
          </div>
          {viewing.text !== undefined ? (
            <pre className="pg-pre pg-rs-pre" tabIndex={0} aria-label={`Contents of ${viewing.key}`}>
              {viewing.text}
            </pre>
          ) : (
            <p className="pg-empty">{viewing.notShown}</p>
          )}
        </div>
      )}
      <details className="pg-rs-create">
        <summary>Upload text</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setTried(true)
            if (requiredName(key, 'an object key')) return
            const k = key.trim()
            void action
              .run(
                () =>
                  accountSend('s3', 'PutObject', {
                    Bucket: bucket,
                    Key: k,
                    Body: body,
                    ContentType: 'text/plain; charset=utf-8',
                  }),
                `Uploaded ${k}.`,
              )
              .then((ok) => {
                if (!ok) return
                setKey('')
                setBody('')
                setTried(false)
              })
          }}
        >
          <Field label="Key" error={keyError} help="For example notes/hello.txt.">
            {(p) => (
              <input
                {...p}
                value={key}
                onChange={(e) => setKey(e.target.value)}
                spellCheck={false}
                autoCapitalize="off"
              />
            )}
          </Field>
          <Field label="Text">
            {(p) => (
              <textarea
                {...p}
                className="pg-rs-textarea"
                rows={4}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-sm btn-secondary" disabled={action.busy}>
            Upload
          </button>
        </form>
      </details>
      <ActionNote action={action} />
    </section>
  )
}
