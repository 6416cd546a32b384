import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { outboxMessage } from '../src/services/delivery/outbox-message.js'
import { WeChatClient } from '../src/wechat/client.js'
import { FakeWeChat } from '../test/fakes/wechat-api.js'
import { row, time, type Row } from './measure.js'

const MESSAGES = 10_000
const TEMPLATE = 'TPL_BENCH'

/**
 * The dispatcher draining 10,000 pending subscribe messages to the local fake WeChat on
 * the embedded store, rate limits off, against the baseline of the bare WeChat client
 * sending the same number with the same concurrency. Memory: the heap after draining
 * against the heap before (flat = the drain holds nothing per message once sent).
 */
export async function benchOutbox(): Promise<{ rows: Row[]; lines: string[] }> {
  const fake = new FakeWeChat()
  const base = await fake.start()
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-outbox-'))
  try {
    const config = loadConfig({
      env: { LIAISON_DB: `sqlite:${join(dir, 'liaison.db')}`, LIAISON_SECRET_KEY: 'a'.repeat(64) },
      overrides: {
        log: { level: 'silent' },
        wechat: {
          enabled: true,
          appId: fake.appId,
          secret: fake.secret,
          apiBase: base,
          templates: { notice: { id: TEMPLATE, longTerm: true, page: 'pages/index/index', data: { thing1: '{title}', thing3: '{text}' } } },
        },
        outbox: { perMinute: { mp_subscribe: 0 }, batchSize: 200 },
      },
    })
    const baseline = await time(async () => {
      const client = new WeChatClient({ appId: fake.appId, secret: fake.secret, apiBase: base, timeoutMs: 5000, miniprogramState: 'formal' })
      for (let i = 0; i < MESSAGES; i += 200) {
        await Promise.all(
          Array.from({ length: Math.min(200, MESSAGES - i) }, (_, j) =>
            client.sendSubscribeMessage({ touser: `o-${(i + j) % 500}`, templateId: TEMPLATE, data: { thing1: '留言已答复', thing3: '您的留言已有答复' } }),
          ),
        )
      }
    })

    const liaison = await build(config)
    const { store } = liaison
    const now = new Date()
    for (let u = 0; u < 500; u++) {
      await store.mpUsers.create({
        id: `mu-${u}`,
        openid: `o-${u}`,
        unionid: null,
        deputyId: null,
        phoneEnc: null,
        phoneIndex: null,
        consentVersion: 'v1',
        consentAt: now,
        createdAt: now,
      })
      await store.subscriptions.record(`mu-${u}`, TEMPLATE, 'long_term_on', now)
    }
    const message = (i: number) =>
      outboxMessage({
        to: { kind: 'mp_user', id: `mu-${i % 500}` },
        kind: 'case.replied',
        payload: { text: '您的留言已有答复，请查看', ticket: `20261122-${String(i).padStart(4, '0')}` },
        dedupeKey: `bench:${i}`,
        at: now,
      })
    for (let i = 0; i < MESSAGES; i += 1000) await store.outbox.enqueue(Array.from({ length: 1000 }, (_, j) => message(i + j)))
    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    let peakHeap = heapBefore
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50)
    const drained = await time(() => liaison.services.dispatcher.drain())
    clearInterval(sampler)
    global.gc?.()
    const heapAfter = process.memoryUsage().heapUsed
    const counts = await store.outbox.countsByStatus()
    await liaison.close()
    const lines = [
      `outbox drain: ${drained.value.sent} sent in ${Math.round(drained.ms)} ms (bare client ${Math.round(baseline.ms)} ms); sent ${counts.sent}/${MESSAGES}`,
      `heap: before ${mb(heapBefore)}, peak ${mb(peakHeap)}, after ${mb(heapAfter)}`,
    ]
    return {
      lines,
      rows: [
        row({
          name: 'dispatcher drains 10,000 messages to fake WeChat',
          value: drained.ms,
          unit: 'ms',
          baseline: { name: 'bare WeChat client', value: baseline.ms },
          target: { below: 20_000 },
        }),
      ],
    }
  } finally {
    await fake.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
