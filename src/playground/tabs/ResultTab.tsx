/** The "Execution result", like the Lambda console's: status, response or function error, summary, log output — and the build log for TypeScript. */
import { memo, useId, useLayoutEffect } from 'react'
import type { CallRecord } from '../../aws/public.ts'
import { DenialExplanation } from '../account/calls-denial.tsx'
import { denialOf } from '../account/calls.ts'
import { useSession } from '../hooks.ts'
import { fmtMs } from '../results.ts'
import type { Session } from '../session.ts'
import './tabs.css'
import './ResultTab.css'

export const ResultTab = memo(function ResultTab({ session }: { session: Session }) {
  const { result, serviceError, busy, buildLog, buildFailed, rtt, deniedCalls } = useSession(session, (s) => ({
    deniedCalls: s.deniedCalls,
    result: s.result,
    serviceError: s.serviceError,
    busy: s.busy,
    buildLog: s.buildLog,
    buildFailed: s.buildFailed,
    rtt: s.lastRoundTripMs,
  }))
  const ids = useId()

  // User Timing marks for performance scripts: 'lf:invoke' spans the click to the result on screen.
  useLayoutEffect(() => {
    if (!result) return
    performance.mark('lf:result-shown')
    if (performance.getEntriesByName('lf:invoke-start', 'mark').length)
      performance.measure('lf:invoke', 'lf:invoke-start', 'lf:result-shown')
  }, [result])

  return (
    <div className="pg-result" aria-busy={busy !== null} data-testid="result">
      {busy && (
        <p className="pg-running" role="status">
          {busy === 'building'
            ? 'Building…'
            : busy === 'deploying'
              ? 'Deploying your changes…'
              : 'Running your function…'}
        </p>
      )}
      {!busy && !result && !serviceError && !buildFailed && (
        <p className="pg-empty">
          Invoke the function to see its result here: the response, the summary Lambda reports, and the log output.
        </p>
      )}
      {buildFailed && !busy && (
        <div className="pg-status pg-status-fail" role="alert">
          <h2 className="pg-h3">Build failed</h2>
          <p>Fix the errors marked in the editor; nothing was deployed or run.</p>
        </div>
      )}
      {serviceError && !busy && (
        <div className="pg-status pg-status-fail" role="alert" data-testid="service-error">
          <h2 className="pg-h3">The request failed</h2>
          <p>
            <code>{serviceError.name}</code>: {serviceError.message}
          </p>
          {serviceError.name === 'ServiceException' && (
            <p className="pg-help">Your code and settings are unchanged. Invoke again when you are ready.</p>
          )}
        </div>
      )}
      {result && !busy && (
        <>
          <div
            className={`pg-status ${result.status === 'Succeeded' ? 'pg-status-ok' : 'pg-status-fail'}`}
            data-testid="result-status"
            data-request-id={result.summary.requestId}
          >
            <h2 className="pg-h3" aria-live="polite">
              Execution result: {result.status === 'Succeeded' ? 'succeeded' : 'failed'}
              <span className="pg-chip">{result.coldStart ? 'Cold start' : 'Warm start'}</span>
            </h2>
          </div>
          {result.error ? (
            <section aria-labelledby={`${ids}-err`} className="pg-block">
              <h3 id={`${ids}-err`} className="pg-h4">
                Function error
              </h3>
              <dl className="pg-kv">
                <dt>errorType</dt>
                <dd>
                  <code data-testid="error-type">{result.error.errorType}</code>
                </dd>
                <dt>errorMessage</dt>
                <dd data-testid="error-message">{result.error.errorMessage}</dd>
              </dl>
              {result.error.trace.length > 0 && (
                <>
                  <h4 className="pg-h5">trace</h4>
                  <pre className="pg-pre pg-pre-error" tabIndex={0}>
                    {result.error.trace.join('\n')}
                  </pre>
                </>
              )}
              <ErrorHelp errorType={result.error.errorType} />
              <DeniedBeside errorType={result.error.errorType} calls={deniedCalls} />
              <details className="pg-details">
                <summary>Response payload</summary>
                <pre className="pg-pre" tabIndex={0}>
                  {result.response}
                </pre>
              </details>
            </section>
          ) : (
            <section aria-labelledby={`${ids}-resp`} className="pg-block">
              <h3 id={`${ids}-resp`} className="pg-h4">
                Response
              </h3>
              <pre className="pg-pre" data-testid="response" tabIndex={0}>
                {result.response === '' ? '(empty)' : result.response}
              </pre>
            </section>
          )}
          <section aria-labelledby={`${ids}-sum`} className="pg-block">
            <h3 id={`${ids}-sum`} className="pg-h4">
              Summary
            </h3>
            <dl className="pg-summary" data-testid="summary">
              <div className="pg-summary-wide">
                <dt>Request ID</dt>
                <dd>
                  <code>{result.summary.requestId}</code>
                </dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>{fmtMs(result.summary.durationMs)}</dd>
              </div>
              <div>
                <dt>Billed duration</dt>
                <dd>{result.summary.billedDurationMs.toLocaleString('en-US')} ms</dd>
              </div>
              <div>
                <dt>Memory size</dt>
                <dd>
                  {Number.isNaN(result.summary.memorySizeMB)
                    ? '—'
                    : `${result.summary.memorySizeMB.toLocaleString('en-US')} MB`}
                </dd>
              </div>
              <div>
                <dt>Max memory used</dt>
                <dd>{result.summary.maxMemoryUsedMB.toLocaleString('en-US')} MB</dd>
              </div>
              {result.summary.initDurationMs !== undefined && (
                <div>
                  <dt>Init duration</dt>
                  <dd>{fmtMs(result.summary.initDurationMs)}</dd>
                </div>
              )}
            </dl>
            <p className="pg-help">
              Durations are on the simulator’s virtual clock.
              {rtt !== null ? ` This result took ${Math.round(rtt)} ms of real time to arrive.` : ''}
            </p>
          </section>
          <section aria-labelledby={`${ids}-log`} className="pg-block">
            <h3 id={`${ids}-log`} className="pg-h4">
              Log output
            </h3>
            <p className="pg-help">
              The last 4 KB of the invocation’s log (LogType: Tail)
              {result.logTruncated ? '; earlier lines are in the Logs tab' : ''}.
            </p>
            <pre className="pg-pre pg-log" data-testid="log-output" tabIndex={0}>
              {result.log}
            </pre>
          </section>
        </>
      )}
      {buildLog && (
        <details className="pg-details" open={buildFailed}>
          <summary>Build log (TypeScript)</summary>
          <pre className="pg-pre" data-testid="build-log" tabIndex={0}>
            {buildLog.join('\n')}
          </pre>
        </details>
      )}
    </div>
  )
})

