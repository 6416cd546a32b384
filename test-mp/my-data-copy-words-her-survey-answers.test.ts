import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/**
 * 导出我的信息 → 复制全部内容: a questionnaire she answered is copied as her messages are — what
 * it was and when she sent it, then each question with her answer in words — not "回答了 5 题".
 */
describe('mini-program: her copy of her data says what she was asked and what she answered', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('copies each question of her questionnaire with the option she chose and what she typed', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    const her = await asResident(app, 'o-copy-survey')
    await created(her.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o1', q2: ['b'], q3: 4, q4: '多种些树', q5: 2 } }))
    await created(her.post(`/api/mp/surveys/${consultation.id}/responses`, { answers: {}, comments: [{ articleId: 'a1', text: '建议写明绿化经费来源' }] }))

    holdPhone(app, 'o-copy-survey')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    expect(data.textOf('#summary')).to.include('问卷：2 份')
    await data.tap('#copy')
    const copied = String(phone.clipboard)
    const part = copied.slice(copied.indexOf('【问卷（2）】'), copied.indexOf('【答题'))
    expect(part).to.include('1. 社区绿化满意度调查（问卷）').and.include('提交时间：')
    expect(part).to.include('问：您是否经常去社区公园？\n   答：是')
    expect(part).to.include('问：希望增加哪些设施？\n   答：座椅')
    expect(part).to.include('问：对现有绿化的满意度\n   答：4 分（满分 5 分）')
    expect(part).to.include('问：其他建议\n   答：多种些树')
    expect(part).to.include('2. 青澜市城市绿化条例（草案）征求意见（立法征求意见）').and.include('对第一条的意见：建议写明绿化经费来源')
    for (const code of ['回答了', 'o1', 'q1', 'a1']) expect(part, code).not.to.include(code)
  })
})
