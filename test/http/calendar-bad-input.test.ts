import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'

/**
 * A holiday file's names are shown in the console and beside deadlines: a name holding
 * control or direction characters, or a whole page of text, is refused with its place, and
 * nothing of the year is imported.
 */
describe('calendar import: holiday names', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
  })
  afterEach(() => app.close())

  it('refuses a name with NUL or a right-to-left override, and one of 5,000 characters, naming each place, and imports nothing', async () => {
    const admin = await asAdmin(app)
    const answer = await admin.post('/api/admin/calendar/years', {
      year: 2027,
      days: [
        { name: '元\u0000旦', date: '2027-01-01', isOffDay: true },
        { name: '春节\u202E', date: '2027-02-06', isOffDay: true },
        { name: '节'.repeat(5000), date: '2027-02-07', isOffDay: true },
        { name: '清明节', date: '2027-04-05', isOffDay: true },
      ],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.code).to.equal('calendar_invalid')
    expect(answer.body.error.details).to.deep.equal([
      { path: 'days[0].name', message: '节日名称含有不可见的控制字符，请删去后重新导入' },
      { path: 'days[1].name', message: '节日名称含有不可见的控制字符，请删去后重新导入' },
      { path: 'days[2].name', message: '节日名称最多 30 字' },
    ])
    const years = (await admin.get('/api/admin/calendar')).body.years.map((y: { year: number }) => y.year)
    expect(years).to.not.include(2027)
  })
})
