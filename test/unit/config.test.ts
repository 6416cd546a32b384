import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { ConfigError, loadConfig } from '../../src/config.js'

describe('configuration', () => {
  const load = (env: Record<string, string>, overrides = {}) => loadConfig({ env: { NODE_ENV: 'test', ...env }, overrides })
  const failure = (env: Record<string, string>, overrides = {}) => {
    try {
      load(env, overrides)
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError)
      return (err as Error).message
    }
    throw new Error('expected a ConfigError')
  }

  it('reads defaults, then the test file, then the environment', () => {
    expect(loadConfig({ env: {} }).store.url).to.equal('sqlite:./data/liaison.db')
    expect(load({}).store.url).to.equal('sqlite::memory:')
    const config = load({ PORT: '8080', LIAISON_DB: 'mongodb://db/liaison', LIAISON_TZ: 'Asia/Urumqi', LIAISON_ADMIN_PASSWORD: 'long-enough-1' })
    expect(config.http.port).to.equal(8080)
    expect(config.store.url).to.equal('mongodb://db/liaison')
    expect(config.business.timeZone).to.equal('Asia/Urumqi')
    expect(config.security.adminPassword).to.equal('long-enough-1')
  })

  it('names the key, the variable and the bad value in one line', () => {
    for (const [env, expected] of [
      [{ PORT: 'abc' }, /^config error: http\.port \(env PORT\): must be a whole number from 0 to 65535, got "abc"$/],
      [{ LIAISON_TZ: 'Mars/Olympus' }, /^config error: business\.timeZone \(env LIAISON_TZ\): must be an IANA time zone/],
      [{ LIAISON_SECRET_KEY: 'short' }, /^config error: security\.secretKey \(env LIAISON_SECRET_KEY\): must be 64 hex characters/],
      [{ LIAISON_DB: 'postgres://x' }, /^config error: store\.url \(env LIAISON_DB\): must start with sqlite: or mongodb:\/\//],
      [{ LIAISON_ADMIN_PASSWORD: 'short' }, /^config error: security\.adminPassword \(env LIAISON_ADMIN_PASSWORD\): must be at least 8 characters/],
    ] as const) {
      const message = failure(env)
      expect(message).to.match(expected)
      expect(message).not.to.include('\n')
    }
  })

  it('refuses a misspelt key instead of silently ignoring it', () => {
    expect(failure({}, { http: { prot: 3000 } })).to.match(/^config error: http: .*"prot"/)
    expect(failure({}, { security: { scryptCost: 3000 } })).to.match(/security\.scryptCost: must be a power of two/)
  })

  it('stops `npm start` with that one line and a non-zero exit', function () {
    this.timeout(30_000)
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: 'not-a-port', LIAISON_DB: 'sqlite::memory:' },
      encoding: 'utf8',
    })
    expect(run.status).to.equal(2)
    expect(run.stderr.trim()).to.equal('config error: http.port (env PORT): must be a whole number from 0 to 65535, got "not-a-port"')
  })
})
