import { expect } from 'chai'
import { meetingBody } from '../helpers/meetings.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { monday, useOvernightMeeting } from './overnight-meeting.js'

/**
 * 孙丽 adds the 接待日 at 22:00 for 08:30 the next morning. Quiet hours (21:00–08:00) held its 会议通知 until 08:00: the
 * deputy read it half an hour before he had to be there, too late to come on time or to ask for leave. A notice of a
 * meeting that starts within the hour after quiet hours end goes at once; one for later in the morning still waits.
 */
describe('quiet hours do not hold the notice of a meeting early the next morning', function () {
  this.timeout(60_000)
  const story = useOvernightMeeting()

  async function publishAt22(title: string, startAt: string, endAt: string) {
    const { app, sunli } = story
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/meetings', meetingBody({ title, startAt, endAt, selector: { deputyIds: ['dp0001'] } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
  }
  const cards = () =>
    story.app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .map((m) => m.data.thing1.value)

  it('sends at 22:00 the notice of a meeting at 08:30 tomorrow', async () => {
    await story.mpDeputy('o-zhangwei', 'dp0001')
    await publishAt22('轻工街道代表联络站接待日', '2026-11-24T08:30:00+08:00', '2026-11-24T11:30:00+08:00')
    expect(cards()).to.deep.equal(['会议通知：轻工街道代表联络站接待日'])
  })

  it('still holds until 08:00 the notice of a meeting at 10:00 tomorrow', async () => {
    await story.mpDeputy('o-zhangwei', 'dp0001')
    await publishAt22('轻工街道代表联络站接待日', '2026-11-24T10:00:00+08:00', '2026-11-24T11:30:00+08:00')
    expect(cards(), 'not at night').to.deep.equal([])
    const [notice] = (await story.app.liaison.store.outbox.search({ limit: 5, kind: 'meeting.notice' })).items
    expect(notice).to.deep.include({ status: 'pending', waitingReason: '夜间免打扰，8:00 后发送' })
  })
})
