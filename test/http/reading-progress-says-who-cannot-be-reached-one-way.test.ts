import { expect } from 'chai'
import { type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 学习进度 of a campaign for 轻工街道's deputies and its station staff, nobody of whom has bound anything. The note
 * beside 提醒未读 and the table's row name the same groups in the same words: the deputies 没有绑定微信, and 李娜, the
 * station's staff member, 没有绑定微信助手 (her one way), never counted among 没有绑定微信.
 */
describe('学习进度 says who cannot be reached one way in the note and in the table', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  it('names the staff member without the assistant apart from the deputies without WeChat, in both places', async () => {
    const created = await sunli.post('/api/admin/campaigns', {
      title: '2026年宪法宣传周学习宣传',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      // A month on from the app's clock (the wall clock here): a fixed end date is already past on a later run.
      endsAt: new Date(app.clock.now().getTime() + 30 * DAY).toISOString(),
      audience: { stationIds: ['st001'], staff: true },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const id = created.body.id as string
    expect((await sunli.post(`/api/admin/campaigns/${id}/items`, { title: '宪法全文', body: '<p>第一条</p>', required: true })).status).to.equal(201)

    const note = (await sunli.get(`/api/admin/campaigns/${id}/reminders`)).body.note as string
    const deputies = note.split('；').find((w) => w.includes('没有绑定微信，'))!
    expect(deputies).to.match(/^\d+ 人没有绑定微信，收不到，请电话联系：/)
    expect(deputies, 'the staff member is not among them').not.to.include('李娜')
    expect(note).to.include('1 人没有绑定微信助手，提醒发不到，请电话联系：李娜')

    const row = (await sunli.get(`/api/admin/campaigns/${id}/progress?groupBy=station`)).body.items[0].reachWords as string
    const deputiesCount = deputies.match(/^(\d+) 人/)![1]
    expect(row).to.equal(`${deputiesCount} 人没有绑定微信，1 人没有绑定微信助手，请电话告知`)
  })
})
