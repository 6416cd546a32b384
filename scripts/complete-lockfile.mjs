#!/usr/bin/env node
/**
 * Adds lock entries for platform-specific optional packages that the registry mirror of
 * this workplace does not serve (e.g. @napi-rs/canvas-darwin-arm64). `npm install` leaves
 * them out of package-lock.json when it cannot fetch them, and `npm ci` then refuses the
 * lock as out of sync. Each added entry names its os/cpu/libc, so npm skips it on other
 * platforms and fetches it normally on its own. Run after `npm install` changes the lock:
 *
 *   node scripts/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const OS = { android: 'android', darwin: 'darwin', linux: 'linux', win32: 'win32', freebsd: 'freebsd' }
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64', 'universal']

function platformOf(name) {
  const m = name.match(/-(android|darwin|linux|win32|freebsd)-([a-z0-9]+)(?:-(gnu|musl|msvc|gnueabihf|eabi))?$/)
  if (!m) return null
  const [, os, cpu, abi] = m
  if (!CPU.includes(cpu)) return null
  const entry = { os: [OS[os]], cpu: [abi === 'gnueabihf' ? 'arm' : cpu === 'universal' ? 'x64' : cpu] }
  if (os === 'linux') entry.libc = [abi === 'musl' ? 'musl' : 'glibc']
  return entry
}

let added = 0
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue
    const platform = platformOf(dep)
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue
    lock.packages[`node_modules/${dep}`] = { version, ...platform, optional: true }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`complete-lockfile: added ${added} platform entries`)
