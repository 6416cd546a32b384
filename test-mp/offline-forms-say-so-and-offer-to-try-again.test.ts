import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang, tapInside, zhangsAppraisal, zhangsReturnedReport } from './office.js'

/**
 * The pages where a person answers something — a meeting invitation, a public seat, a
 * questionnaire, a 述职评议, a returned activity report — opened with one bar of signal. Each
 * says in plain words that it could not load and offers 再试一次; none shows a form or a
 * button meanwhile (an answer to a meeting it could not read, an empty report that would go
 * back blank), nor a state it does not know ("旁听席位已满", "评议不在进行中"). Once the signal
 * is back, 再试一次 shows the page ready to use.
 */
describe('mini-program: pages with a form, opened offline, say so and 再试一次 loads them', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  after(() => app.close())

  const OFFLINE = '网络不通，请检查网络后重试'

  /** The page opened offline: the words, 再试一次, nothing of what the selectors and words name. */
  async function offline(url: string, absent: { selectors: string[]; words: string[] }) {
    const page = await openOffline(url)
    expect(page.text(), url).to.include(OFFLINE).and.include('再试一次')
    for (const selector of absent.selectors) expect(page.has(selector), `${url}: ${selector} while offline`).to.equal(false)
    for (const words of absent.words) expect(page.text(), url).not.to.include(words)
    return page
  }

  async function tryAgain(page: MpPage) {
    await page.tap('#load-failed >>> .retry')
    expect(page.text(), page.path).not.to.include(OFFLINE).and.not.include('再试一次')
  }

  async function aPublishedMeeting() {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ publicSeats: 2 })))
    return created(organizer.post(`/api/admin/meetings/${draft.id}/publish`)) as Promise<{ id: string }>
  }

  it('a meeting invitation: no 参加, 请假 or 扫码签到 until 再试一次 shows the meeting', async () => {
    const meeting = await aPublishedMeeting()
    await phoneOfZhang(app)
    const page = await offline(`pages/meetings/detail?meetingId=${meeting.id}`, {
      selectors: ['.attend', '.start-leave', '.scan', '.leave-reason'],
      words: ['我的回复', '会议已取消', '回复已于'],
    })
    await tryAgain(page)
    expect(page.text()).to.include('市人大常委会第十次会议').and.include('您还没回复是否参加')
    await page.tap('.attend')
    expect(page.text()).to.include('我的回复：参加').and.include('已回复参加，请按时到会')
  })

  it('公民旁听: no name to fill in and no "席位已满" until 再试一次 shows the seats left', async () => {
    const meeting = await aPublishedMeeting()
    holdPhone(app, 'o-offline-seat')
    const page = await offline(`pages/meetings/public?meetingId=${meeting.id}`, {
      selectors: ['.name', '.register'],
      words: ['报名旁听', '旁听席位已满', '旁听席位：'],
    })
    await tryAgain(page)
    expect(page.text()).to.include('旁听席位：共 2 个，还剩 2 个')
    await page.type('.name', '王小明')
    await page.tap('.register')
    expect(page.textOf('.notice')).to.equal('已报名旁听。请带好身份证，提前 15 分钟到场。')
    expect(page.text()).to.include('还剩 1 个')
  })

  it('a questionnaire from a notification: no questions and no 送出问卷 until 再试一次 shows it', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-offline-survey')
    const page = await offline(`pages/survey/answer?surveyId=${survey.id}`, {
      selectors: ['.submit', '.q-q1'],
      words: ['送出问卷', '已经结束', '还没有开始', '您已经送出过了'],
    })
    await tryAgain(page)
    expect(page.text()).to.include('社区绿化满意度调查').and.include('送出问卷')
    expect(page.has('.q-q1')).to.equal(true)
  })

  it('述职评议: no community to pick and no 送出评议 until 再试一次; its poster leads to the rating page', async () => {
    const opened = await zhangsAppraisal(app)
    holdPhone(app, 'o-offline-appraiser')
    // Scanned from the poster: the 述职评议 is answered on its own page, where the report is one tap away.
    await openPage(`pages/survey/answer?code=${opened.shortCode}`)
    expect(phone.navigations.at(-1)!.url).to.include('pages/records/appraise')

    const page = await offline(phone.navigations.at(-1)!.url, {
      selectors: ['.submit', '.c-c010101', '.q-overall'],
      words: ['您住在哪个社区', '送出评议', '这次评议', '您已经打过分了'],
    })
    await tryAgain(page)
    expect(page.text()).to.include('给张伟代表今年的工作打分').and.include('您住在哪个社区？')
    await tapInside(page, '.q-overall', '.point', 3)
    await tapInside(page, '.q-verdict', '.option', 1)
    await page.tap('.c-c010102')
    await page.tap('.submit')
    expect(page.text()).to.include('评议已送出，谢谢您的参与')
  })

  it('a returned activity report to correct: no empty form until 再试一次 shows it filled in, with why it came back', async () => {
    await phoneOfZhang(app)
    await zhangsReturnedReport(app, { text: '走访建设路社区老旧小区，听取居民对加装电梯的意见。', reason: '照片看不清，请补一张现场照片' })

    const record = await openPage('pages/records/index')
    await record.tap('.correct')
    const url = phone.navigations.at(-1)!.url
    record.close()
    const page = await offline(url, {
      selectors: ['.submit', '.place', '.what', '#add-photo', '.kind-research'],
      words: ['交给联络站审核', '活动地点', '拍照或选照片', '退回理由'],
    })
    await tryAgain(page)
    expect(page.text()).to.include('退回理由：照片看不清，请补一张现场照片').and.include('交给联络站审核')
    expect(page.data.place).to.equal('建设路社区')
    phone.photos.push(photoOnPhone('tmp_visit_clear.jpg'))
    await page.tap('#add-photo')
    await page.tap('.submit')
    expect(page.text(), page.textOf('.error')).to.include('已提交，联络站工作人员审核通过后计入您的履职档案。')
  })
})
