/**
 * The playground's code editor. This entry is light: it does not import Monaco, which loads on
 * demand when a <CodeEditor> mounts (or on `preloadEditor()`).
 *
 *   <CodeEditor files={files} activeFile="index.mjs" onChange={…} onActiveFileChange={…}
 *               onFilesChange={…} markers={…} onRun={…} ref={handleRef} />
 *
 * `ref` gives a `CodeEditorHandle` (`formatDocument()`, `focus()`).
 */
export { CodeEditor } from './CodeEditor.tsx'
export { preloadEditor } from './lazy.ts'
export { buildFunction, preloadBuild, sourcePathFor } from './build.ts'
export type { BuildError, BuildOptions, BuildResult } from './build.ts'
export { ALLOWED_EXTENSIONS, builtPathOf, kindOf, validateFilePath } from './files.ts'
export type { CodeEditorHandle, CodeEditorProps, EditorMarker } from './types.ts'
