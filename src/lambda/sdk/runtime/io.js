// The host I/O channel the SDK's requests leave the sandbox through. Runtime code reaches it
// through the prelude's internal loader (src/lambda/README.md); learner code does not. The SDK
// bundle runs as prelude factories `(__lf_load, __lf_internals) => exports`, so both names are in
// scope here (scripts/build-sdk.ts wraps every chunk that way).
/* global __lf_load, __lf_internals */

let channel

/** `{ request(kind, req) → Promise<res> }`: `internals.io` if the runtime offers it, else `internal/io`. */
export function hostIo() {
  if (channel === undefined) {
    const fromInternals = __lf_internals.io
    channel = fromInternals != null ? fromInternals : __lf_load('internal/io')
  }
  return channel
}

/** A prelude built-in module (`buffer`, `events`, ...), loaded through the runtime's loader. */
export function builtin(name) {
  return __lf_load(name)
}
