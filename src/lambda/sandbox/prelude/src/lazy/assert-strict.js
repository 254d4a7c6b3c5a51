export default function factory(load) {
  return load('assert').strict
}
