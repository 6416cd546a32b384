import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { consultationBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office } from './office.js'

/** A draft of four articles: opinions come on the first only. */
const FOUR_ARTICLES = [
  { id: 'a1', number: '第一条', text: '为了促进城市绿化事业发展，改善生态环境，制定本条例。' },
  { id: 'a2', number: '第二条', text: '本条例适用于本市城市规划区内的绿化。' },
  { id: 'a3', number: '第三条', text: '市园林绿化主管部门负责全市城市绿化工作。' },
  { id: 'a4', number: '第十二条', text: '新建居住区绿地率不得低于百分之三十。' },
]

/**
 * 李大爷 (68) sent his opinion on a draft regulation. Opened again, the page says his opinion went, and shows what he
 * wrote, not a bare 「您已经送出过了」. Once the outcome is published it lists the articles that had opinions, and says
 * once how many had none, not a row of noughts for each. An anonymous one says why his words cannot be shown him.
 */
describe('mini-program: a consultation she answered shows what she sent, and the articles that had opinions', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('reopened: 您的意见已经送出了 with his opinion under it; the outcome lists only the article with opinions', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ articles: FOUR_ARTICLES })))
    await holdAgreedPhone(app, 'o-li-daye')
    const li = await asResident(app, 'o-li-daye')
    await created(
      li.post(`/api/mp/surveys/${consultation.id}/responses`, { answers: { q1: 'o1' }, comments: [{ articleId: 'a1', text: '老旧小区也要补种树木' }] }),
    )

    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(page.textOf('.done')).to.equal('您的意见已经送出了，每人限提一次。谢谢您参与立法！')
    expect(page.textOf('#mine')).to.include('我提的意见').and.include('第一条').and.include('老旧小区也要补种树木')
    page.close()

    const [opinion] = (await organizer.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items
    await created(
      organizer.post(`/api/admin/surveys/${consultation.id}/opinions/${opinion.id}/decision`, { outcome: 'adopted', reason: '第二十条增加老旧小区补绿的规定' }),
    )
    await organizer.post(`/api/admin/surveys/${consultation.id}/close`)
    await created(organizer.post(`/api/admin/surveys/${consultation.id}/outcome/publish`))

    const later = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    const summary = later.textOf('#summary')
    expect(summary).to.include('共收到意见 1 条，采纳或部分采纳 1 条').and.include('第一条：意见 1 条，采纳 1，部分采纳 0，未采纳 0')
    expect(summary, 'no row of noughts').not.to.include('第二条').and.not.include('第三条').and.not.include('第十二条').and.not.include('意见 0 条')
    expect(later.textOf('#summary-none')).to.equal('其余 3 条没有收到意见')
  })

  it('an anonymous one, reopened: sent, and why what he wrote is not shown', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: true })))
    await holdAgreedPhone(app, 'o-li-anonymous')
    const li = await asResident(app, 'o-li-anonymous')
    await created(li.post(`/api/mp/surveys/${consultation.id}/responses`, { answers: { q1: 'o1' }, comments: [{ articleId: 'a1', text: '要写明谁来养护' }] }))

    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(page.textOf('.done')).to.equal(
      '您的意见已经送出了。这次征求意见是匿名的，没有记下是谁提的，所以这里看不到您写的内容。每人限提一次，谢谢您参与立法！',
    )
    expect(page.has('.submit')).to.equal(false)
  })
})
