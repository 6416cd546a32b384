import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

const DAY = 86_400_000

/**
 * 王阿姨 (72, 关怀模式) opens 我的 → 我的信息 after her streetlight message was answered twice and closed. She sees what is
 * kept about her as the page opens, a fact a line; every phone she left, the one on the finished message too, with what
 * she may do with it; which station to ask about the rest; and after deleting everything, what became of each thing
 * and the way home. (Review 36, findings 2, 7, 8, 9, 11.)
 */
describe('mini-program: 我的信息 shows what is kept, every phone she left, and what deletion did', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** Her message, answered and rated (closed): 2 leaves her 7 days to ask again, 4 none. */
  async function finished(openid: string, rating: number) {
    const wang = await asResident(app, openid)
    const lamp = await created(wang.post('/api/mp/cases', { text: '我家楼下那个路灯坏了快一个月了', regionId: 'c010101', phone: '13912345678' }))
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(lamp.id))!.deputyId!)
    await created(deputy.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '路灯已修好。' }))
    await created(wang.post(`/api/mp/cases/${lamp.id}/rate`, { rating }))
    holdPhone(app, openid)
    phone.storage.set('care.mode', 'on')
    return { wang, lamp: lamp as { id: string; ticket: string } }
  }

  const texts = (page: MpPage, selector: string): string[] =>
    page.component.querySelectorAll(selector).map((f: any) => String(f.dom.textContent).replace(/\s+/g, ' ').trim())
  const facts = (page: MpPage) => texts(page, '.fact')

  it('as the page opens, before any tap: a fact a line, the number kept with its unit, and the phone on her finished message', async () => {
    const { lamp } = await finished('o-wang-opens', 4)
    const data = await openPage('pages/mine/data')
    expect(data.root.querySelector('[data-care]')?.getAttribute('data-care'), '关怀模式').to.equal('on')
    expect(facts(data)).to.deep.equal(['留言：1 条', '联系电话：有（1 条留言里留了电话）', '个人信息保护说明：已同意'])
    const count = data.component.querySelector('.fact-value').dom.textContent
    expect(count, 'the number and its unit never wrap apart').to.equal('1\u00a0条')
    expect(data.textOf(`#fix-${lamp.id}`)).to.include(`留言 ${lamp.ticket} 里的电话：13912345678`)
    expect(data.text()).not.to.include('先点上面的').and.not.include('没有可以更正的电话')
    expect(data.has('#show-all'), 'the full copy only when she asks for it').to.equal(false)
    await data.tap('#export')
    expect(data.has('#show-all')).to.equal(true)
  })

  it('a finished message: the phone is said unused and she can remove it, after saying yes', async () => {
    const { lamp } = await finished('o-wang-removes', 4)
    const data = await openPage('pages/mine/data')
    const row = `#fix-${lamp.id}`
    expect(data.textOf(row)).to.include('这条留言已经办完，代表不会再打这个电话。不想留着，可以删掉。')
    expect(data.has(`#save-${lamp.id}`) || data.has(`#edit-${lamp.id}`), 'nobody will call it: nothing to change it for').to.equal(false)

    phone.modalAnswers.push(false)
    await data.tap(`#drop-${lamp.id}`)
    expect(phone.modals.at(-1)!.title).to.equal('删掉这个电话')
    expect(data.has(row), 'saying no changes nothing').to.equal(true)

    phone.modalAnswers.push(true)
    await data.tap(`#drop-${lamp.id}`)
    expect(data.textOf('#fix-message')).to.equal(`已删除留言 ${lamp.ticket} 里的电话。`)
    expect(data.has(row)).to.equal(false)
    expect(data.textOf('#nothing-to-fix')).to.equal('您没有留下电话。')
    expect(facts(data)).to.include('联系电话：没有')
  })

  it('closed, but she may still ask for it to be handled again: she can change the number the deputy would call', async () => {
    const { lamp } = await finished('o-wang-changes', 2)
    const data = await openPage('pages/mine/data')
    expect(data.textOf(`#fix-${lamp.id}`)).to.include('您还可以申请重新办理，那时代表会打这个电话，号码不对可以改。')
    await data.tap(`#edit-${lamp.id}`)
    await data.type(`#phone-${lamp.id}`, '13912345670')
    await data.tap(`#save-${lamp.id}`)
    expect(data.textOf('#fix-message')).to.equal(`已改好留言 ${lamp.ticket} 里的电话，代表会打新号码。`)
    expect(data.textOf(`#fix-${lamp.id}`)).to.include('13912345670')
  })

  it('names the station that handles her message, its address and reception day, for what she cannot change here', async () => {
    await finished('o-wang-station', 4)
    const data = await openPage('pages/mine/data')
    expect(data.textOf('#station-contact')).to.equal('所在区域、留言内容等其他信息有误，请找联络站更正：轻工街道代表联络站地址：建设路1号每星期三接待')
  })

  it('after deleting: what was removed and what stays without her name, a line each, and 回到首页', async () => {
    const organizer = await office(app)
    const now = app.clock.now().getTime()
    const open = { opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() }
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody(open)))
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody(open)))
    const campaign = await created(
      organizer.post('/api/admin/campaigns', { title: '宪法宣传周', startsAt: open.opensAt, endsAt: open.closesAt, audience: { followers: true } }),
    )
    const { wang } = await finished('o-wang-deletes', 4)
    await created(wang.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 4 } }))
    await created(wang.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a2', text: '绿地都被占去停车了' }] }))
    await created(wang.post(`/api/mp/campaigns/${campaign.id}/follow`, {}))

    const data = await openPage('pages/mine/data')
    phone.modalAnswers.push(true)
    await data.tap('#delete')
    const lines = (kind: string) => texts(data, `.erased-line.${kind}`)
    expect(lines('removed')).to.include('您关注的学习活动“宪法宣传周”已取消关注，不会再提醒您。')
    expect(lines('kept')).to.include.members([
      '您填的 1 份问卷：答案留着用于统计，不再与您关联。',
      '您对法规草案提的 1 份意见：留着供修改法规参考，不再与您关联；意见是否采纳，也没法再告诉您了。',
    ])
    expect(data.textOf('#message')).to.include('留着、但不再和您关联的：')
    await data.tap('#home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
  })
})

/**
 * 我的 → 微信通知 says what she has already turned on, in words (review 36, finding 14); so does 我的信息's 微信通知 line,
 * which said “还能收到 2 条” after two yeses, a count for her to keep that 我的 no longer makes her keep.
 */
describe('mini-program: 我的 says which WeChat notices are on', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('not yet, then that the next one comes after her yes, with no count to keep', async () => {
    holdPhone(app, 'o-wang-notices-mp')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal('还没有开通微信通知。')
    await mine.tap('#subscribe')
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
    const again = await openPage('pages/mine/index')
    expect(again.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
  })

  it('我的信息 says it in a few words too after two yeses, with no count', async () => {
    holdPhone(app, 'o-wang-notices-data')
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    await mine.tap('#subscribe')
    const data = await openPage('pages/mine/data')
    const facts = data.component.querySelectorAll('.fact').map((f: any) => String(f.dom.textContent).trim())
    expect(facts).to.include('微信通知：已开通，代表的下一条答复会发给您')
    expect(data.text(), 'no number of notices to keep track of').not.to.match(/还能|\d+\s*条通知/)
  })
})
