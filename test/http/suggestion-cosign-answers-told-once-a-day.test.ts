import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { draft } from '../helpers/suggestions.js'

/**
 * Review 37, finding 8. 张伟 hears each colleague's answer to his call for co-signers. A colleague who co-signs,
 * withdraws and co-signs again sent him a notice each time, as often as he liked. Now each colleague's answers about
 * one suggestion reach him once a day (his page always says where co-signing stands); the next day's answer is told.
 */
describe('代表建议: a colleague’s answers to a call for co-signers reach the lead once a day', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  })
  afterEach(() => app.close())

  it('tells 张伟 of 王芳’s first answer of the day only, then of her next day’s', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft({ title: '建设路社区楼顶违建整治' }))
    expect((await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, {})).status).to.equal(200)
    const toZhang = async () =>
      (await app.liaison.store.outbox.search({ recipientId: 'dp0001', limit: 50 })).items
        .filter((m) => m.kind.startsWith('suggestion.cosign'))
        .map((m) => m.payload.text as string)

    for (let i = 0; i < 3; i++) {
      expect((await wang.post(`/api/mp/deputy/suggestions/${s.id}/cosign`)).status).to.equal(200)
      expect((await wang.request('DELETE', `/api/mp/deputy/suggestions/${s.id}/cosign`)).status).to.equal(200)
    }
    expect(await toZhang()).to.deep.equal([
      '王芳代表附议了您的建议《建设路社区楼顶违建整治》。已有 1 位代表附议。李强还没有回复。附议不是必须的；想等其他代表附议，就先不要提交。',
    ])
    expect((await zhang.get(`/api/mp/deputy/suggestions/${s.id}`)).body.cosign.cosigned, 'his page says where it stands').to.equal(0)

    app.clock.set(new Date('2026-11-26T02:00:00Z'))
    expect((await wang.post(`/api/mp/deputy/suggestions/${s.id}/cosign`)).status).to.equal(200)
    expect(await toZhang()).to.have.length(2)
  })
})
