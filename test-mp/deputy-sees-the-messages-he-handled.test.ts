import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, settle, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { SLA_JOB } from '../src/jobs/sla-job.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 我的待办 lists only what still waits on 张伟. A resident rings him about the message he
 * answered last week: from the workbench he opens 我办过的留言 and finds it, newest first, each
 * saying in words where it stands (已答复，等群众评价 / 已办结，群众评价 5 分: a score in 分, as everywhere else), opens it and reads
 * his answer again; older ones come with 看更早的留言.
 */
describe('mini-program: a deputy finds the messages he has answered', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  /** A resident writes to 张伟; with `answer`, he answers it through the backend (as from another phone). */
  async function messageToZhang(text: string, answer?: string) {
    app.clock.advance(3600_000) // an hour apart: newest first is a real order
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
    if (answer) await created((await phoneOfZhang(app)).post(`/api/mp/deputy/cases/${written.id}/reply`, { text: answer }))
    return { resident, id: written.id as string, ticket: written.ticket as string }
  }

  const positionOf = (page: MpPage, words: string) => page.text().indexOf(words)

  it('from the workbench: the two answered ones with their states, not the open one; one opens with his answer', async () => {
    const rated = await messageToZhang('小区门口的垃圾好几天没人清运', '已联系环卫所，明天起每天清运两次。')
    const open = await messageToZhang('公园的长椅坏了两张')
    const waiting = await messageToZhang('楼下路灯不亮了，晚上很黑', '已报路灯所，三天内修好。')
    await created(rated.resident.post(`/api/mp/cases/${rated.id}/rate`, { rating: 5 }))

    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.text()).to.include('我的待办：共 1 项').and.include(open.ticket)
    await workbench.tap('#open-handled')
    const handled = await follow()
    expect(handled.path).to.equal('pages/deputy/handled')

    expect(handled.textOf(`#case-${waiting.ticket}`))
      .to.include(`留言 ${waiting.ticket}`)
      .and.include('已答复，等群众评价')
      .and.include('楼下路灯不亮了')
    expect(handled.textOf(`#case-${rated.ticket}`))
      .to.include(`留言 ${rated.ticket}`)
      .and.include('已办结，群众评价 5 分')
      .and.include('小区门口的垃圾')
    expect(handled.text(), 'a score in 分, as on every other page, not in stars').not.to.include('星')
    expect(handled.textOf(`#case-${rated.ticket}`), 'topic and the days it came and was answered').to.include('环境保护 · 11月23日收到 · 11月23日答复')
    expect(positionOf(handled, waiting.ticket), 'newest first').to.be.below(positionOf(handled, rated.ticket))
    expect(handled.text(), 'the open one is in 我的待办, not here').not.to.include(open.ticket)
    expect(handled.has('#more'), 'two fit on one screen').to.equal(false)

    await handled.tap(`#case-${rated.ticket}`)
    const detail = await follow()
    expect(detail.path).to.equal('pages/deputy/case')
    expect(detail.text()).to.include(`留言 ${rated.ticket}`).and.include('已办结').and.include('已联系环卫所，明天起每天清运两次。')
  })

  it('says in words which closed ones the resident never rated and which were merged into another', async () => {
    const unrated = await messageToZhang('小区门口的垃圾好几天没人清运', '已联系环卫所。')
    app.clock.advance(15 * 86_400_000) // long past the days a resident has to rate
    await app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    const kept = await messageToZhang('建设路社区东门的路灯坏了，晚上很黑')
    const duplicate = await messageToZhang('建设路社区东门路灯坏了，晚上很黑看不见')
    await created((await stationStaff(app)).post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: kept.id }))

    await phoneOfZhang(app)
    const handled = await openPage('pages/deputy/handled')
    expect(handled.textOf(`#case-${unrated.ticket}`)).to.include('已办结，群众没有评价')
    expect(handled.textOf(`#case-${duplicate.ticket}`))
      .to.include('已和相同问题的留言合并办理')
      .and.not.include('答复')
    expect(handled.text(), 'the one carrying the work waits on him still').not.to.include(kept.ticket)
  })

  it('lists the ones taken back or refused while with him, saying so, so a resident who rings about one is found', async () => {
    const withdrawn = await messageToZhang('楼下的狗整夜叫，睡不着')
    expect((await withdrawn.resident.post(`/api/mp/cases/${withdrawn.id}/withdraw`, { reason: '邻居已经处理好了' })).status).to.equal(200)
    const refused = await messageToZhang('你们都是摆设，什么也不管')
    expect((await (await stationStaff(app)).post(`/api/admin/cases/${refused.id}/reject`, { reason: '含辱骂内容' })).status).to.equal(200)

    await phoneOfZhang(app)
    const handled = await openPage('pages/deputy/handled')
    expect(handled.textOf(`#case-${withdrawn.ticket}`))
      .to.include('群众已撤回，不用再办理')
      .and.include('楼下的狗整夜叫')
    expect(handled.textOf(`#case-${refused.ticket}`)).to.include('不予受理，不用再办理')
    expect(handled.textOf('.intro'), 'the page says what it lists, the refused ones too').to.include('群众撤回的和不予受理的留言')
    expect(handled.text()).not.to.include('现在没有已答复、已办结的留言')

    await handled.tap(`#case-${withdrawn.ticket}`)
    expect((await follow()).text()).to.include('群众已撤回这条留言，不用再办理。')
  })

  it('says in words when he has answered nothing yet', async () => {
    await messageToZhang('公园的长椅坏了两张')
    await phoneOfZhang(app)
    const handled = await openPage('pages/deputy/handled')
    expect(handled.text()).to.include('现在没有已答复、已办结的留言').and.not.include('公园的长椅')
    expect(handled.has('#more') || handled.has('#load-failed')).to.equal(false)
  })

  it('after an answer the resident sent back for 重新办理: says the state, never that he answered none', async () => {
    const { id, resident } = await messageToZhang('学校门口没有斑马线')
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系交警大队，下周在学校门口画斑马线。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '还没有画' })).status).to.equal(200)

    const handled = await openPage('pages/deputy/handled')
    expect(handled.textOf('.empty')).to.include('现在没有已答复、已办结的留言').and.include('群众要求重新办理的留言在“我的待办”里')
    expect(handled.text()).not.to.include('还没有答复过')
  })

  it('ten to a screen; 看更早的留言 brings the older ones, nothing twice', async () => {
    const answered: string[] = []
    for (let n = 1; n <= 12; n++) answered.push((await messageToZhang(`第${n}条：小区里的问题${n}`, `第${n}条已经办好。`)).ticket)

    await phoneOfZhang(app)
    const handled = await openPage('pages/deputy/handled')
    const shown = () => answered.filter((t) => handled.has(`#case-${t}`))
    expect(shown(), 'the ten newest').to.deep.equal(answered.slice(2))
    expect(handled.has('#more')).to.equal(true)
    expect(handled.text()).to.include('看更早的留言')

    await handled.tap('#more')
    expect(shown()).to.deep.equal(answered)
    expect(handled.text().split('留言 ').length - 1, 'each once').to.equal(12)
    expect(handled.has('#more'), 'nothing older').to.equal(false)
  })

  it('opened while offline: says so, never "nothing answered", and 再试一次 lists them', async () => {
    const { ticket } = await messageToZhang('小区门口的垃圾好几天没人清运', '已联系环卫所。')
    await phoneOfZhang(app)
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    let handled: MpPage
    try {
      handled = await openPage('pages/deputy/handled')
    } finally {
      phone.backend = backend
      await settle()
    }
    expect(handled.text()).to.include('网络不通，请检查网络后重试').and.not.include('现在没有已答复、已办结的留言')
    await handled.tap('#load-failed >>> .retry')
    expect(handled.text()).to.include(ticket).and.include('已答复，等群众评价').and.not.include('网络不通')
  })
})
