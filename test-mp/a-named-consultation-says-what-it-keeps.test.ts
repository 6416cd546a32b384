import { expect } from 'chai'
import { consultationBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/**
 * 赵阿姨, 71, never gave her name anywhere. She opens 立法征求意见 on a draft regulation that keeps who
 * gave each opinion. "实名" would tell her she must give her name, or that her WeChat name will be
 * published: neither is true. The page says once what is kept and who sees it (that the opinions are
 * hers, seen only by the office's staff), and why: to tell her whether they were adopted.
 */
describe('mini-program: a named consultation says what it keeps, not 实名', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('tells her once what is recorded, who sees it and why', async () => {
    const draft = await created((await office(app)).post('/api/admin/surveys', consultationBody({ anonymous: false })))
    await holdAgreedPhone(app, 'o-zhao-no-name')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${draft.id}`)
    expect(page.textOf('.meta'), 'who gave the opinions, not who filled in a form').to.include('正在征求意见 · 会记下是您提的，只有人大工作人员能看到')
    expect(page.textOf('.named-note'), 'why, without saying again who sees it').to.equal('意见是否采纳，以后会告诉您。')
    expect(page.text().split('记下').length - 1, 'what is kept is said once').to.equal(1)
    expect(page.text()).not.to.include('不用写名字').and.not.include('公开您是谁')
    expect(page.text()).not.to.include('实名')
  })
})
