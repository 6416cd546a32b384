import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 scans the door code of the 履职培训班 half an hour after it ended: check-in has closed, and the staff at the
 * door have gone. The page says whom to phone for a 补签, and that call is the one filled button (as 打电话请孙丽补签
 * on the meeting page), 查看会议详情 beside it in outline. The explanation is in the body colour, read from the left:
 * 没有签上 above it already says it failed.
 */
describe('mini-program: at the closed door he can phone for a late check-in', () => {
  let app: Backend
  afterEach(() => app.close())

  async function meeting(contact: Record<string, unknown>) {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({ title: '湛河区人大代表履职培训班', startAt: '2026-12-01T09:00:00+08:00', endAt: '2026-12-01T11:30:00+08:00', ...contact }),
      ),
    )
    return created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
  }

  it('the number the words name is the one button: 打电话补签 dials it', async () => {
    const m = await meeting({ contactName: '孙丽', contactPhone: '0375-2661234' })
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-12-01T04:00:00Z')) // 12:00, half an hour after the end
    const door = await openPage(`pages/meetings/checkin?code=${m.shortCode}`)
    expect(door.textOf('.big')).to.equal('没有签上')
    expect(door.textOf('.refusal')).to.equal('会议已于12月1日（星期二）上午11:30结束，签到已关闭。如果您到了会，请联系孙丽（电话 0375-2661234）为您补签。')
    expect(door.has('.error'), 'the why is not drawn in red').to.equal(false)
    expect(declarations('pages/meetings/checkin.wxss', '.refusal').get('text-align')).to.equal('left')
    const whole = door.component.querySelectorAll('.refusal .whole').map((p: { dom: HTMLElement }) => p.dom.textContent)
    expect(whole, 'its date and its time each whole with its word, 会议已于 not alone above them').to.deep.equal([
      '会议已于12月1日（星期二）',
      '上午11:30结束，',
    ])

    expect(door.has('.call-contact')).to.equal(true)
    expect(door.text()).to.include('为您补签。打电话补签查看会议详情返回首页')
    expect(door.buttonLook('.call-contact'), 'the one obvious action').to.equal('filled')
    expect(door.buttonLook('.open'), '查看会议详情 stays an outline button').to.equal('plain')
    await door.tap('.call-contact')
    expect(phone.calls).to.deep.equal(['0375-2661234'])
  })

  it('no number to call (the office by name): no call button, only where to go', async () => {
    const m = await meeting({})
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-12-01T04:00:00Z'))
    const door = await openPage(`pages/meetings/checkin?code=${m.shortCode}`)
    expect(door.textOf('.refusal')).to.include('请联系组织会议的市人大常委会办公室为您补签')
    expect(door.has('.call-contact')).to.equal(false)
  })
})
