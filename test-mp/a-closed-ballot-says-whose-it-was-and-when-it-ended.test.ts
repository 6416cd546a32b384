import { expect } from 'chai'
import { asAdmin, asDeputy } from '../test/helpers/app.js'
import { ballotBody } from '../test/helpers/surveys.js'
import { DAY, at, quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { collectingCycle, created, office, phoneOfZhang } from './office.js'

const HOUR = 3_600_000
/** A spoken time of day, as the quiz says it: "11月26日（星期四）上午10:00前". */
const SPOKEN_DEADLINE = /^请在\d+月\d+日（星期.）(凌晨|早上|上午|中午|下午|晚上)\d+:\d\d前(投票|答题)$/

/**
 * A ballot is the deputies' to vote on. A resident who opens one after it closed reads that it was theirs, and
 * where its outcome is shown, not 「不能再投票」 as if she could have; the deputy who voted reads when it ended
 * (已于…结束), not a "…前" that sounds still open. In 我的待办 a ballot's time is said as the quiz's beside it.
 */
describe('mini-program: a closed ballot says whose it was and when it ended', () => {
  let app: Backend
  beforeEach(async () => {
    // The city's office by the name its config gives it: a stand-alone ballot's outcome is its to publish.
    app = await startBackend({ business: { officeName: '青澜市人大常委会办公室' } })
  })
  afterEach(() => app.close())

  it('tells a resident a closed stand-alone ballot was for deputies, and the deputy when it ended', async () => {
    const now = app.clock.now().getTime()
    const ballot = await created(
      (await office(app)).post(
        '/api/admin/surveys',
        ballotBody({
          title: '2027年重点督办建议票决',
          opensAt: new Date(now).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } },
        }),
      ),
    )
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } }))
    app.clock.advance(2 * HOUR)

    holdPhone(app, 'o-resident-after-close')
    const hers = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    expect(hers.textOf('.state')).to.equal('这次票决只请名单上的人大代表投票，现在已经结束。结果由青澜市人大常委会办公室公布。')
    expect(hers.text()).to.not.include('不能再投票')
    // Labelled as what it is: a ballot of deputies, not 民生实事 (its title says what it is about).
    expect(hers.textOf('.kind')).to.equal('代表票决')
    hers.close()

    await phoneOfZhang(app)
    const his = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    const meta = his.textOf('.meta')
    expect(meta).to.match(/已于\d+月\d+日（星期.）.+结束/)
    expect(meta, 'over, not still open until then').to.not.include('前')
    expect(meta, '结束 said once, and secret in the word 述职评议 uses').to.match(/^已于[^·]+结束 · 不记名$/)
    expect(his.textOf('.done'), 'nothing left to change once it is over').to.equal('您投过票了，谢谢！')
  })

  it("points a resident to 民生实事 on the home page for a closed year's ballot", async () => {
    const cycle = await collectingCycle(app)
    const admin = await asAdmin(app)
    for (const [title, unitId] of [
      ['老旧小区加装电梯', 'u01'],
      ['口袋公园', 'u02'],
    ])
      await created(
        admin.post(`/api/admin/livelihood/cycles/${cycle.id}/candidates`, { title, description: title, place: '湛河区', costWan: 80, unitId, proposalIds: [] }),
      )
    const now = app.clock.now().getTime()
    const year = await created(
      admin.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + HOUR).toISOString(),
        roll: { deputyIds: ['dp0001', 'dp0002'] },
      }),
    )
    app.clock.advance(2 * HOUR)
    holdPhone(app, 'o-resident-year-ballot')
    const page = await openPage(`pages/survey/answer?surveyId=${year.ballotSurveyId}`)
    expect(page.textOf('.state')).to.equal('这次票决只请名单上的人大代表投票，现在已经结束。选出的民生实事项目和进展，可以在首页的“民生实事”里看到。')
    expect(page.text(), 'no instruction to choose in a ballot that is not hers').to.not.include('请从').and.not.include('选出 1 个')
    expect(page.textOf('#candidates')).to.include('老旧小区加装电梯').and.include('口袋公园')
    expect(page.has('.to-projects')).to.equal(true)
    expect(page.text()).to.include('去看民生实事')
    await page.tap('.to-projects')
    expect(phone.navigations.at(-1)!.url).to.include('pages/projects/index')
  })

  it('says a ballot’s time in 我的待办 as the quiz beside it says its own', async () => {
    const organizer = await office(app)
    await quizWithBank(app, organizer, { title: '代表履职知识测验', closesAt: at(app, 3 * DAY) })
    await created(
      organizer.post(
        '/api/admin/surveys',
        ballotBody({ title: '2027年重点督办建议票决', ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001'] } } }),
      ),
    )
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    const line = (title: string) => {
      const task = workbench.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes(title))
      expect(task, `${title} is in 我的待办`).to.not.equal(undefined)
      return String(task.dom.querySelector('[class~="text"], [class~="main--text"]')?.textContent ?? '').trim()
    }
    expect(line('代表履职知识测验')).to.match(SPOKEN_DEADLINE)
    expect(line('2027年重点督办建议票决')).to.match(SPOKEN_DEADLINE)
  })
})
