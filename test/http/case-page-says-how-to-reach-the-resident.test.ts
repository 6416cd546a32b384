import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 37, finding 15. A 78-year-old on the sixth floor leaves her number in the phone field and in her words. The
 * clerk's page shows the field masked (139****5678): the office keeps it for the deputy handling her message, who
 * calls her from the mini-program or the chat helper, each read recorded. So the page says that, whom to ask to call
 * her back (and that 张伟, who has neither, cannot see it), and that the number in her words is shown by 查看完整原文,
 * which is recorded on 操作记录, as the page's own 查看完整原文 is.
 */
describe('the case page says how the resident is reached while her number stays masked', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (body: Record<string, unknown>) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { regionId: 'c010101', ...body })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const page = async (id: string) => (await (await asStaff(app, 'lina')).get(`/api/admin/cases/${id}`)).body

  const HIDDEN = '号码已隐去：工作台不显示群众留的完整电话，只有办理代表能在小程序或微信助手里看到并拨打（每次查看都有记录）。'
  const IN_WORDS = '群众在留言里写的号码，点上面的“查看完整原文”就能看到，这次查看会记入操作记录。'

  it('says who can call her back, and that the number in her words is shown by 查看完整原文', async () => {
    const c = await write({
      text: '我今年78岁，住6号楼6楼，电梯坏了两个星期，下不了楼。请打我电话13912345678',
      phone: '13912345678',
      deputyCode: 'DP0001',
    })
    const held = await page(c.id)
    expect(held.phoneMasked).to.equal('139****5678')
    // 张伟 has neither the mini-program nor the chat helper: he cannot see it either, and the page says so.
    expect(held.phoneNote).to.equal(`${HIDDEN}张伟代表还没有开通小程序或微信助手，看不到这个号码；需要回访的，请改派给能联系上的代表。${IN_WORDS}`)

    // Given to 王芳 instead, the page names her.
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    expect((await page(c.id)).phoneNote).to.equal(
      `${HIDDEN}王芳代表还没有开通小程序或微信助手，看不到这个号码；需要回访的，请改派给能联系上的代表。${IN_WORDS}`,
    )

    // 查看完整原文 shows it whole, and is on record, as the note says.
    const whole = await lina.get(`/api/admin/cases/${c.id}/whole-words`)
    expect(whole.body.text).to.include('13912345678')
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=case.text.read')
    expect(audit.body.items.map((e: { actorWords: string }) => e.actorWords).join(), JSON.stringify(audit.body)).to.include('李娜')
  })

  it('says to 分派 first when nobody holds it, the 查看完整原文 way alone when only her words hold a number, nothing when anonymous', async () => {
    const queued = await write({ text: '新华社区的公交站台太窄，下雨天没处躲', regionId: 'c020101', phone: '13800001111' }) // 新华街道: no deputy
    const wangwu = (await (await asStaff(app, 'wangwu')).get(`/api/admin/cases/${queued.id}`)).body
    expect(wangwu.phoneNote).to.equal(`${HIDDEN}分派给代表后，由代表打电话联系群众。`)

    const inWords = await write({ text: '小区路灯坏了，有事打我电话13955556666', deputyCode: 'DP0001' })
    expect((await page(inWords.id)).phoneNote).to.equal(`群众没有另外留电话。${IN_WORDS}`)

    const anonymous = await write({ text: '小区门口乱停车，打13955557777也没人管', anonymous: true, deputyCode: 'DP0001' })
    expect((await page(anonymous.id)).phoneNote).to.equal(null)
    const none = await write({ text: '小区门口乱停车', deputyCode: 'DP0001' })
    expect((await page(none.id)).phoneNote).to.equal(null)
  })
})
