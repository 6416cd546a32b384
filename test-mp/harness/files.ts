import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MP_ROOT } from './runtime.js'

/** Every page and component of ours (not TDesign's), as paths without extension relative to miniprogram/. */
export function ownViews(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.wxml')) found.push(relative(MP_ROOT, full).slice(0, -'.wxml'.length))
    }
  }
  for (const top of ['pages', 'components']) if (existsSync(join(MP_ROOT, top))) walk(join(MP_ROOT, top))
  return found.sort()
}

/** The stylesheets pages share by @import (miniprogram/styles/), as paths without extension relative to miniprogram/. */
export function sharedStyles(): string[] {
  const dir = join(MP_ROOT, 'styles')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.wxss'))
    .map((name) => `styles/${name.slice(0, -'.wxss'.length)}`)
    .sort()
}

export interface AppJson {
  pages: string[]
  subpackages?: Array<{ root: string; pages: string[] }>
  usingComponents?: Record<string, string>
}

export const appJson = (): AppJson => JSON.parse(readFileSync(join(MP_ROOT, 'app.json'), 'utf8'))

/** Every page app.json names, main package first, then each subpackage's. */
export function declaredPages(): string[] {
  const app = appJson()
  return [...app.pages, ...(app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}
