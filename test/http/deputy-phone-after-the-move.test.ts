import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildCase, buildResident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 张伟 has a message open on his phone; meanwhile the clerk gives it to 李强. He taps 打电话给群众:
 * he is told what the page says when he opens it afterwards ("已改由其他代表办理"), not "留言不存在"
 * — and learns nothing new: no number, no name, and a deputy who never held it still hears 404.
 */
describe('a deputy asks for the number of a message taken from him', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('is refused in the words of the move, as the read of the message is; another deputy still hears 留言不存在', async () => {
    const author = await buildResident(app)
    const { id } = (await buildCase(app, { resident: author, text: '学校门口没有斑马线', regionId: 'c010101', phone: '13700002222', deputyCode: 'DP0001' }))
      .case
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/deputy/cases/${id}/phone`)).body).to.deep.equal({ phone: '13700002222' })

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0003', note: '李强代表负责学校周边' })).status).to.equal(200)

    const read = await zhang.get(`/api/mp/deputy/cases/${id}`)
    const phone = await zhang.get(`/api/mp/deputy/cases/${id}/phone`)
    expect(phone.status).to.equal(read.status).and.to.equal(403)
    expect(phone.body.error).to.deep.include({ code: 'case_not_his', message: '这条留言已改由其他代表办理，您不用再处理' })
    expect(JSON.stringify(phone.body)).not.to.include('13700002222').and.not.to.include('李强')

    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get(`/api/mp/deputy/cases/${id}/phone`)).status, 'never his: nothing says it exists').to.equal(404)
  })
})
