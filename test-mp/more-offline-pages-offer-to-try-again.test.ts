import { expect } from 'chai'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, type MpPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * One bar of signal in the village: every page a resident or a deputy opens could not load.
 * Each one says so in plain words and offers 再试一次, which shows the page once the signal is
 * back — and none says something untrue meanwhile ("现在没有…", "还没有…") or offers a button
 * that needs what did not come.
 */
describe('mini-program: pages opened offline say so, and 再试一次 loads them', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  const OFFLINE = '网络不通，请检查网络后重试'
  const tryAgain = (page: MpPage) => page.tap('#load-failed >>> .retry')

  async function offlineThenOnline(url: string, untrue: string[], shown: string) {
    const page = await openOffline(url)
    expect(page.textOf('#load-failed'), `${url} offline: what happened, and 再试一次`).to.equal(OFFLINE + '再试一次')
    expect(page.has('#load-failed >>> .retry'), `${url} offline: 再试一次 to tap`).to.equal(true)
    for (const words of untrue) expect(page.text(), `${url} offline: nothing untrue, no button that needs the page`).not.to.include(words)
    await tryAgain(page)
    expect(page.text(), `${url} after 再试一次: the page itself`).to.include(shown).and.not.include(OFFLINE)
    return page
  }

  it("a resident's pages: meetings, surveys, study, quizzes", async () => {
    holdPhone(app, 'o-offline-resident-pages')
    await offlineThenOnline('pages/meetings/index', ['近期没有接受旁听的会议'], '可以报名旁听的会议')
    const surveys = await offlineThenOnline('pages/survey/index', ['现在没有要您填写的问卷', '扫描问卷海报'], '扫描问卷海报上的二维码')
    expect(surveys.has('.scan')).to.equal(true)
    await offlineThenOnline('pages/study/index', ['现在没有学习活动'], '现在没有学习活动')
    await offlineThenOnline('pages/quiz/index', ['现在没有可以参加的知识竞赛'], '现在没有可以参加的知识竞赛')
  })

  it("a resident's pages: 办理选登, 民生实事, 找我的代表, 我的", async () => {
    holdPhone(app, 'o-offline-resident-more')
    await offlineThenOnline('pages/public/index', ['还没有公开的答复'], '还没有公开的答复')
    await offlineThenOnline('pages/projects/index', ['今年的民生实事项目还没有确定'], '今年的民生实事项目还没有确定')
    const find = await offlineThenOnline('pages/find/index', ['点这里选择社区'], '第一步：选您住的社区')
    expect(find.data.placeLabels.length).to.be.greaterThan(0)
    const mine = await offlineThenOnline('pages/mine/index', ['我是人大代表', '绑定代表身份'], '您好')
    expect(mine.text()).to.include('关怀模式')
  })

  it('a resident proposing a 民生实事 project sees no form she could not send', async () => {
    holdPhone(app, 'o-offline-proposer')
    // No year takes proposals here: once loaded, the page says so and still offers no form.
    const form = await offlineThenOnline('pages/projects/propose?cycleId=none', ['送出建议', '项目名称'], '现在不能提建议')
    expect(form.has('#submit')).to.equal(false)
  })

  it("a deputy's pages: 履职档案, 述职报告, 述职评议, 我的建议, 民生实事评议", async () => {
    await phoneOfZhang(app)
    const records = await offlineThenOnline('pages/records/index', ['还没有计分的履职记录', '还没有报告过', '报告履职活动'], '年履职积分')
    expect(records.has('.report-activity')).to.equal(true)
    await offlineThenOnline('pages/records/annual', [], '年度履职情况报告')
    await offlineThenOnline('pages/records/appraisals', ['还没有开展述职评议'], '还没有开展述职评议')
    const suggestions = await offlineThenOnline('pages/suggestion/index', ['您还没有写过建议', '写建议'], '写建议')
    expect(suggestions.has('#write')).to.equal(true)
    await offlineThenOnline('pages/projects/rate', ['现在没有需要评议的项目'], '现在没有需要评议的项目')
  })

  it("a deputy's 每日摘要设置 offers no 保存 that would write the defaults over what he chose", async () => {
    const zhang = await phoneOfZhang(app)
    await created(zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels: ['bot_private'], sendAt: '07:00', muteWeekends: true }))
    const digest = await offlineThenOnline('pages/deputy/digest', ['按联络站统一时间', '✓ 已选', '保存'], '只发微信私聊（留言小助手）✓ 已选')
    expect(digest.text()).to.include('07:00')
    expect(digest.textOf('.weekends')).to.equal('休息日也发送已关闭')
    expect(digest.has('.save')).to.equal(true)
  })

  it("a deputy's suggestion and its rating page, a deputy's card from a scanned code, a quiz from a notification", async () => {
    const zhang = await phoneOfZhang(app)
    const draft = await created(zhang.post('/api/mp/deputy/suggestions', { title: '关于老旧小区加装电梯的建议', body: '建议财政补贴老旧小区加装电梯。' }))
    const detail = await offlineThenOnline(`pages/suggestion/detail?suggestionId=${draft.id}`, [], '关于老旧小区加装电梯的建议')
    expect(detail.has('#act')).to.equal(true)
    // 不满意 sends it back or closes it, depending on the round: unknown, the page asks nothing.
    const rate = await offlineThenOnline(`pages/suggestion/rate?suggestionId=${draft.id}`, ['满意', '提交评价'], '关于老旧小区加装电梯的建议')
    expect(rate.has('#send')).to.equal(true)

    holdPhone(app, 'o-offline-scanner')
    const card = await offlineThenOnline(`pages/index/index?scene=${encodeURIComponent('d=DP0001')}`, ['给代表留言'], '张伟 代表')
    expect(card.has('#write')).to.equal(true)
    const quiz = await quizWithBank(app, await office(app))
    const take = await offlineThenOnline(`pages/quiz/take?quizId=${quiz.id}`, ['开始答题', '答题次数已用完'], '代表法知识竞赛')
    expect(take.has('.start')).to.equal(true)
  })

  it('a study campaign and its reading, opened from a notification', async () => {
    const organizer = await office(app)
    const campaign = await created(
      organizer.post('/api/admin/campaigns', {
        title: '学习贯彻代表法',
        startsAt: '2026-11-23T09:00:00+08:00',
        endsAt: '2026-12-23T09:00:00+08:00',
        audience: { stationIds: ['st001'] },
      }),
    )
    const item = await created(
      organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '代表法全文', summary: '必读', required: true, body: '<p>第一条</p>' }),
    )
    await phoneOfZhang(app)
    const page = await offlineThenOnline(`pages/study/campaign?campaignId=${campaign.id}`, ['还没有发布学习材料', '打卡'], '代表法全文')
    expect(page.has('.check-in')).to.equal(true)
    const reading = await offlineThenOnline(`pages/study/item?itemId=${item.id}`, ['您已看过', '打卡'], '您已看过')
    expect(reading.has('.check-in')).to.equal(true)
  })
})
