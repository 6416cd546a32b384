import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { follow, openPage, relaunch } from './harness/page.js'
import { created, office } from './office.js'

/**
 * 李大爷, 68, took the one public seat (公民旁听) of a meeting, then found he could not go. His list shows the meeting
 * once, as his, never 旁听席位已满; its page lets him give the seat back, says first what that does, then that he is
 * not signed up and may sign up again; and 王大爷, who found it full, can now take it.
 */
describe('mini-program: a resident who cannot go gives back her public seat', () => {
  let app: Backend
  let meetingId: string

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ publicSeats: 1 })))
    meetingId = (await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))).id
  })
  afterEach(() => app.close())

  async function liSignsUp() {
    holdPhone(app, 'o-li-jianguo')
    const page = await openPage(`pages/meetings/public?meetingId=${meetingId}`)
    await page.type('.name', '李建国')
    await page.tap('.register')
    page.close()
  }

  it('lists the meeting he holds a seat at once, as his, and never as full', async () => {
    await liSignsUp()
    relaunch()
    const list = await openPage('pages/meetings/index')
    expect(list.text().split('市人大常委会第十次会议').length - 1, 'the meeting named once on the screen').to.equal(1)
    expect(list.textOf('.my-registration')).to.include('已报名旁听（李建国）').and.not.include('已满')
    expect(list.has('.public-meeting'), 'not again among those to sign up for').to.equal(false)
    expect(list.text()).not.to.include('旁听席位已满')
    expect(list.text(), 'the empty list says it leaves his out').to.include('近期没有其他可以报名旁听的会议')
  })

  it('gives the seat back after saying what that does, then offers the form again, and 王大爷 takes the seat', async () => {
    await liSignsUp()
    relaunch()
    const list = await openPage('pages/meetings/index')
    await list.tap('.my-registration')
    const page = await follow()
    expect(page.path).to.equal('pages/meetings/public')

    phone.modalAnswers.push(false) // 还要去: nothing happens
    await page.tap('.cancel')
    expect(phone.modals.at(-1)?.content).to.include('取消后座位会让给别人')
    expect(page.textOf('.notice')).to.equal('您已报名旁听（李建国）。请带好身份证，提前 15 分钟到场。')

    phone.modalAnswers.push(true)
    await page.tap('.cancel')
    expect(page.textOf('.notice')).to.equal('您已取消旁听报名，这个座位空出来了，别人可以报名。')
    expect(page.text()).to.include('还剩 1 个').and.include('想去的话，可以再报名').and.not.include('您已报名旁听')
    expect(page.has('.register'), 'he may sign up again').to.equal(true)
    expect(page.has('.cancel')).to.equal(false)

    await list.show()
    expect(list.has('.my-registration'), 'gone from his places').to.equal(false)
    expect(list.textOf('.public-meeting')).to.include('旁听席位还剩 1 个').and.include('点这里报名旁听')

    holdPhone(app, 'o-wang-dage')
    const wang = await openPage(`pages/meetings/public?meetingId=${meetingId}`)
    expect(wang.text()).not.to.include('旁听席位已满')
    await wang.type('.name', '王大爷')
    await wang.tap('.register')
    expect(wang.textOf('.notice')).to.equal('已报名旁听。请带好身份证，提前 15 分钟到场。')
  })

  it('signs him up again on the same page while the seat is still free', async () => {
    await liSignsUp()
    const page = await openPage(`pages/meetings/public?meetingId=${meetingId}`)
    phone.modalAnswers.push(true)
    await page.tap('.cancel')
    await page.type('.name', '李建国')
    await page.tap('.register')
    expect(page.textOf('.notice')).to.equal('已报名旁听。请带好身份证，提前 15 分钟到场。')
    expect(page.text()).to.include('还剩 0 个').and.not.include('已取消')
  })

  it('says in words why the seat cannot be given back once the meeting has begun', async () => {
    await liSignsUp()
    const page = await openPage(`pages/meetings/public?meetingId=${meetingId}`)
    app.clock.set(new Date('2026-11-26T01:40:00Z')) // ten minutes into the meeting, the page still open
    phone.modalAnswers.push(true)
    await page.tap('.cancel')
    expect(page.textOf('.error')).to.equal('会议已经开始，旁听报名不能再取消了')
    expect(page.textOf('.notice')).to.include('您已报名旁听（李建国）')
  })
})
