import { expect } from 'chai'
import { asAdmin, Client } from '../test/helpers/app.js'
import { addDays } from '../src/domain/local-days.js'
import { localDate, monthDayText } from '../src/domain/dates.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * The station paused 张伟's new messages while he is in hospital, with a word for its own staff. On his 暂停接收新留言
 * page he reads the dates and whom to ask to change them, never their word, and is offered no form or 提前结束 that
 * would undo theirs. When the station sets it while his page is open, his tap is refused and the page shows what
 * stands now.
 */
describe('mini-program: a deputy reads whom to ask about the pause his station set', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const pauseByStation = async () => {
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    const until = addDays(today, 6)
    const marked = await (await asAdmin(app)).put('/api/admin/deputies/dp0001/away', { from: today, until, reason: 'other', note: '家属来电，情况待核实' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
    return `${monthDayText(today)}至${monthDayText(until)}`
  }

  it('shows the dates and whom to ask, no form, no 提前结束, and never the station’s note', async () => {
    const dates = await pauseByStation()
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/away')
    expect(page.textOf('.away-text')).to.equal(`联络站已为您暂停接收新留言（${dates}），您手上的留言仍由您办理`)
    // Review 37, finding 19: the dates and who set them once (the line above), then only whom to ask.
    expect(page.textOf('.ask-station')).to.equal('日期要改或提前恢复，请联系轻工街道代表联络站。')
    expect(page.text().split('联络站已为您暂停接收新留言').length - 1, 'said once').to.equal(1)
    expect(page.has('.end'), 'no 提前结束').to.equal(false)
    expect(page.has('.form'), 'no form to replace it').to.equal(false)
    expect(page.text()).not.to.include('家属来电')
  })

  it('his tap after the station set it meanwhile is refused, and the page shows the station’s pause', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/away')
    expect(page.has('.away-text')).to.equal(false)
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    await page.emit('.until', 'change', { value: addDays(today, 2) })
    await page.tap('.reason-study')

    const dates = await pauseByStation()
    await page.tap('.save')
    expect(page.textOf('.away-text')).to.equal(`联络站已为您暂停接收新留言（${dates}），您手上的留言仍由您办理`)
    expect(page.textOf('.ask-station')).to.equal('日期要改或提前恢复，请联系轻工街道代表联络站。')
    expect(page.has('.form')).to.equal(false)
    expect(page.has('.away-error'), 'said once, by the page').to.equal(false)
    expect(page.has('.done')).to.equal(false)
    expect((await new Client(app.baseUrl).get('/api/mp/deputies/DP0001')).body.awayNotice, 'the station’s stands').to.equal(
      `暂停接收留言至${monthDayText(addDays(today, 6))}`,
    )
  })
})
