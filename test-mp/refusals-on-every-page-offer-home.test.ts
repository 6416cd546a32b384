import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/** The buttons the error screen offers, by the words on them (the card shows each one's words). */
function offered(page: MpPage) {
  const buttons = [page.has('#load-failed >>> .retry') && '再试一次', page.has('#load-failed >>> .home') && '返回首页'].filter(Boolean) as string[]
  for (const words of buttons) expect(page.textOf('#load-failed')).to.include(words)
  return buttons
}

const NO_SUCH = '00000000-0000-7000-8000-000000000000'

/**
 * A questionnaire, a meeting or a quiz that is not there (taken away, or never hers) is said in
 * the server's words with 返回首页 — words an older resident reads ("找不到这项内容"), not the
 * office's "问卷不存在", and true whether it was taken away or was never hers: tapping 再试一次 would get the same answer for ever. A page
 * that could not load for want of signal still offers 再试一次.
 */
describe('mini-program: a questionnaire, meeting or quiz that is not there offers 返回首页', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('a questionnaire that is not there says so and takes her home', async () => {
    holdPhone(app, 'o-gone-survey')
    const page = await openPage(`pages/survey/answer?surveyId=sv-${NO_SUCH}`)
    expect(page.textOf('#load-failed'))
      .to.include('找不到这项内容，可能已经撤下了，或者二维码、链接有误。如有疑问，请问问发给您二维码或链接的工作人员')
      .and.not.include('不存在')
    expect(offered(page)).to.deep.equal(['返回首页'])
    await page.tap('#load-failed >>> .home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
  })

  it('the same questionnaire page offers 再试一次 when there is no signal', async () => {
    holdPhone(app, 'o-offline-survey')
    const page = await openOffline(`pages/survey/answer?surveyId=sv-${NO_SUCH}`)
    expect(page.textOf('#load-failed')).to.include('网络不通')
    expect(offered(page)).to.deep.equal(['再试一次'])
  })

  it('a meeting that is not there (or not his) says so with 返回首页', async () => {
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=mt-${NO_SUCH}`)
    expect(page.textOf('#load-failed')).to.include('找不到这次会议，可能已经撤下了，或者链接有误。如有疑问，请问问会务工作人员').and.not.include('不存在')
    expect(offered(page)).to.deep.equal(['返回首页'])
  })

  it('a meeting he is not invited to says so, with 返回首页: he learns nothing more of it', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ title: '教育专题座谈会', selector: { deputyIds: ['dp0002'] } })))
    const others = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${others.id}`)
    expect(page.textOf('#load-failed')).to.include('这次会议没有邀请您').and.not.include('找不到')
    expect(page.text(), 'not even its title').not.to.include('教育专题座谈会')
    expect(offered(page)).to.deep.equal(['返回首页'])
  })

  it('a meeting page for 旁听 that is not there, or takes no public, says so in her words with 返回首页', async () => {
    holdPhone(app, 'o-gone-public-meeting')
    const page = await openPage(`pages/meetings/public?meetingId=mt-${NO_SUCH}`)
    expect(page.textOf('#load-failed')).to.include('找不到这次会议，或这次会议不接受旁听报名').and.not.include('不存在')
    expect(offered(page)).to.deep.equal(['返回首页'])
  })

  it('a quiz that is not there says so with 返回首页, not a line with nothing to tap', async () => {
    holdPhone(app, 'o-gone-quiz')
    const page = await openPage(`pages/quiz/take?quizId=qz-${NO_SUCH}`)
    expect(page.textOf('#load-failed'))
      .to.include('找不到这个知识竞赛，可能已经撤下了，或者二维码、链接有误。如有疑问，请问问组织活动的工作人员')
      .and.not.include('不存在')
    expect(offered(page)).to.deep.equal(['返回首页'])
  })

  it('a quiz that is there still opens', async () => {
    const quizId = (await quizWithBank(app, await office(app))).id
    holdPhone(app, 'o-quiz-there')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(page.has('#load-failed')).to.equal(false)
    expect(page.text()).to.include('开始答题')
  })
})
