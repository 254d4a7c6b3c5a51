/**
 * An instructor's preview link: `#/lms/preview?pack=<config>`, the pack config as base64url
 * JSON, so #/instructors can open any pack it builds, as a learner would see it, with no LMS.
 */
import { fromBase64Url, toBase64Url } from './suspend.ts'

export const PREVIEW_ID = 'preview'
const MAX_PARAM = 100_000

export function encodePreview(config: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(config)))
}

/** The config in a preview link, or null when the parameter is not one. */
export function decodePreview(param: string | null): unknown {
  if (!param || param.length > MAX_PARAM) return null
  const bytes = fromBase64Url(param)
  if (!bytes) return null
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
}

export function previewHref(config: unknown): string {
  return `#/lms/${PREVIEW_ID}?pack=${encodePreview(config)}`
}
