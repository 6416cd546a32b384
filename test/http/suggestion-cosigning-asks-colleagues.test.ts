import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { draft, told } from '../helpers/suggestions.js'
import { startWithWeChat, subscribe } from '../helpers/wechat.js'

/**
 * Review 37, finding 6: 刘建国 invited co-signers and read "附议够了就可以提交" with no number, and nobody was told
 * anything. Here 张伟 (轻工街道代表联络站) asks for co-signers: his station colleagues 王芳 and 李强 are told, by name
 * of the suggestion and where to answer, and find it in 我的待办; he hears each answer with where co-signing stands,
 * and his page says how many are still needed (none, unless the local rule asks: config suggestions.minCoSigners).
 */
describe('代表建议: asking colleagues to co-sign, and hearing their answers', () => {
  let app: TestApp
  afterEach(() => app.close())

  const start = async (overrides: Record<string, unknown> = {}) => {
    app = await startApp({ directory: caseCity(), overrides })
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  }

  it('tells the colleagues he asks where to answer, and tells him each answer and what he may do now', async () => {
    await start()
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const li = await asDeputy(app, 'dp0003')
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft({ title: '建设路社区楼顶违建整治' }))

    const invited = await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, {})
    expect(invited.status, JSON.stringify(invited.body)).to.equal(200)
    expect(invited.body.invitees.map((i: { name: string; answerLabel: string }) => `${i.name}：${i.answerLabel}`)).to.deep.equal([
      '王芳：还没有回复',
      '李强：还没有回复',
    ])
    expect(invited.body.cosign).to.deep.include({ needed: 0, cosigned: 0, missing: 0, ready: false })
    expect(invited.body.cosign.words).to.equal('还没有代表附议。王芳、李强还没有回复。附议不是必须的；想等其他代表附议，就先不要提交。')
    expect(await told(app, 'suggestion.cosign_invited')).to.have.members(
      ['dp0002', 'dp0003'].map(
        (id) =>
          `deputy:${id} → 张伟代表请您附议代表建议《建设路社区楼顶违建整治》，12月2日（星期三）上午10:00前可以回复。请打开小程序“代表工作台”，在“我的待办”里点这条建议，选“附议”或“不附议”。`,
      ),
    )
    // Where the notice says: his 我的待办, with a button.
    const wangsTasks = (await wang.get('/api/mp/tasks')).body
    expect(wangsTasks.suggestions).to.deep.equal([
      {
        id: s.id,
        number: null,
        title: '建设路社区楼顶违建整治',
        action: 'cosign',
        actionLabel: '去回复',
        text: '张伟代表请您附议，请在12月2日（星期三）上午10:00前回复',
      },
    ])

    app.clock.set(new Date('2026-11-25T06:00:00Z'))
    expect((await wang.post(`/api/mp/deputy/suggestions/${s.id}/cosign`)).status).to.equal(200)
    expect(await told(app, 'suggestion.cosigned')).to.deep.equal([
      'deputy:dp0001 → 王芳代表附议了您的建议《建设路社区楼顶违建整治》。已有 1 位代表附议。李强还没有回复。附议不是必须的；想等其他代表附议，就先不要提交。',
    ])
    expect((await wang.get('/api/mp/tasks')).body.suggestions, 'answered: no longer waiting on her').to.deep.equal([])

    const declined = await li.post(`/api/mp/deputy/suggestions/${s.id}/cosign-decline`)
    expect(declined.status, JSON.stringify(declined.body)).to.equal(200)
    expect(await told(app, 'suggestion.cosign_declined')).to.deep.equal([
      'deputy:dp0001 → 李强代表不附议您的建议《建设路社区楼顶违建整治》。已有 1 位代表附议。可以提交了。要提交，请在小程序“代表工作台—我的建议”里打开这条建议，点“提交建议”。',
    ])
    const now = (await zhang.get(`/api/mp/deputy/suggestions/${s.id}`)).body
    expect(now.invitees.map((i: { name: string; answerLabel: string }) => `${i.name}：${i.answerLabel}`)).to.deep.equal(['王芳：已附议', '李强：不附议'])
    expect(now.cosign).to.deep.include({ cosigned: 1, waiting: [], ready: true, words: '已有 1 位代表附议。可以提交了。' })

    // 赵敏 of another station was not asked: she simply does not co-sign, and says so nowhere.
    const zhao = await asDeputy(app, 'dp0004')
    const refused = await zhao.post(`/api/mp/deputy/suggestions/${s.id}/cosign-decline`)
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'not_invited', message: '领衔代表没有邀请您附议这条建议，不附议的话不用回复' })
  })

  it('says how many more co-signers the local rule needs, and refuses to submit before them', async () => {
    await start({ suggestions: { minCoSigners: 2 } })
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft())
    const invited = (await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, {})).body
    expect(invited.cosign.words).to.equal('还没有代表附议，还需 2 位代表附议才能提交。王芳、李强还没有回复。')

    await wang.post(`/api/mp/deputy/suggestions/${s.id}/cosign`)
    const early = await zhang.post(`/api/mp/deputy/suggestions/${s.id}/submit`)
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'too_few_cosigners', message: '还需 1 位代表附议才能提交（至少要 2 位代表附议）' })
    const read = (await zhang.get(`/api/mp/deputy/suggestions/${s.id}`)).body
    expect(read).to.include({ status: 'cosigning', number: null })
    expect(read.cosign.words).to.equal('已有 1 位代表附议，还需 1 位代表附议才能提交。李强还没有回复。')
  })

  it('asks only deputies in office, never himself, when he names them', async () => {
    await start()
    const zhang = await asDeputy(app, 'dp0001')
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft())
    const wrong = await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, { deputyIds: ['dp0001', 'dp0099'] })
    expect(wrong.status).to.equal(422)
    expect(wrong.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['不用邀请自己', '没有这位在任代表'])
    expect((await zhang.get(`/api/mp/deputy/suggestions/${s.id}`)).body.status, 'nothing changed').to.equal('draft')
    const named = await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, { deputyIds: ['dp0005'] })
    expect(named.body.invitees.map((i: { name: string }) => i.name)).to.deep.equal(['刘洋'])
  })
})

describe('代表建议: an invitation to co-sign waits for the morning', () => {
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat({ outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: ['case.replied'] } } })
  })
  afterEach(() => app.close())

  it('holds the notice of an invitation made late in the evening until 08:00, as any notice that can wait', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    await subscribe(wang, 'accept', 3)
    app.clock.set(new Date('2026-11-25T13:30:00Z')) // Wednesday 21:30
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft({ title: '建设路社区楼顶违建整治' }))
    await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, { deputyIds: ['dp0002'] })
    await app.liaison.services.dispatcher.drain()
    expect(
      app.fake.sent().filter((m) => m.touser === 'o-deputy-dp0002'),
      'nothing at 21:30',
    ).to.deep.equal([])

    app.clock.set(new Date('2026-11-26T00:00:00Z')) // Thursday 08:00
    await app.liaison.services.dispatcher.drain()
    const cards = app.fake.sent().filter((m) => m.touser === 'o-deputy-dp0002')
    expect(cards).to.have.length(1)
    expect(cards[0].data.thing1.value).to.match(/^请您附议代表建议：建设路社区/)
    expect(cards[0].page, 'the card opens the suggestion, where she answers').to.equal(`pages/suggestion/detail?suggestionId=${s.id}`)
  })
})
