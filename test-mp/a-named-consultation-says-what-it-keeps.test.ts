import { expect } from 'chai'
import { consultationBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/**
 * 赵阿姨, 71, never gave her name anywhere. She opens 立法征求意见 on a draft regulation that keeps who
 * gave each opinion. "实名" would tell her she must give her name, or that her WeChat name will be
 * published: neither is true. The page says what is kept (that the opinions are hers, to tell her
 * whether they were adopted), that she writes no name, and that nobody is shown who she is.
 */
describe('mini-program: a named consultation says what it keeps, not 实名', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('tells her what is recorded and that her name is neither asked nor published', async () => {
    const draft = await created((await office(app)).post('/api/admin/surveys', consultationBody({ anonymous: false })))
    await holdAgreedPhone(app, 'o-zhao-no-name')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${draft.id}`)
    expect(page.textOf('.named-note')).to.equal('会记下这些意见是您提的，好告诉您意见是否采纳。不用写名字，也不会公开您是谁。')
    expect(page.textOf('.meta'), 'who gave the opinions, not who filled in a form').to.include('正在征求意见 · 会记下是您提的，只有人大工作人员能看到')
    expect(page.text()).not.to.include('实名')
  })
})
