import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

async function casesOf(app: Backend, openid: string) {
  const user = await app.liaison.store.mpUsers.getByOpenid(openid)
  return (await app.liaison.store.cases.search({ residentId: user!.id, limit: 10 })).items
}

/** A resident writes with 同意公开 from the phone; the deputy answers; the office publishes the masked texts. */
async function publishedAnswer(app: Backend, openid: string, text: string, reply: string, publicConsent = true) {
  holdPhone(app, openid)
  const write = await openPage('pages/case/new?deputyCode=DP0001')
  await write.tap('#agree')
  await write.type('#text', text)
  if (publicConsent) await write.emit('#public', 'change', { value: true })
  await write.tap('#submit')
  const [c] = await casesOf(app, openid)
  expect(c.publicConsent).to.equal(publicConsent)
  const deputy = await asDeputy(app, 'dp0001')
  expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: reply })).status).to.equal(200)
  if (publicConsent) {
    const staff = await office(app)
    const draft = await created(staff.get(`/api/admin/cases/${c.id}/publication`))
    await created(staff.request('PUT', `/api/admin/cases/${c.id}/publication`, draft.draft))
  }
  return c
}

/** The same, straight through the API, for when many are needed. */
async function publishedThroughApi(app: Backend, text: string) {
  const resident = await asResident(app)
  const c = await created(resident.post('/api/mp/cases', { text, deputyCode: 'DP0002', publicConsent: true }))
  const deputy = await asDeputy(app, 'dp0002')
  await created(deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已转交有关部门，一周内处理完。' }))
  const staff = await office(app)
  const draft = await created(staff.get(`/api/admin/cases/${c.id}/publication`))
  // A minute apart, so "newest first" has an order to keep.
  app.clock.advance(60_000)
  await created(staff.request('PUT', `/api/admin/cases/${c.id}/publication`, draft.draft))
}

describe('mini-program story: 大家的留言和答复 (办理选登), answers published with the residents’ agreement', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows anyone the published answer from the home page, masked, and narrows it by topic', async () => {
    await publishedAnswer(
      app,
      'o-public-lamp',
      '我是建设路的李大爷，电话13912345678，小区门口的路灯坏了一个月，晚上出门看不见路',
      '已联系路灯所，本周内修好，以后每月巡查一次。',
    )

    // Someone else, who never wrote anything, opens it from the home page.
    holdPhone(app, 'o-public-reader')
    const asked = phone.requests.length
    const home = await openPage('pages/index/index')
    // In her words, not the office's 办理选登: what she finds there, and that each was published with its writer's agreement.
    expect(home.text()).to.include('看看别人的留言和答复留言人同意后公开，姓名电话已隐去')
    expect(home.text()).not.to.include('选登')
    await home.tap('#public-cases')
    const list = await follow()
    expect(list.path).to.equal('pages/public/index')
    expect(list.title()).to.equal('大家的留言和答复')
    expect(list.textOf('.public-case')).to.include('小区门口的路灯坏了一个月').and.include('已联系路灯所，本周内修好，以后每月巡查一次。')
    expect(list.text(), 'the phone number is masked').not.to.include('13912345678')
    expect(list.text()).to.include('群众留言').and.include('代表答复').and.include('湛河区')
    expect(
      phone.requests.slice(asked).some((r) => r.includes('/api/mp/login')),
      'reading needs no login',
    ).to.equal(false)

    const [shown] = list.data.items
    const elsewhere = list.data.topics.findIndex((t: string) => t !== shown.topic)
    await list.tap(`#topic-${elsewhere}`)
    expect(list.text()).not.to.include('小区门口的路灯坏了一个月')
    expect(list.textOf('#none')).to.include('还没有公开的答复')
    await list.tap(`#topic-${list.data.topics.indexOf(shown.topic)}`)
    expect(list.textOf('.public-case')).to.include('小区门口的路灯坏了一个月')
    await list.tap('#topic-all')
    expect(list.textOf('.public-case')).to.include('小区门口的路灯坏了一个月')
  })

  it('says on which days the resident wrote and the deputy answered as people say them, not 2026-11-03', async () => {
    await publishedAnswer(app, 'o-public-dates', '健身广场的路灯晚上七点就灭了，老人散步看不见', '已请城管调整亮灯时间，晚上十点再关。')
    const list = await openPage('pages/public/index')
    const card = list.data.items.findIndex((i: { question: string }) => i.question.includes('健身广场的路灯'))
    expect(card).to.be.at.least(0)
    const dates = list.component.querySelectorAll('.dates')[card]?.dom.textContent?.trim()
    expect(dates).to.match(/^(\d{4}年)?\d{1,2}月\d{1,2}日留言，(\d{4}年)?\d{1,2}月\d{1,2}日答复$/)
  })

  it('takes a published answer off the public page when its resident takes back their agreement on the case page', async () => {
    const c = await publishedAnswer(app, 'o-public-change-mind', '菜市场门口的下水道堵了，污水流到路上', '已请市政疏通，两天内完成。')
    const before = await openPage('pages/public/index')
    expect(before.text()).to.include('菜市场门口的下水道堵了')

    holdPhone(app, 'o-public-change-mind')
    const detail = await openPage(`pages/case/detail?caseId=${c.id}`)
    expect(detail.text()).to.include('您同意了公开这条留言')
    // Where it is published, by the name she finds on her home page (not the office's 办理选登).
    expect(detail.text()).to.include('放在首页“看看别人的留言和答复”里').and.not.include('选登')
    phone.modalAnswers.push(true)
    await detail.tap('#withdraw-consent')
    expect(phone.modals[0].title).to.equal('撤回公开同意')
    expect(detail.textOf('#consent-message')).to.equal('已撤回公开同意，这条留言已从公开列表中撤下')
    expect(detail.has('#withdraw-consent')).to.equal(false)
    expect((await casesOf(app, 'o-public-change-mind'))[0].publicConsent).to.equal(false)

    const after = await openPage('pages/public/index')
    expect(after.text()).not.to.include('菜市场门口的下水道堵了')
    // Opened again later, the case page no longer offers it.
    const again = await openPage(`pages/case/detail?caseId=${c.id}`)
    expect(again.has('#withdraw-consent')).to.equal(false)
  })

  it('keeps the agreement when the person says no in the confirm, and offers nothing for a message sent without it', async () => {
    const agreed = await publishedAnswer(app, 'o-public-hesitant', '公交站的候车亭顶棚破了，下雨没处躲', '已报公交公司，下周更换顶棚。')
    const detail = await openPage(`pages/case/detail?caseId=${agreed.id}`)
    phone.modalAnswers.push(false)
    await detail.tap('#withdraw-consent')
    expect(detail.has('#withdraw-consent')).to.equal(true)
    expect((await casesOf(app, 'o-public-hesitant'))[0].publicConsent).to.equal(true)
    expect((await openPage('pages/public/index')).text()).to.include('公交站的候车亭顶棚破了')

    const quiet = await publishedAnswer(app, 'o-public-private', '邻居家装修天天晚上十点以后还在砸墙', '已请社区上门协调，晚上不再施工。', false)
    const page = await openPage(`pages/case/detail?caseId=${quiet.id}`)
    expect(page.textOf('#reply')).to.equal('已请社区上门协调，晚上不再施工。')
    expect(page.text()).not.to.include('撤回公开同意')
  })

  it('shows the newest answers first, ten at a time, and the earlier ones on 加载更多', async () => {
    for (let n = 1; n <= 11; n++) await publishedThroughApi(app, `第${n}号楼电梯经常停运，老人上下楼很困难`)
    const list = await openPage('pages/public/index')
    expect(list.data.items).to.have.length(10)
    expect(list.textOf('.public-case')).to.include('第11号楼电梯')
    expect(list.text()).not.to.include('第1号楼电梯')
    await list.tap('#more')
    expect(list.data.items.length).to.be.greaterThan(10)
    expect(list.text()).to.include('第1号楼电梯').and.include('第11号楼电梯')
    const order = list.data.items.map((i: { question: string }) => i.question).filter((q: string) => /号楼电梯/.test(q))
    expect(order.indexOf('第11号楼电梯经常停运，老人上下楼很困难')).to.be.lessThan(order.indexOf('第1号楼电梯经常停运，老人上下楼很困难'))
  })
})
