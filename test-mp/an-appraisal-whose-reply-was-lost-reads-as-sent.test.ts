import { expect } from 'chai'
import { holdPhone, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { backendWithZhangsAppraisal, office, phoneOfZhang, rateZhangsReport, tapInside } from './office.js'

/**
 * 王阿姨 rates 张伟's yearly report (述职评议) and taps 送出评议; her answer is stored but the phone loses the
 * reply, and the page says the network is down. She taps again, as it says: she reads 评议已送出 in words,
 * never a red "您已经送出过了" beside her answers, and 张伟 reads one resident's rating, not two.
 */
describe('mini-program: a 述职评议 answer whose reply was lost reads as sent', () => {
  let app: Backend
  let surveyId: string
  beforeEach(async () => {
    ;({ app, surveyId } = await backendWithZhangsAppraisal())
    holdPhone(app, 'o-wang-ayi')
  })
  afterEach(() => app.close())

  async function rateAndLoseTheReply(): Promise<MpPage> {
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    await rateZhangsReport(page)
    phone.dropNextAnswer = true
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('网络不通，请检查网络后重试')
    return page
  }

  it('the second tap says 评议已送出, nothing in red, and her rating counts once', async () => {
    const page = await rateAndLoseTheReply()
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal('评议已送出，谢谢您的参与')
    expect(page.has('.error'), 'nothing in red').to.equal(false)
    expect(page.text()).not.to.include('您已经送出过了')
    expect(page.has('.submit'), 'no button left').to.equal(false)
    const [result] = (await (await phoneOfZhang(app)).get('/api/mp/records/appraisals')).body.items
    expect(result).to.include({ responses: 1 })
  })

  it('changed answers after the lost reply: told the first went in, in words, not refused in red', async () => {
    const page = await rateAndLoseTheReply()
    await tapInside(page, '.q-verdict', '.option', 1)
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal('刚才那次评议已经送出了（当时网络不通，没能告诉您）。每人只能打一次，谢谢')
    expect(page.has('.error'), 'nothing in red').to.equal(false)
    // With one rater nobody reads the ratings, the office included (fewer than 5 are shown as a count only):
    // the office reads one answer, and the one kept is her first.
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    const [result] = (await (await office(app)).get('/api/admin/records/dp0001/appraisals')).body.items
    expect(result).to.include({ responses: 1, sealed: true })
    const kept = await app.liaison.store.surveys.responses(surveyId)
    expect(
      kept.map((r) => r.answers.verdict),
      'the first answer stands',
    ).to.deep.equal(['satisfied'])
  })
})
