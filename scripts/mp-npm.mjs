#!/usr/bin/env node
/**
 * "构建 npm" without WeChat DevTools: copies TDesign's mini-program build into
 * miniprogram/miniprogram_npm/tdesign-miniprogram, the layout DevTools' own build makes
 * (project.config.json sets packNpmManually, so DevTools does not build it again).
 * Runs from postinstall and before the mini-program tests; the copy is gitignored.
 */
import { cpSync, existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const from = `${root}node_modules/tdesign-miniprogram/miniprogram_dist`
const to = `${root}miniprogram/miniprogram_npm/tdesign-miniprogram`

if (!existsSync(from)) {
  // A production install without dev dependencies has nothing to copy; the mini-program is built elsewhere.
  console.log('mp-npm: tdesign-miniprogram is not installed, nothing to copy')
} else {
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
  console.log(`mp-npm: copied tdesign-miniprogram into ${to.slice(root.length)}`)
}
