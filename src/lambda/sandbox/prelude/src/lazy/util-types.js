export default function factory(load) {
  return load('util').types
}
