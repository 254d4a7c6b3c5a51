/* global __lf_internals */
// Prepended (by scripts/build-prelude.ts) to node-inspect-extracted's dist/inspect.js.
// QuickJS stacks are frames only ("    at f (file.js:1:2)"); V8 stacks start with "Name: message".
function __lf_fixStack(err, stack, errorToString) {
  if (stack.slice(0, 7) !== '    at ') return stack
  let frames = stack
  while (frames.length > 0 && frames[frames.length - 1] === '\n') frames = frames.slice(0, -1)
  return `${v8Head(errorToString(err), err)}\n${frames}`
}
// "TypeError: cannot read property 'x' of undefined" -> V8's words (see v8Message in core.js).
function v8Head(head, err) {
  const translate = __lf_internals.v8Message
  const at = head.indexOf(': ')
  if (translate === undefined || at < 0) return head
  return `${head.slice(0, at + 2)}${translate(head.slice(at + 2), err)}`
}
// Promise state comes from the host when it offers __lf_host.promiseState: [0 pending|1 fulfilled|2 rejected, value].
function __lf_promiseDetails(promise, kPending, kRejected) {
  const get = __lf_internals.promiseState
  if (get !== undefined) {
    const r = get(promise)
    if (r && r[0] === 1) return [1, r[1]]
    if (r && r[0] === 2) return [kRejected, r[1]]
  }
  return [kPending, undefined]
}
