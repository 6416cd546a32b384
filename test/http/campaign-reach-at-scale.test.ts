import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import type { Store } from '../../src/store/ports.js'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
/** Deputies added to 轻工街道's station: enough that a read per person would show. */
const MANY = 60
const codeOf = (id: string) => `DX${id.slice(2).padStart(3, '0')}`

/**
 * A city's campaign is for thousands of deputies. 学习进度, the 提醒未读 panel and 导出未读名单 each
 * say who a WeChat message reaches; they read the bindings of the whole list at once, so the
 * number of store reads stays the same whether the campaign has 6 deputies or 9,000.
 */
describe('who a message reaches, read for a whole campaign at once', () => {
  let app: TestApp
  let sunli: Client
  /** Calls of each method of the store's people and bot repositories, from now on. */
  let calls: Record<string, number>
  beforeEach(async () => {
    const city = smallCity()
    for (let i = 0; i < MANY; i++)
      city.deputies.push({ id: `dx${i}`, code: codeOf(`dx${i}`), name: `代表甲${i}`, level: 'township', stationIds: ['st001'], topics: [], phone: null })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  })
  afterEach(() => {
    real = null
    return app.close()
  })

  /** Counts every call on the two repositories reach reads (the services hold the same store object). */
  let real: Pick<Store, 'mpUsers' | 'bot'> | null = null
  function countCalls() {
    calls = {}
    const store = app.liaison.store as Store
    real ??= { mpUsers: store.mpUsers, bot: store.bot }
    for (const name of ['mpUsers', 'bot'] as const) {
      const repo = real[name] as unknown as Record<string, unknown>
      ;(store as unknown as Record<string, unknown>)[name] = new Proxy(repo, {
        get(target, key) {
          const value = target[key as string]
          if (typeof value !== 'function') return value
          return (...args: unknown[]) => {
            calls[`${name}.${String(key)}`] = (calls[`${name}.${String(key)}`] ?? 0) + 1
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        },
      })
    }
  }

  it('学习进度, 提醒未读 and 导出未读名单 read everyone’s bindings in one go, not one read per deputy', async () => {
    // Every fourth of the new deputies talks to the bot; the others bound nothing.
    const onBot = Array.from({ length: MANY }, (_, i) => `dx${i}`).filter((_, i) => i % 4 === 0)
    for (const id of onBot) {
      const { user } = await app.liaison.services.botPeople.resolve(`wxid_${id}`, null)
      await app.liaison.store.mpUsers.update(user.id, { deputyId: id })
    }
    const created = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      endsAt: '2026-12-31T18:00:00+08:00',
      audience: { stationIds: ['st001'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const item = await sunli.post(`/api/admin/campaigns/${created.body.id}/items`, { title: '代表法全文', summary: '', body: '<p>……</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    // 张伟, 王芳, 李强 of st001 and the new ones: nobody else bound anything.
    const audience = 3 + MANY

    countCalls()
    const progress = (await sunli.get(`/api/admin/campaigns/${created.body.id}/progress?groupBy=station`)).body
    expect(progress.totals).to.include({ audience, reached: audience, unreachable: audience - onBot.length })
    expect(calls, '学习进度: one read of every binding').to.deep.equal({ 'mpUsers.listByDeputyIds': 1 })

    countCalls()
    const state = (await sunli.get(`/api/admin/campaigns/${created.body.id}/reminders`)).body
    expect(state).to.include({ waiting: audience, ready: onBot.length })
    expect(calls, '提醒未读: one read of every binding').to.deep.equal({ 'mpUsers.listByDeputyIds': 1 })

    countCalls()
    const sheet = await sunli.get(`/api/admin/campaigns/${created.body.id}/not-read.csv`)
    expect(sheet.status).to.equal(200)
    const rows = parse((sheet.body as Buffer).subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>
    expect(rows).to.have.length(audience)
    expect(rows.filter((r) => r['微信消息'] === '能收到').map((r) => r['代表编号'])).to.have.members(onBot.map(codeOf))
    expect(calls, '导出未读名单: one read of every binding').to.deep.equal({ 'mpUsers.listByDeputyIds': 1 })
    // The office itself sees the same figures.
    expect((await (await asAdmin(app)).get(`/api/admin/campaigns/${created.body.id}/progress`)).body.totals.unreachable).to.equal(audience - onBot.length)
  })
})
