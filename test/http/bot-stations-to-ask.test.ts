import { expect } from 'chai'
import { Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * The stations the chat names to a resident where their staff must act for her ("留言里的电话写错了"): the ones her
 * own messages went to, with where they are and when they receive people; nobody else's, and nothing without the secret.
 */
describe('the bot API: the stations handling her messages', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
  })
  afterEach(() => app.close())

  const resident = async (contactId: string) => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
    return body.personId as string
  }

  it('names hers; none before her first message; 401 without the secret, 400 for a malformed id, 404 for nobody', async () => {
    const wang = await resident('wx-wang')
    const other = await resident('wx-other')
    expect((await bot.get(`/api/bot/people/${wang}/stations`)).body).to.deep.equal({ items: [] })
    const sent = await bot.post(`/api/bot/people/${wang}/cases`, { text: '小区路灯坏了', regionId: 'c010101' }, { 'Idempotency-Key': 'k1' })
    expect(sent.status).to.equal(201)
    expect((await bot.get(`/api/bot/people/${wang}/stations`)).body).to.deep.equal({
      items: [{ name: '轻工街道代表联络站', address: '建设路1号', receptionText: '每星期三接待' }],
    })
    expect((await bot.get(`/api/bot/people/${other}/stations`)).body, 'not another person’s').to.deep.equal({ items: [] })
    expect((await new Client(app.baseUrl).get(`/api/bot/people/${wang}/stations`)).status).to.equal(401)
    const malformed = await bot.get('/api/bot/people/no-such-person/stations')
    expect(malformed.status).to.equal(400)
    expect(malformed.body.error.code).to.equal('validation_failed')
    const nobody = await bot.get('/api/bot/people/mu-00000000-0000-4000-8000-000000000000/stations')
    expect(nobody.status).to.equal(404)
    expect(nobody.body.error.message).to.equal('未找到此人')
  })
})
