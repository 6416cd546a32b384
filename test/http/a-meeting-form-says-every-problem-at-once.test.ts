import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * Review 44: 新建会议 with 地点 left empty and the end (14:00) before the start (15:00) said only 会议地点不能为空; once
 * she filled the place she was refused again for the times. One refusal names both, each at its field.
 */
describe('新建会议 and 修改会议: a form with an empty field and the end before the start is refused for both at once', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('says 会议地点不能为空 and 结束时间应晚于开始时间 in one 400', async () => {
    const answer = await office.post(
      '/api/admin/meetings',
      meetingBody({ place: '', startAt: '2026-11-26T15:00:00+08:00', endAt: '2026-11-26T14:00:00+08:00' }),
    )
    expect(answer.status).to.equal(400)
    expect(answer.body.error.details).to.deep.equal([
      { path: 'body.place', message: '会议地点不能为空' },
      { path: 'body.endAt', message: '结束时间应晚于开始时间' },
    ])
    expect((await office.get('/api/admin/meetings')).body.items, 'nothing saved').to.deep.equal([])
  })

  /**
   * Review 45: 修改会议 still said 会议地点不能为空 alone, and the end (before the start the meeting already has) only once
   * the place was filled. The edit's times are judged with the meeting's own, as the save would judge them.
   */
  it('修改会议: an empty place and an end before the meeting’s start are refused in one answer, and nothing changes', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-26T15:00:00+08:00', endAt: '2026-11-26T17:00:00+08:00' }))
    expect(created.status).to.equal(201)
    const answer = await office.patch(`/api/admin/meetings/${created.body.id}`, { place: '', endAt: '2026-11-26T14:00:00+08:00' })
    expect(answer.status).to.equal(400)
    expect(answer.body.error.details).to.deep.equal([
      { path: 'body.place', message: '会议地点不能为空' },
      { path: 'body.endAt', message: '结束时间应晚于开始时间' },
    ])
    const after = (await office.get(`/api/admin/meetings/${created.body.id}`)).body
    expect([after.place, after.endAt, after.updatedAt], 'nothing saved').to.deep.equal([created.body.place, created.body.endAt, created.body.updatedAt])
  })

  it('修改会议: a start kept as it was is not refused for being past, though a moved end is judged with it', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-26T15:00:00+08:00', endAt: '2026-11-26T17:00:00+08:00' }))
    app.clock.set(new Date('2026-11-26T07:30:00Z')) // 15:30, under way
    office = await asAdmin(app)
    const answer = await office.patch(`/api/admin/meetings/${created.body.id}`, {
      title: '',
      startAt: '2026-11-26T15:00:00+08:00',
      endAt: '2026-11-26T14:30:00+08:00',
    })
    expect(answer.status).to.equal(400)
    expect(answer.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['会议名称不能为空', '结束时间应晚于开始时间'])
  })
})
