import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import axios from 'axios'
import { WeChatClient } from '../../src/wechat/client.js'
import { loadConfig } from '../../src/config.js'
import { ManualClock } from '../../src/clock.js'
import { isLoopback, takeBlockedConnections } from '../helpers/network-guard.js'

describe('tests reach nothing beyond loopback', () => {
  afterEach(() => takeBlockedConnections()) // this file makes refused calls on purpose

  it('refuses fetch and axios to a public address before anything is sent, and records where', async () => {
    // 203.0.113.0/24 is reserved for documentation: nothing would answer there anyway.
    const viaFetch = await fetch('http://203.0.113.7:8080/').then(
      () => null,
      (err: Error) => err,
    )
    expect(String((viaFetch as Error & { cause?: Error })?.cause?.message ?? viaFetch)).to.include('refused 203.0.113.7:8080')
    const viaAxios = await axios.get('https://api.weixin.qq.com/cgi-bin/stable_token').then(
      () => null,
      (err: Error) => err,
    )
    expect(viaAxios?.message).to.include('refused api.weixin.qq.com:443')
    expect(takeBlockedConnections()).to.deep.equal(['203.0.113.7:8080', 'api.weixin.qq.com:443'])
  })

  it('lets loopback through', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as { port: number }
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).to.equal('ok')
      expect(await (await fetch(`http://localhost:${port}/`).catch(() => fetch(`http://127.0.0.1:${port}/`))).text()).to.equal('ok')
    } finally {
      server.close()
    }
    expect(takeBlockedConnections()).to.deep.equal([])
    expect(['127.0.0.1', '::1', 'localhost'].every(isLoopback)).to.equal(true)
    expect(['10.0.0.1', '128.0.0.1', 'api.weixin.qq.com', '127.0.0.1.evil.example'].some(isLoopback)).to.equal(false)
  })

  it('fails a test whose code swallowed the refused connection, naming where it went', function () {
    this.timeout(60_000)
    const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js')
    const run = spawnSync(process.execPath, [mocha, '--no-config', '-n', 'import=tsx', '-r', 'test/setup.ts', 'test/unit/network-guard.fixture.ts'], {
      encoding: 'utf8',
    })
    expect(run.status, run.stdout + run.stderr).to.equal(1)
    expect(run.stdout).to.include('this test tried to connect beyond loopback: 203.0.113.7:8080')
  })

  it('points WeChat and WeCom at a closed loopback port unless a test says otherwise: a forgotten override fails closed', async () => {
    const config = loadConfig()
    expect(new URL(config.wechat.apiBase).hostname).to.equal('127.0.0.1')
    expect(new URL(config.wecom.apiBase).hostname).to.equal('127.0.0.1')
    const client = new WeChatClient({
      appId: 'wx-test',
      secret: 'secret',
      apiBase: config.wechat.apiBase,
      timeoutMs: 10_000,
      miniprogramState: 'formal',
      clock: new ManualClock(),
    })
    const err = await client.accessToken().then(
      () => null,
      (e: Error) => e,
    )
    expect(err, 'nobody answers there').to.be.an('error')
    expect(takeBlockedConnections(), 'and nothing left the machine').to.deep.equal([])
  })
})
