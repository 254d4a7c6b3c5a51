export default function factory(load) {
  return load('fs').promises
}
