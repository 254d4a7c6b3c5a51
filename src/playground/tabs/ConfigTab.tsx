/** Function configuration: handler, runtime, memory, timeout, environment variables, logging — each validated with Lambda's own messages before it reaches the engine. */
import { memo, useId, useMemo, type KeyboardEvent, type ReactNode } from 'react'
import {
  APPLICATION_LOG_LEVELS,
  MEMORY_MAX,
  MEMORY_MIN,
  PICKER_RUNTIMES,
  SUPPORTED_RUNTIMES,
  SYSTEM_LOG_LEVELS,
  TIMEOUT_MAX,
  TIMEOUT_MIN,
  checkConfig,
  runtimeChoice,
  type ConfigDraft,
  type EnvVarRow,
} from '../config.ts'
import { playgroundStore, usePlayground } from '../state.ts'
import './tabs.css'
import './ConfigTab.css'

export const ConfigTab = memo(function ConfigTab({ workspaceId, onRun }: { workspaceId: string; onRun(): void }) {
  const config = usePlayground((s) => s.workspaces[workspaceId]?.config)
  const check = useMemo(() => (config ? checkConfig(config) : null), [config])
  const ids = useId()
  const today = new Date().toISOString().slice(0, 10)
  if (!config || !check) return null
  const set = (patch: Partial<ConfigDraft>) => playgroundStore.getState().setConfig(workspaceId, patch)
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault()
      onRun()
    }
  }
  const setRow = (i: number, patch: Partial<EnvVarRow>) =>
    set({ env: config.env.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  const json = config.logFormat === 'JSON'
  const count = Object.keys(check.errors).length

  return (
    <form
      className="pg-config"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      aria-describedby={`${ids}-summary`}
      data-testid="config-form"
    >
      <p id={`${ids}-summary`} className={count ? 'pg-field-error' : 'pg-ok-text'} data-testid="config-summary">
        {count
          ? `${count === 1 ? 'One setting needs' : `${count} settings need`} fixing before you can invoke.`
          : 'The configuration is valid. Changes are deployed when you invoke.'}
      </p>
      <Field
        id={`${ids}-handler`}
        label="Handler"
        help="file.export — e.g. index.handler runs the export “handler” of index.mjs (or index.js / index.cjs)."
        error={check.errors.handler}
      >
        {(p) => (
          <input
            {...p}
            value={config.handler}
            onChange={(e) => set({ handler: e.target.value })}
            spellCheck={false}
            autoCapitalize="off"
            data-testid="config-handler"
          />
        )}
      </Field>
      <Field
        id={`${ids}-runtime`}
        label="Runtime"
        help={runtimeChoice(config.runtime, today).note ?? undefined}
        error={check.errors.runtime}
      >
        {(p) => (
          <select
            {...p}
            value={config.runtime}
            onChange={(e) => set({ runtime: e.target.value })}
            data-testid="config-runtime"
          >
            {!(PICKER_RUNTIMES as readonly string[]).includes(config.runtime) && (
              <option value={config.runtime}>
                {(SUPPORTED_RUNTIMES as readonly string[]).includes(config.runtime)
                  ? runtimeChoice(config.runtime, today).label
                  : config.runtime}
              </option>
            )}
            {PICKER_RUNTIMES.map((r) => {
              const choice = runtimeChoice(r, today)
              return (
                <option key={r} value={r} disabled={choice.blocked && r !== config.runtime}>
                  {choice.label}
                </option>
              )
            })}
          </select>
        )}
      </Field>
      <div className="pg-config-row">
        <Field
          id={`${ids}-memory`}
          label="Memory (MB)"
          help={`${MEMORY_MIN}–${MEMORY_MAX.toLocaleString('en-US')} MB. CPU grows with memory (1,769 MB = one vCPU).`}
          error={check.errors.memory}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={config.memory}
              onChange={(e) => set({ memory: e.target.value })}
              data-testid="config-memory"
            />
          )}
        </Field>
        <Field
          id={`${ids}-timeout`}
          label="Timeout (seconds)"
          help={`${TIMEOUT_MIN}–${TIMEOUT_MAX} seconds.`}
          error={check.errors.timeout}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={config.timeout}
              onChange={(e) => set({ timeout: e.target.value })}
              data-testid="config-timeout"
            />
          )}
        </Field>
      </div>

      <fieldset className="pg-fieldset">
        <legend>Environment variables</legend>
        {config.env.length === 0 && <p className="pg-help">None. Your code reads them from process.env.</p>}
        {config.env.map((row, i) => {
          const err = check.envRows[i]
          return (
            <div key={i} className="pg-env-row">
              <div className="pg-env-inputs">
                <input
                  aria-label={`Key ${i + 1}`}
                  value={row.key}
                  placeholder="KEY"
                  spellCheck={false}
                  autoCapitalize="off"
                  aria-invalid={!!err}
                  aria-describedby={err ? `${ids}-env-${i}` : undefined}
                  onChange={(e) => setRow(i, { key: e.target.value })}
                />
                <input
                  aria-label={`Value ${i + 1}`}
                  value={row.value}
                  placeholder="value"
                  spellCheck={false}
                  onChange={(e) => setRow(i, { value: e.target.value })}
                />
                <button
                  type="button"
                  className="btn btn-sm btn-ghost"
                  aria-label={`Remove environment variable ${row.key || i + 1}`}
                  onClick={() => set({ env: config.env.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
              </div>
              {err && (
                <p className="pg-field-error" id={`${ids}-env-${i}`}>
                  {err}
                </p>
              )}
            </div>
          )
        })}
        {check.errors.env && !check.envRows.some(Boolean) && <p className="pg-field-error">{check.errors.env}</p>}
        <button
          type="button"
          className="btn btn-sm btn-secondary"
          onClick={() => set({ env: [...config.env, { key: '', value: '' }] })}
          disabled={config.env.length >= 50}
        >
          Add environment variable
        </button>
      </fieldset>

      <fieldset className="pg-fieldset">
        <legend>Logging</legend>
        <div className="pg-radio-row" role="radiogroup" aria-label="Log format">
          {(['Text', 'JSON'] as const).map((f) => (
            <label key={f} className="pg-radio">
              <input
                type="radio"
                name={`${ids}-format`}
                checked={config.logFormat === f}
                onChange={() => set({ logFormat: f, ...(f === 'Text' ? { appLogLevel: '', sysLogLevel: '' } : {}) })}
              />
              {f === 'Text' ? 'Text (plain lines)' : 'JSON (structured)'}
            </label>
          ))}
        </div>
        {check.errors.logFormat && <p className="pg-field-error">{check.errors.logFormat}</p>}
        <div className="pg-config-row">
          <Field
            id={`${ids}-app`}
            label="Application log level"
            help={
              json ? 'Hides your console calls below this level.' : 'Available with the JSON log format, as on AWS.'
            }
            error={check.errors.appLogLevel}
          >
            {(p) => (
              <select
                {...p}
                value={config.appLogLevel}
                disabled={!json}
                onChange={(e) => set({ appLogLevel: e.target.value as ConfigDraft['appLogLevel'] })}
              >
                <option value="">INFO (default)</option>
                {APPLICATION_LOG_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`${ids}-sys`}
            label="System log level"
            help={
              json
                ? 'WARN hides the platform records (START, END, REPORT).'
                : 'Available with the JSON log format, as on AWS.'
            }
            error={check.errors.sysLogLevel}
          >
            {(p) => (
              <select
                {...p}
                value={config.sysLogLevel}
                disabled={!json}
                onChange={(e) => set({ sysLogLevel: e.target.value as ConfigDraft['sysLogLevel'] })}
              >
                <option value="">INFO (default)</option>
                {SYSTEM_LOG_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </form>
  )
})

function Field(props: {
  id: string
  label: string
  help?: string
  error?: string
  children(p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }): ReactNode
}) {
  const { id, label, help, error } = props
  const describedBy = [error ? `${id}-err` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      {props.children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {error && (
        <p className="pg-field-error" id={`${id}-err`} data-testid={`${id.split('-').pop()}-error`}>
          {error}
        </p>
      )}
      {help && (
        <p className="pg-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  )
}
