import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openOffline, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/** The buttons the check-in card offers, by the words on them. */
function offered(page: MpPage) {
  const buttons = [page.has('.retry') && '再试一次', page.has('.open') && '查看会议详情', page.has('.home') && '返回首页'].filter(Boolean) as string[]
  for (const words of buttons) expect(page.text()).to.include(words)
  return buttons
}

/**
 * At the door of the 09:30 meeting (Thursday 2026-11-26; scanning opens 08:30). A second scan (the
 * queue, or unsure the first worked) shows the check-in that stands, as a success. Every refusal
 * says what is true now and what to do, with 再试一次 only where trying again can help.
 */
describe('mini-program: the check-in page at the door says what is true and what to do', () => {
  let app: Backend
  let meeting: { id: string; shortCode: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
  })
  afterEach(() => app.close())

  it('scanned a second time, he is told in the success card 您已签到（上午8:40）, with no 再试一次', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40
    const first = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(first.textOf('.big')).to.equal('已签到')
    // His time said as the meeting's just above it (上午9:30): one way of saying a time on one card.
    expect(first.text()).to.include('签到时间：11月26日（星期四）上午8:40')
    const whole: string[] = first.component.querySelectorAll('.whole').map((t: any) => t.dom.textContent)
    expect(
      whole.some((w) => w.includes('11月26日（星期四）上午8:40')),
      'his time kept whole on its line',
    ).to.equal(true)

    app.clock.set(new Date('2026-11-26T00:43:00Z'))
    const again = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(again.textOf('.big')).to.equal('您已签到（上午8:40）')
    expect(again.has('.big.fail'), 'not the red failure').to.equal(false)
    expect(again.text()).to.include('市人大常委会第十次会议').and.include('不用再扫了。').and.not.include('没有签上')
    // Said once, with its time once: not again as 签到时间… and 您的签到已经记下了….
    expect(again.text().match(/签到/g), '签到 said once').to.have.length(1)
    expect(again.text().match(/8:40/g), 'its time said once').to.have.length(1)
    expect(offered(again)).to.deep.equal(['查看会议详情'])
    await again.tap('.open')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: `/pages/meetings/detail?meetingId=${meeting.id}` })
  })

  it('says when and where each on its own line, each date and time whole', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.when')).to.equal('时间：11月26日（星期四）上午9:30 至 上午11:30')
    expect(door.textOf('.place')).to.equal('地点：市人大常委会第一会议室')
    const whole: string[] = door.component.querySelectorAll('.when .whole').map((t: any) => t.dom.textContent)
    for (const piece of ['11月26日（星期四）', '上午9:30', '上午11:30']) {
      expect(
        whole.some((w) => w.includes(piece)),
        `${piece} kept whole on its line`,
      ).to.equal(true)
    }
    expect(door.text()).not.to.include(' · ')
  })

  it('having come without replying, his meeting page no longer says 未回复', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40, answers still open until 09:30
    await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.text()).to.include('已到会，11月26日（星期四）上午8:40签到').and.not.include('未回复')
  })

  it('the day before, says from what time he can sign in, and offers the meeting and home, not 再试一次', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-25T10:00:00Z')) // Wednesday 18:00
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.refusal')).to.equal(
      '还没到签到时间，11月26日（星期四）上午8:30开始签到。会议时间：11月26日（星期四）上午9:30至上午11:30。到时请再扫一次会场的签到二维码。',
    )
    expect(offered(door)).to.deep.equal(['查看会议详情', '返回首页'])
    await door.tap('.home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
  })

  it('after the end, says the meeting is over and whom to ask', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T03:40:00Z')) // 11:40, ten minutes after the end
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.refusal')).to.equal('会议已于11月26日（星期四）上午11:30结束，签到已关闭。如果您到了会，请联系组织会议的市人大常委会办公室为您补签。')
    expect(offered(door)).to.deep.equal(['查看会议详情', '返回首页'])
  })

  it('a deputy not on the list is sent to the staff at the door, with 返回首页', async () => {
    await asDeputy(app, 'dp0004') // 赵敏, a township deputy: not invited
    holdPhone(app, 'o-deputy-dp0004')
    app.clock.set(new Date('2026-11-26T00:40:00Z'))
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.refusal')).to.equal('参会名单里没有您，不能用这个二维码签到。如果您是来参会的，请找会场的会务工作人员。')
    expect(door.text()).not.to.include('链接有误')
    expect(offered(door)).to.deep.equal(['返回首页'])
  })

  it('a resident who scans it is told what the code is for, with 返回首页', async () => {
    holdPhone(app, 'o-resident-at-the-door')
    app.clock.set(new Date('2026-11-26T00:40:00Z'))
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    // Nothing of hers failed: the heading says what the code is for, not the red 没有签上.
    expect(door.textOf('.big')).to.equal('这个签到码是给代表用的')
    expect(door.has('.big.fail'), 'not in red').to.equal(false)
    expect(door.text()).not.to.include('没有签上')
    expect(door.textOf('.refusal')).to.equal('签到是给参会的人大代表用的。代表请先在“我的”里用绑定码绑定代表身份；如果您是来参会的，请找会场的会务工作人员。')
    expect(offered(door)).to.deep.equal(['返回首页'])
  })

  it('with no signal, offers 再试一次, which signs him in once the signal is back', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T00:40:00Z'))
    const door = await openOffline(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.refusal')).to.equal('网络不通，请检查网络后重试')
    expect(offered(door)).to.deep.equal(['再试一次'])
    await door.tap('.retry')
    expect(door.textOf('.big')).to.equal('已签到')
  })
})
