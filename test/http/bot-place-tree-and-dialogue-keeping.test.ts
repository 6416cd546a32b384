import { expect } from 'chai'
import { runMaintenanceJob } from '../../src/jobs/maintenance-job.js'
import { Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * The bot reads the whole place tree in one call (from the backend's cached directory), and says how long a
 * dialogue may be kept when it saves it: the backend lets it go then, the bot running or not.
 */
describe('the bot API: the place tree, and how long a dialogue is kept', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => ({ app, bot } = await startWithBotApi()))
  afterEach(() => app.close())

  it('gives every place a message can go to, with its parent, no grids, and only to the bot', async () => {
    expect((await new Client(app.baseUrl).get('/api/bot/regions/tree')).status).to.equal(401)
    const { status, body } = await bot.get('/api/bot/regions/tree')
    expect(status).to.equal(200)
    const items = body.items as Array<{ id: string; name: string; kind: string; parentId: string | null }>
    expect(items.find((r) => r.id === 'c010102')).to.deep.equal({ id: 'c010102', name: '光明社区', kind: 'community', parentId: 's0101' })
    expect(items.find((r) => r.id === 'd01')).to.deep.equal({ id: 'd01', name: '湛河区', kind: 'district', parentId: null })
    expect(items.map((r) => r.kind)).to.not.include('grid')
    expect(items.map((r) => r.id)).to.include.members(['d02', 's0201', 'c020101', 'd03', 's0301', 'c030101', 'c010201'])
  })

  it('keeps a dialogue for the hours the bot asks, and refuses a keeping it cannot give, changing nothing', async () => {
    await bot.request('PUT', '/api/bot/dialogues/wx-a', { state: { words: '路灯坏了' }, keepHours: 24 })
    await bot.request('PUT', '/api/bot/dialogues/wx-b', { state: { words: '下水道堵了' }, keepHours: 168 })
    for (const keepHours of [0, 169, 1.5, '24']) {
      const refused = await bot.request('PUT', '/api/bot/dialogues/wx-a', { state: { words: '别的话' }, keepHours })
      expect(refused.status, String(keepHours)).to.equal(400)
      expect(refused.body.error.code, String(keepHours)).to.equal('validation_failed')
    }
    expect((await bot.get('/api/bot/dialogues/wx-a')).body.state).to.deep.equal({ words: '路灯坏了' })

    app.clock.advance(25 * 3_600_000)
    await runMaintenanceJob({ store: app.liaison.store, clock: app.clock })
    expect((await bot.get('/api/bot/dialogues/wx-a')).body.state, 'past the day asked for').to.equal(null)
    expect((await bot.get('/api/bot/dialogues/wx-b')).body.state, 'within the week asked for').to.deep.equal({ words: '下水道堵了' })
  })
})
