import { expect } from 'chai'
import type { Client, TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * 孙大爷's words typed at the privacy notice are kept "一天之内", as the bot told him. Past that day the backend hands
 * them back to no bot, even in the hour before its maintenance job deletes them.
 */
describe('the bot API: a dialogue past the time it was kept until is none', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => ({ app, bot } = await startWithBotApi()))
  afterEach(() => app.close())

  it('gives his words back within the day, and none after it, before any purge', async () => {
    await bot.request('PUT', '/api/bot/dialogues/wx-sun', { state: { words: '下水道堵了好几天了' }, keepHours: 24 })
    await bot.request('PUT', '/api/bot/dialogues/wx-draft', { state: { words: '路灯坏了' }, keepHours: 168 })
    app.clock.advance(23 * 3_600_000)
    expect((await bot.get('/api/bot/dialogues/wx-sun')).body.state, 'within the day').to.deep.equal({ words: '下水道堵了好几天了' })

    app.clock.advance(2 * 3_600_000)
    expect((await bot.get('/api/bot/dialogues/wx-sun')).body).to.deep.equal({ state: null, updatedAt: null, wordsLapsed: false })
    expect((await bot.get('/api/bot/dialogues/wx-draft')).body.state, 'within its week').to.deep.equal({ words: '路灯坏了' })
  })
})
