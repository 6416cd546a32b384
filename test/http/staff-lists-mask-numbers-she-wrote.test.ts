import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const LAMP = '光明社区楼道灯坏了半个月，我电话13912345678，座机0571-87654321，晚上在家'
const LAMP_IN_A_LIST = '光明社区楼道灯坏了半个月，我电话（已隐去），座机（已隐去），晚上在家'

/**
 * 赵阿姨 writes her numbers into her message. 李娜, the station's clerk, sees the message as a line of 留言办理, of its
 * search and of 相似留言 beside another: the numbers masked there (DESIGN: masked in lists; the screen is shared), as
 * her deputy's lists mask them. Opened, the case page masks them too; 查看完整原文 reads them whole, audited
 * (test/http/staff-case-page-masks-her-numbers.test.ts).
 */
describe('staff lists mask the numbers a resident wrote, as the case page does', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // station staff of 轻工街道 (c010101)
  })
  afterEach(() => app.close())

  const write = async (text: string) => {
    const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    app.clock.advance(600_000)
    return answer.body as { id: string; ticket: string }
  }
  const lineOf = async (query: string, ticket: string) => {
    const answer = await lina.get(`/api/admin/cases${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return (answer.body.items as Array<{ ticket: string; excerpt: string }>).find((c) => c.ticket === ticket)?.excerpt
  }

  it('in 留言办理, its search and 相似留言 the numbers are masked, and on her case page', async () => {
    const hers = await write(LAMP)
    const other = await write('光明社区楼道灯坏了半个月，晚上黑漆漆的，老人上下楼不安全')

    expect(await lineOf('', hers.ticket), 'the inbox line').to.equal(LAMP_IN_A_LIST)
    expect(await lineOf(`?q=${encodeURIComponent('楼道灯')}`, hers.ticket), 'a search by her words').to.equal(LAMP_IN_A_LIST)
    expect(await lineOf(`?q=${encodeURIComponent(hers.ticket)}`, hers.ticket), 'a search by her ticket').to.equal(LAMP_IN_A_LIST)

    const alike = await lina.get(`/api/admin/cases/${other.id}/merge-choices`)
    expect(alike.status, JSON.stringify(alike.body)).to.equal(200)
    const offered = (alike.body.items as Array<{ ticket: string; excerpt: string }>).find((c) => c.ticket === hers.ticket)
    expect(offered?.excerpt, '相似留言 beside the other message').to.equal(LAMP_IN_A_LIST)

    const whole = JSON.stringify((await lina.get('/api/admin/cases')).body)
    expect(whole, 'no number left in the list').not.to.include('13912345678').and.not.to.include('87654321')

    // The case page masks them alike: 查看完整原文 is the one way to them, audited.
    const page = await lina.get(`/api/admin/cases/${hers.id}`)
    expect(page.status).to.equal(200)
    expect(page.body.text).to.equal(LAMP_IN_A_LIST)
  })
})
