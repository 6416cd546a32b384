import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import { asStaff, draft } from '../helpers/suggestions.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }

describe('代表建议 cards in WeChat', () => {
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  it('tells the deputy their suggestion was answered, with its number, opening the suggestion’s page', async () => {
    const admin = await asAdmin(app)
    const { body } = await admin.post('/api/admin/deputies/dp0001/binding-code')
    const zhang = await loginAs(app, 'o-zhangwei')
    await zhang.post('/api/mp/bind', { bindCode: body.code })
    await subscribe(zhang, 'accept', 5)
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft())
    const { body: submitted } = await zhang.post(`/api/mp/deputy/suggestions/${s.id}/submit`)
    const sunli = await asStaff(app, 'sunli')
    await sunli.post(`/api/admin/suggestions/${s.id}/review`, { decision: 'accept' })
    await sunli.post(`/api/admin/suggestions/${s.id}/assignment`, { leadUnitId: 'u01' })
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${s.id}/answer`, { category: 'resolved', text: '路灯已装好' })
    await app.liaison.services.dispatcher.drain()

    const card = app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .find((m) => m.data.thing1.value.startsWith('代表建议已答复'))
    expect(card, JSON.stringify(app.fake.sent().map((m) => m.data.thing1.value))).to.not.equal(undefined)
    expect(card!.page).to.equal(`pages/suggestion/detail?suggestionId=${s.id}`)
    expect(card!.data.character_string2.value).to.equal(submitted.number)
  })
})
