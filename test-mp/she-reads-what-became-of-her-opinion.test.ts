import { expect } from 'chai'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { consultationBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, typeInto } from './office.js'

/**
 * 王阿姨 (70) comments on a draft regulation. At her tap on 送出意见 WeChat asks whether she may be
 * told the outcome; when the office has decided, the consultation's page shows her opinion with
 * 「部分采纳：…」, and, once the office publishes it, what was taken up.
 */
describe('mini-program: 王阿姨 reads what became of her opinion', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('asks for the notice at her submit tap, then shows her opinion with its outcome and the published summary', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    await holdAgreedPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    await typeInto(page.component.querySelectorAll('.comment')[0], '老旧小区也要补种树木')
    await page.tap('.submit')
    expect(phone.subscribeAsked, 'WeChat’s question opened at her tap on 送出意见').to.deep.equal([[TEMPLATE]])
    expect(page.textOf('.done')).to.equal('意见已送出，谢谢您参与立法。意见是否采纳，会在这一页“我提的意见”里告诉您')
    expect(page.textOf('#mine')).to.include('第一条').and.include('老旧小区也要补种树木').and.include('正在研究处理，有结果会告诉您')

    const [opinion] = (await organizer.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items
    await organizer.post(`/api/admin/surveys/${consultation.id}/opinions/${opinion.id}/decision`, {
      outcome: 'partly_adopted',
      reason: '第二十条增加老旧小区补绿的规定',
    })
    await organizer.post(`/api/admin/surveys/${consultation.id}/close`)
    expect((await organizer.post(`/api/admin/surveys/${consultation.id}/outcome/publish`)).status).to.equal(200)

    const later = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(later.textOf('.meta')).to.match(/^已于.+结束/)
    expect(later.textOf('#mine')).to.include('部分采纳：第二十条增加老旧小区补绿的规定')
    expect(later.textOf('#summary')).to.include('共收到意见 1 条，采纳或部分采纳 1 条').and.include('第一条：意见 1 条，采纳 0，部分采纳 1，未采纳 0')
  })
})
