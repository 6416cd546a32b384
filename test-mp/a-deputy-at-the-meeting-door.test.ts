import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 opens a meeting's page. At the door, with check-in open, the one obvious thing to do is to
 * sign in, so that is the one filled button; before, it is to answer. He can step back out of
 * the 请假 form without sending it, and open the meeting's attachments on the phone.
 */
describe('mini-program: a deputy at the meeting sees one thing to do, and opens its papers', () => {
  let app: Backend

  async function meetingWith(over: Record<string, unknown> = {}) {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody(over)))
    return (await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))) as { id: string }
  }

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('days before, the filled button is 参加; at the door, never having answered, it is 到会后扫码签到 and 参加 is plain', async () => {
    const meeting = await meetingWith()
    await phoneOfZhang(app)
    const before = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(before.has('.scan'), 'no check-in days before').to.equal(false)
    expect(before.buttonLook('.attend')).to.equal('filled')

    app.clock.set(new Date('2026-11-26T01:00:00Z')) // 09:00, half an hour before the start: check-in is open, answers too
    const atTheDoor = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(atTheDoor.text()).to.include('您还没回复是否参加').and.include('参加').and.include('到会后扫码签到')
    expect(atTheDoor.buttonLook('.scan')).to.equal('filled')
    expect(atTheDoor.buttonLook('.attend')).to.equal('plain')
  })

  it('steps back out of the 请假 form without sending it', async () => {
    const meeting = await meetingWith()
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    await page.tap('.start-leave')
    expect(page.text()).to.include('请假原因')
    await page.tap('.cancel-leave')
    expect(page.text()).not.to.include('请假原因')
    expect(page.text()).to.include('您还没回复是否参加')
    expect(page.has('.attend') && page.has('.start-leave'), 'the answers offered again').to.equal(true)
  })

  it('opens a PDF attachment in WeChat’s reader and a picture full screen', async () => {
    const meeting = await meetingWith({
      attachments: [
        { name: '会议议程.pdf', url: 'https://rd.example.gov.cn/files/agenda.pdf' },
        { name: '会场位置图', url: 'https://rd.example.gov.cn/files/map.png' },
      ],
    })
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.attachment-0')).to.equal('附件：会议议程.pdf打开 ›')
    expect(page.textOf('.attachment-1')).to.equal('附件：会场位置图看图片 ›')

    await page.tap('.attachment-0')
    expect(phone.downloads).to.deep.equal(['https://rd.example.gov.cn/files/agenda.pdf'])
    expect(phone.documents).to.deep.equal([{ filePath: 'wxfile://tmp_agenda.pdf', fileType: 'pdf' }])
    expect(page.has('.attachment-note'), 'nothing wrong to say').to.equal(false)

    await page.tap('.attachment-1')
    expect(phone.previews).to.deep.equal([{ current: 'https://rd.example.gov.cn/files/map.png', urls: ['https://rd.example.gov.cn/files/map.png'] }])
  })

  it('says in words when an attachment cannot be opened, and offers its link to copy', async () => {
    const meeting = await meetingWith()
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    phone.downloadAnswer = 'fail'
    await page.tap('.attachment-0')
    expect(page.textOf('.attachment-note')).to.equal('附件没能打开，请稍后再点一次；也可以复制链接，发到微信聊天里点开')
    await page.tap('.copy-link')
    expect(phone.clipboard).to.equal('https://rd.example.gov.cn/files/agenda.pdf')
    expect(page.textOf('.attachment-note')).to.equal('链接已复制，请发到微信聊天里点开')
  })
})
