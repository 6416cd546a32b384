import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * 张伟 opens a message a resident sent him. Its page says where it stands and what happened to
 * it in his words — 新留言 and by when to 受理 (the day to answer by said once: 已受理，请在…答复群众), 交给您办理,
 * 群众扫了您的二维码留言 — not the office's
 * (已分派, 分派代表), nor the sentence the resident was shown, which calls her "您"
 * ("您通过张伟代表的二维码留言"): read by him, that "您" is him. The resident keeps her words.
 */
describe('mini-program: a deputy reads his message in his own words', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend({ bot: { secret: SECRET } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('by his QR code: 新留言 and by when to 受理, then 已受理 and by when to answer, said once; the steps say 群众 and 您', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    // The state and what to do by when, one line at the top: no 当前状态：, the answer's day on its own line under it.
    expect(page.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect(page.textOf('.reply-by')).to.equal('请在12月14日（星期一）前（含当日）答复群众')
    expect(page.text()).not.to.include('当前状态')
    // Its topic a line of its own, when she wrote it under it: no "环境保护 ·" left hanging at a line's end.
    expect(page.textOf('.topic')).to.equal('环境保护')
    expect(page.textOf('.created')).to.equal('11月23日（星期一）上午10:00')
    expect(page.text(), '办理经过').to.match(/办理经过.*群众提交了留言.*交给您办理\s*群众扫了您的二维码留言/)
    for (const word of ['已分派', '分派代表', '您通过', '已交给轻工街道代表联络站的张伟代表']) expect(page.text(), word).not.to.include(word)

    await page.tap('.acknowledge')
    expect(page.textOf('.status')).to.equal('已受理，请在12月14日（星期一）前（含当日）答复群众')
    // The day to answer by once on the page: not again under the status, nor in the green box his tap brought.
    expect(page.text().split('12月14日').length - 1, 'the day said once').to.equal(1)
    expect(page.has('.reply-by')).to.equal(false)
    expect(page.textOf('.notice')).to.equal('已受理。办好了，请在下面答复群众。')
    expect(page.text()).to.include('您受理了留言')

    const hers = (await resident.get(`/api/mp/cases/${c.id}`)).body.timeline.find((e: { type: string }) => e.type === 'assigned')
    expect(hers.note, 'the resident keeps her sentence').to.equal('已交给轻工街道代表联络站的张伟代表（您通过张伟代表的二维码留言）')
  })

  it('named by the resident in the chat: 群众指定了您', async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_laoli' })).body
    await bot.post(`/api/bot/people/${personId}/consent`, { version: 'v3' })
    const c = await created(bot.post(`/api/bot/people/${personId}/cases`, { text: '我们楼下的路灯坏了两个星期了', deputyCode: 'DP0001' }))
    expect(c.summary, 'what the resident was told').to.include('您指定了张伟代表')
    const zhang = await phoneOfZhang(app)
    const mine = (await zhang.get('/api/mp/deputy/cases')).body.items.find((x: { ticket: string }) => x.ticket === c.ticket)

    const page = await openPage(`pages/deputy/case?caseId=${mine.id}`)
    expect(page.text()).to.include('交给您办理').and.include('群众指定了您').and.not.include('您指定了')
  })
})
