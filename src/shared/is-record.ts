/** A plain object: not null, not an array (what JSON gives for `{…}`). The one check for untrusted data. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
