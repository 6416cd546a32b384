import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 李阿姨 taps 送出留言; the message reaches the backend but the answer is lost on the way back,
 * so the page says the network is down. She adds a sentence and taps again. She must not read
 * "Idempotency-Key" — she must read, in plain words, that her message may already have been
 * sent and where to look, and find no second copy made.
 */
describe('mini-program: a resident who edits her message after a lost answer', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('is told in plain words that the first version may have been sent, and where to look', async () => {
    holdPhone(app, 'o-auntie-edits')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '楼道的灯坏了')
    phone.dropNextAnswer = true
    await write.tap('#submit')
    expect(write.text()).to.include('网络不通，请检查网络后重试')

    await write.type('#text', '楼道的灯坏了，已经半个月了')
    await write.tap('#submit')
    const shown = write.textOf('.form-error')
    expect(shown).not.to.match(/Idempotency|Key|请求/)
    expect(shown).to.include('我的留言')
    expect(write.buttonLook('#my-cases'), 'the one obvious thing to do now').to.equal('filled')
    expect(write.buttonLook('#submit'), 'sending again would only be refused').to.equal('plain')

    await write.tap('#my-cases')
    expect(phone.navigations.at(-1)!.url).to.equal('/pages/case/list')
    const user = await app.liaison.store.mpUsers.getByOpenid('o-auntie-edits')
    expect((await app.liaison.store.cases.search({ residentId: user!.id, limit: 5 })).items, 'one message, never two').to.have.length(1)
  })
})
