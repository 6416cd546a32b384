import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ConfigError, type Config } from './config.js'

/**
 * The key for personal data. Deployments set LIAISON_SECRET_KEY; a single embedded
 * install may instead keep a generated key beside its database, so `npm start` works on
 * a fresh machine without losing the ability to read what it wrote.
 */
export function resolveSecretKey(config: Config): { key: string; source: 'config' | 'file' | 'ephemeral'; file?: string } {
  if (config.security.secretKey) return { key: config.security.secretKey, source: 'config' }
  const url = config.store.url
  if (url === 'sqlite::memory:') return { key: randomBytes(32).toString('hex'), source: 'ephemeral' }
  if (!url.startsWith('sqlite:')) {
    throw new ConfigError('config error: security.secretKey (env LIAISON_SECRET_KEY): required with MongoDB, where every instance must share one key')
  }
  const file = join(dirname(url.slice('sqlite:'.length)), 'secret.key')
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim()
    if (!/^[0-9a-f]{64}$/i.test(key)) throw new ConfigError(`config error: ${file}: not a 64-hex-character key`)
    return { key, source: 'file', file }
  }
  mkdirSync(dirname(file), { recursive: true })
  const key = randomBytes(32).toString('hex')
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  return { key, source: 'file', file }
}
