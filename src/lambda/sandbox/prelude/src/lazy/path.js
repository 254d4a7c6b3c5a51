// path: POSIX paths (path-browserify = Node's path module for POSIX); cwd is /var/task.
import pathBrowserify from 'path-browserify'

export default function factory() {
  const path = pathBrowserify
  path.posix = path
  return path
}