const HELP: Record<string, string> = {
  'Sandbox.Timedout':
    'The function ran longer than its timeout. Raise Timeout in the configuration, or look for a loop that never ends or an await that never resolves.',
  'Runtime.HandlerNotFound':
    'Lambda found the file but not the export named in Handler. Check the handler setting (file.export) against what your file exports.',
  'Runtime.ImportModuleError':
    'Lambda could not load a module: check the Handler’s file name and your import paths. There is no npm install here: a package must be added as files under node_modules/.',
  'Runtime.UserCodeSyntaxError': 'Your code does not parse. The error is marked in the editor at its line.',
  'Runtime.MalformedHandlerName': 'The Handler must look like file.export, for example index.handler.',
  'Runtime.OutOfMemory':
    'The function used more memory than its Memory setting allows, so Lambda stopped the runtime. Use less memory, or raise the setting.',
  'Runtime.ExitError':
    'The runtime process exited (an uncaught exception outside the handler’s promise, or process.exit). The next invoke is a cold start.',
  'Runtime.NodeJsExit': 'The handler’s promise never settled: return or await a promise that finishes.',
}

function ErrorHelp({ errorType }: { errorType: string }) {
  const text = HELP[errorType]
  return text ? <p className="pg-help pg-error-help">{text}</p> : null
}

/**
 * IAM's explanation beside the function's error, when the error is the one a denied call raised
 * during this invoke (AccessDeniedException, S3's AccessDenied, SNS's AuthorizationError…).
 */
function DeniedBeside({ errorType, calls }: { errorType: string; calls: CallRecord[] }) {
  const call = calls.find((c) => c.errorName === errorType)
  const denial = call && denialOf(call)
  if (!call || !denial) return null
  return (
    <div className="pg-block" data-testid="result-denial">
      <p className="pg-help">
        This error came from a call IAM denied during this invoke:{' '}
        <code>
          {call.service}:{call.operation}
        </code>{' '}
        by <code className="pg-acct-wrap">{call.principal}</code>. All calls are in the Calls tab.
      </p>
      <DenialExplanation denial={denial} testId="result-denial-explanation" />
    </div>
  )
}
