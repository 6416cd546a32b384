import { expect } from 'chai'
import { asAdmin, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 代表工作台: 张伟 binds his WeChat with the code the station gave him, finds the resident's
 * message in 我的待办 with its deadline in words, acknowledges and replies; the resident
 * then reads the reply in their own case.
 */
describe('mini-program: the deputy workbench', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function residentWrites() {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    return { resident, caseId: written.id as string, ticket: written.ticket as string }
  }

  it('binds with the code from the console, finds the overdue case in 我的待办, acknowledges and replies', async () => {
    const { resident, caseId, ticket } = await residentWrites()
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday: the acknowledgement was due on Tuesday
    const { code } = await created((await stationStaff(app)).post('/api/admin/deputies/dp0001/binding-code'))

    holdPhone(app, 'o-zhang-phone')
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.text()).to.include('绑定代表身份')
    await workbench.type('.code-input', code)
    await workbench.tap('.bind')

    const text = workbench.text()
    expect(text).to.include('张伟 代表，您好').and.include('我的待办：共 1 项')
    expect(workbench.textOf('.task')).to.include(ticket).and.include('小区门口的垃圾好几天没人清运').and.include('请尽快受理').and.include('已过受理期限 2 天')

    await workbench.tap('.task')
    const detail = await follow()
    expect(detail.path).to.equal('pages/deputy/case')
    expect(detail.text()).to.include(`留言 ${ticket}`)
    expect(detail.textOf('.status')).to.equal('新留言，还没受理')

    await detail.tap('.acknowledge')
    expect(detail.textOf('.status')).to.equal('已受理，请在12月14日（星期一）前（含当日）答复群众')
    expect(detail.text()).to.include('已受理。办好了，请在下面答复群众。').and.include('您受理了留言')

    await detail.type('.reply-text', '已联系环卫所，明天起每天清运两次。')
    await detail.tap('.reply')
    expect(detail.text()).to.include('已答复，等群众评价').and.include('答复已发送给群众').and.include('已联系环卫所，明天起每天清运两次。')

    const mine = await resident.get(`/api/mp/cases/${caseId}`)
    expect(mine.body).to.include({ status: 'replied', reply: '已联系环卫所，明天起每天清运两次。' })
  })

  it('says a withdrawn message is withdrawn and asks for no acknowledgement or reply any more', async () => {
    const { resident, caseId, ticket } = await residentWrites()
    await phoneOfZhang(app)
    const waiting = await openPage(`pages/deputy/case?caseId=${caseId}`)
    expect(waiting.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect(waiting.textOf('.reply-by')).to.equal('请在12月14日（星期一）前（含当日）答复群众')
    expect(waiting.has('.state-note')).to.equal(false)

    expect((await resident.post(`/api/mp/cases/${caseId}/withdraw`, { reason: '问题已经解决了' })).status).to.equal(200)
    const withdrawn = await openPage(`pages/deputy/case?caseId=${caseId}`)
    expect(withdrawn.text()).to.include(`留言 ${ticket}`).and.include('已撤回').and.include('群众已撤回这条留言，不用再办理。')
    expect(withdrawn.text(), 'no deadline to keep').not.to.include('请于').and.not.include('请在')
    expect(withdrawn.has('.acknowledge') || withdrawn.has('.reply'), 'nothing to do').to.equal(false)
  })

  it("shows the backend's words when a binding code is wrong, and binds nothing", async () => {
    const { code } = await created((await stationStaff(app)).post('/api/admin/deputies/dp0001/binding-code'))
    holdPhone(app, 'o-someone')
    const workbench = await openPage('pages/deputy/index')
    // Wrong for certain: the real code with its last digit changed (a fixed "000000" was his code once in a million).
    await workbench.type('.code-input', code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10))
    await workbench.tap('.bind')
    expect(workbench.textOf('.error')).to.match(/绑定码/)
    expect(workbench.text()).to.include('绑定代表身份')
  })

  it('thanks a deputy who has left office instead of asking them to bind again, and the home page offers them what it offers residents', async () => {
    const { code } = await created((await stationStaff(app)).post('/api/admin/deputies/dp0001/binding-code'))
    holdPhone(app, 'o-zhang-phone')
    const workbench = await openPage('pages/deputy/index')
    await workbench.type('.code-input', code)
    await workbench.tap('.bind')
    expect(workbench.text()).to.include('张伟 代表，您好')
    expect((await openPage('pages/index/index')).text()).to.include('代表工作台')

    const left = await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })
    expect(left.status, JSON.stringify(left.body)).to.equal(200)
    const again = await openPage('pages/deputy/index')
    expect(again.text()).to.include('您已离任').and.include('感谢您的履职')
    expect(again.text(), 'no binding form: a new code would not be given').not.to.include('绑定代表身份')
    expect((await openPage('pages/index/index')).text()).not.to.include('代表工作台')
    const refused = await (await stationStaff(app)).post('/api/admin/deputies/dp0001/binding-code')
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('deputy_inactive')
  })

  it('forwards a case to a department after acknowledging it', async () => {
    const { caseId } = await residentWrites()
    await phoneOfZhang(app)
    const detail = await openPage(`pages/deputy/case?caseId=${caseId}`)
    await detail.tap('.acknowledge')
    await detail.tap('.show-forward')
    await detail.type('.department', '区城市管理局')
    await detail.tap('.forward')
    expect(detail.text()).to.include('已交有关部门，请在12月14日（星期一）前（含当日）答复群众').and.include('已交给：区城市管理局')
  })

  it('hands a case back to the station with the reason; it leaves 我的待办', async () => {
    const { caseId } = await residentWrites()
    await phoneOfZhang(app)
    const detail = await openPage(`pages/deputy/case?caseId=${caseId}`)
    await detail.tap('.show-transfer')
    await detail.tap('.to-station')
    await detail.tap('.transfer')
    expect(detail.textOf('.error')).to.equal('请写明转交的原因')
    await detail.type('.transfer-reason', '不在本人联系的片区，请联络站另行分派')
    await detail.tap('.transfer')
    expect(detail.text()).to.include('这条留言已交回轻工街道代表联络站重新安排，您不用再处理')
    expect(detail.has('.reply')).to.equal(false)

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.text()).to.include('我的待办：暂时没有要办的事')
  })

  it('saves the digest preferences: days off (the official calendar, 调休 included) quiet, also by the bot, at 07:00', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(page.text()).to.include('按联络站统一时间')
    expect(page.textOf('.way-auto'), 'until he picks a way, whichever reaches him').to.equal('自动（哪个能收到就用哪个）✓ 已选')
    expect(page.text(), "a group is never a way to a person: a digest carries residents' words").not.to.include('工作群')
    expect(page.textOf('.weekends'), 'a switch with its state in words').to.equal('休息日也发送已打开')
    expect(page.text(), 'what a day off means, with 调休 in it').to.include('调休上班的周六、周日照常发送')
    await page.tap('.way-bot_private')
    await page.emit('.send-time', 'change', { value: '07:00' })
    await page.tap('.weekends')
    await page.tap('.save')
    expect(page.text()).to.include('已保存')

    const again = await openPage('pages/deputy/digest')
    expect(again.textOf('.way-bot_private')).to.equal('只发微信私聊（留言小助手）✓ 已选')
    expect(again.text()).to.include('07:00')
    expect(again.textOf('.weekends')).to.equal('休息日也发送已关闭')
  })

  it('offers digest times outside the night’s quiet hours only, and says which', async () => {
    await app.close()
    app = await startBackend({ outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } })
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(page.text()).to.include('可选 8:00–20:45，夜间不发消息')
    await page.emit('.send-time', 'change', { value: '07:30' })
    await page.tap('.save')
    expect(page.text(), 'a time in the night is refused in words').to.include('发送时间请选 8:00–20:45（21:00 至次日 8:00 夜间免打扰').and.not.include('已保存')
  })
})
