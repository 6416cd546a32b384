import { expect } from 'chai'
import { asAdmin, Client } from '../test/helpers/app.js'
import { addDays } from '../src/domain/local-days.js'
import { localDate, monthDayText } from '../src/domain/dates.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

const QINGGONG_ROBOT = 'robot-key-qinggong'

/**
 * 张伟 goes to hospital for a week. From his workbench he pauses his own new messages himself (暂停接收新留言):
 * the days, why (请假), a word for the station. His page and workbench say he did it; residents see the dates on his
 * card; the 轻工街道 station's group is told it was he; 操作记录 has it in his name. Then he comes back early and
 * ends it: the station is told that too, and his workbench no longer says it.
 */
describe('mini-program: a deputy pauses his own new messages, and ends the pause', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend({ wecom: { robots: { 'station:st001': QINGGONG_ROBOT } } })
    app.fake.addRobotKey(QINGGONG_ROBOT)
  })
  afterEach(() => app.close())

  /** What the station's group has read, once the outbox went out. */
  const groupRead = async () => {
    await app.liaison.services.dispatcher.drain()
    return app.fake.robotMessages(QINGGONG_ROBOT).map((p) => (p.body.text as { content: string }).content)
  }

  it('sets it from his workbench, is told it was he, and the station hears it from him; ends it the same way', async () => {
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    const until = addDays(today, 6)
    const dates = `${monthDayText(today)}至${monthDayText(until)}`
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.has('.away')).to.equal(false)
    await workbench.tap('#open-away')
    const page = await follow()
    expect(page.path).to.equal('pages/deputy/away')
    expect(page.text()).to.include('群众写给您的新留言交给联络站').and.include('您手上的留言仍由您办理')
    expect(page.textOf('.reason-leave'), 'nothing chosen for him').to.equal('请假（生病、住院、家里有事）')

    await page.tap('.save')
    expect(page.textOf('.form-error'), 'nothing chosen for him: he picks the last day').to.equal('请选择到哪天为止')
    await page.emit('.until', 'change', { value: until })
    await page.tap('.reason-leave')
    await page.type('.note', '住院复查')
    await page.tap('.save')
    expect(page.textOf('.form-error')).to.equal('')
    expect(page.textOf('.done')).to.include('已保存').and.include('联络站工作人员也会收到通知')
    expect(page.textOf('.away-text')).to.equal(`您已暂停接收新留言（${dates}），您手上的留言仍由您办理`)

    await workbench.show()
    expect(workbench.textOf('.away'), 'his own doing, not the station’s').to.equal(`您已暂停接收新留言（${dates}），您手上的留言仍由您办理`)
    expect((await new Client(app.baseUrl).get('/api/mp/deputies/DP0001')).body.awayNotice).to.equal(`暂停接收留言至${monthDayText(until)}`)
    const told = await groupRead()
    expect(told).to.deep.equal([
      `【张伟代表暂停接收新留言】张伟代表在小程序里自己设置了暂停接收新留言：${dates}（请假）。这几天群众写给他的新留言会交到联络站，请安排其他代表办理；他手上的留言仍由他办理。`,
    ])
    expect(told[0], 'his note stays with the console').not.to.include('住院复查')
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=deputy.away.set')
    expect(audit.body.items.map((e: any) => [e.actorWords, e.actionWords, e.detailWords])).to.deep.equal([
      ['张伟（人大代表）', '设置代表暂停接收留言', `${dates}，请假，通过小程序`],
    ])

    await page.tap('.end')
    expect(page.textOf('.done')).to.include('已恢复接收新留言')
    expect(page.has('.away-text')).to.equal(false)
    await workbench.show()
    expect(workbench.has('.away')).to.equal(false)
    expect((await groupRead()).at(-1)).to.equal(
      `【张伟代表恢复接收新留言】张伟代表在小程序里自己取消了${dates}的暂停接收新留言，群众的新留言会照常交给这位代表。`,
    )
  })
})
