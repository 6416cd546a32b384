import { expect } from 'chai'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { MP_ROOT } from './harness/runtime.js'
import { appJson } from './harness/files.js'

/**
 * What WeChat uploads for the main package: app.*, the main package's pages, and
 * everything they reach (components through usingComponents, modules through require and
 * import, styles through @import, templates through import/include/wxs) — TDesign's files
 * only where used, as ignoreUploadUnusedFiles and lazyCodeLoading do. WeChat refuses a
 * main package over 2 MB.
 */
const LIMIT = 2 * 1024 * 1024

function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith('/') ? join(MP_ROOT, spec) : spec.startsWith('.') ? join(dirname(from), spec) : join(MP_ROOT, 'miniprogram_npm', spec)
  for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) if (existsSync(candidate) && statSync(candidate).isFile()) return normalize(candidate)
  // A bare package inside TDesign's own miniprogram_npm (tslib, dayjs …).
  const nested = join(MP_ROOT, 'miniprogram_npm/tdesign-miniprogram/miniprogram_npm', spec)
  for (const candidate of [nested, `${nested}.js`, join(nested, 'index.js')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return normalize(candidate)
  return null
}

function mainPackageFiles(): Set<string> {
  const files = new Set<string>()
  const queue: string[] = []
  const add = (file: string | null) => {
    if (file && existsSync(file) && !files.has(file)) {
      files.add(file)
      queue.push(file)
    }
  }
  const addView = (pathNoExt: string) => ['js', 'json', 'wxml', 'wxss'].forEach((ext) => add(normalize(`${pathNoExt}.${ext}`)))
  for (const f of ['app.js', 'app.json', 'app.wxss', 'sitemap.json', 'config.js']) add(join(MP_ROOT, f))
  for (const page of appJson().pages) addView(join(MP_ROOT, page))
  while (queue.length) {
    const file = queue.shift()!
    const text = readFileSync(file, 'utf8')
    if (file.endsWith('.json')) {
      const using = (JSON.parse(text).usingComponents ?? {}) as Record<string, string>
      for (const target of Object.values(using)) {
        const base = target.startsWith('/')
          ? join(MP_ROOT, target)
          : target.startsWith('.')
            ? join(dirname(file), target)
            : join(MP_ROOT, 'miniprogram_npm', target)
        addView(base)
      }
    } else if (file.endsWith('.js')) {
      for (const m of text.matchAll(/(?:require\(\s*|from\s*|import\s*)["']([^"']+)["']/g)) add(resolveModule(file, m[1]))
    } else if (file.endsWith('.wxss')) {
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(normalize(m[1].startsWith('/') ? join(MP_ROOT, m[1]) : join(dirname(file), m[1])))
    } else if (file.endsWith('.wxml') || file.endsWith('.wxs')) {
      for (const m of text.matchAll(/<(?:import|include|wxs)[^>]*\bsrc=["']([^"']+)["']/g))
        add(normalize(m[1].startsWith('/') ? join(MP_ROOT, m[1]) : join(dirname(file), m[1])))
      for (const m of text.matchAll(/require\(\s*["']([^"']+)["']/g)) add(normalize(join(dirname(file), m[1])))
    }
  }
  return files
}

describe('mini-program: the main package', () => {
  it("stays under WeChat's 2 MB limit, TDesign included", () => {
    const files = mainPackageFiles()
    const bytes = [...files].reduce((sum, f) => sum + statSync(f).size, 0)
    const npm = [...files].filter((f) => relative(MP_ROOT, f).startsWith('miniprogram_npm'))
    expect(npm.length, 'the pages use TDesign, so its files must be counted').to.be.greaterThan(0)
    expect(bytes, `${files.size} files, ${(bytes / 1024).toFixed(0)} KB`).to.be.below(LIMIT)
  })
})
