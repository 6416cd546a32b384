import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

describe("the console's outbox: trying again a message that is not there", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('says it does not exist (404), not that it is not dead', async () => {
    const admin = await asAdmin(app)
    const answer = await admin.post('/api/admin/outbox/00000000-0000-0000-0000-000000000000/retry')
    expect(answer.status).to.equal(404)
    expect(answer.body.error.message).to.equal('消息不存在')
  })
})
