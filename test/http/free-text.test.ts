import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { surveyBody } from '../helpers/surveys.js'

const SECRET = 'bot-secret-for-tests-0123456789'
const INVISIBLE = '含有不可见的控制字符，请删去后重新输入'

/**
 * Control and direction characters (NUL, BEL, ESC, U+202E …) never reach the store: a
 * short field that holds one is refused, a long text loses them and keeps its line breaks.
 */
describe('free text: control and direction characters', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: SECRET } } })
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  const detail = (answer: { body: any }, path: string) => answer.body.error.details.find((d: { path: string }) => d.path === path)?.message

  it('refuses a meeting title with a right-to-left override, in plain Chinese, and creates nothing', async () => {
    const answer = await admin.post('/api/admin/meetings', meetingBody({ title: '会议\u202Efdp.exe' }))
    expect(answer.status).to.equal(400)
    expect(detail(answer, 'body.title')).to.equal(INVISIBLE)
    expect((await admin.get('/api/admin/meetings')).body.items).to.deep.equal([])
  })

  it("refuses NUL, BEL and ESC in a staff member's name and a station's address", async () => {
    for (const name of ['张\u0000三', '张\u0007三', '\u001b[31m张三']) {
      const answer = await admin.post('/api/admin/staff', { name, username: 'zhangsan', role: 'organizer' })
      expect(answer.status, JSON.stringify(name)).to.equal(400)
      expect(detail(answer, 'body.name')).to.equal(INVISIBLE)
    }
    const address = await admin.patch('/api/admin/stations/st001', { address: '建设路\u202E1号' })
    expect(detail(address, 'body.address')).to.equal(INVISIBLE)
    expect((await admin.get('/api/admin/stations/st001')).body.address).to.equal('建设路1号')
  })

  it("keeps a resident's message but drops the invisible characters in it, line breaks kept", async () => {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text: '路灯坏了\u0000\u0007\r\n晚上\u202E看不见\u001b路', regionId: 'c010101' })
    expect(answer.status).to.equal(201)
    expect((await app.liaison.store.cases.get(answer.body.id))!.text).to.equal('路灯坏了\n晚上看不见路')
  })

  it('refuses a survey question with a control character', async () => {
    const survey = await admin.post('/api/admin/surveys', surveyBody({ questions: [{ id: 'q4', type: 'text', title: '您的\u0007建议', maxLength: 200 }] }))
    expect(survey.status).to.equal(400)
    expect(detail(survey, 'body.questions[0].title')).to.equal(INVISIBLE)
  })

  it('refuses a directory import with an escape sequence in a name, naming the place, and imports nothing', async () => {
    const city = meetingCity()
    const deputy = city.deputies[1]!
    const before = deputy.name
    deputy.name = `\u001b[2J${before}`
    const answer = await admin.post('/api/admin/directory/import', city)
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.include({ path: 'deputies[1].name', message: INVISIBLE })
    expect((await admin.get(`/api/admin/deputies/${deputy.id}`)).body.name).to.equal(before)
  })

  it('refuses a quiz bank whose options hide a control character, and drops them from a stem', async () => {
    const { readQuestionCsv } = await import('../../src/services/quizzes/quiz-csv.js')
    const bad = await readQuestionCsv('type,stem,options,answer\nsingle,宪法日是哪天,12月4日|3月\u00155日,A\n')
    expect(bad.problems).to.deep.equal([{ path: 'body.csv[第 2 行].options[1]', message: INVISIBLE }])
    const ok = await readQuestionCsv('type,stem,options,answer\nsingle,宪法日\u202e是哪天,12月4日|3月5日,A\n')
    expect(ok.drafts[0]!.stem).to.equal('宪法日是哪天')
  })

  describe("the bot's side", () => {
    const bot = () => Object.assign(new Client(app.baseUrl), { bearer: SECRET })

    it('refuses a dialogue for a contact id with NUL, and stores nothing for it', async () => {
      const put = await bot().request('PUT', `/api/bot/dialogues/${encodeURIComponent('wxid_a\u0000b')}`, { state: { flow: null } })
      expect(put.status).to.equal(400)
      expect(put.body.error.details[0].message).to.equal('编号含有不可见的控制字符')
      const resolve = await bot().post('/api/bot/people/resolve', { contactId: 'wxid\u0000x' })
      expect(resolve.status).to.equal(400)
      expect(await app.liaison.store.mpUsers.getByBotContact('wxid\u0000x')).to.equal(null)
    })

    it('refuses an alert whose QR link is not a web address', async () => {
      for (const qrUrl of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
        const answer = await bot().post('/api/bot/alerts', { kind: 'logged_out', text: '机器人已掉线', qrUrl })
        expect(answer.status, qrUrl).to.equal(400)
        expect(answer.body.error.details[0]).to.deep.equal({ path: 'body.qrUrl', message: '二维码地址应为 http(s) 网址' })
      }
      expect((await bot().post('/api/bot/alerts', { kind: 'logged_out', text: '机器人已掉线', qrUrl: 'https://wechaty.js.org/qrcode/x' })).status).to.equal(201)
    })
  })
})
