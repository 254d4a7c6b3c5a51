// https: the same client as http (lazy/http.js) for https: URLs.
export default function factory(load, internals) {
  load('http')
  return internals.httpClient('https:')
}
