export default function factory(load) {
  return load('path')
}
