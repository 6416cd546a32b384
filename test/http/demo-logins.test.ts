import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { DEMO_PASSWORD_COST, seedDemo } from '../../src/services/bootstrap.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { localDate } from '../../src/domain/dates.js'

/** The configured cost of a real deployment (tests run with a cheaper one). */
const TODAY_COST = 16384

describe('the demo city’s console logins', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ overrides: { security: { scryptCost: TODAY_COST } } })
  })
  afterEach(() => app.close())

  it('are seeded with a quick hash of their generated passwords, which the first login raises to today’s cost', async () => {
    const { store, services, config } = app.liaison
    const logins = (await seedDemo(store, services.importer, demoDirectory({ today: localDate(app.clock.now(), config.business.timeZone) })))!
    const organizer = logins.find((l) => l.role === 'organizer')!
    const costOf = async () => (await store.staff.getByUsername(organizer.username))!.passwordHash!.split('$')[1]
    expect(await costOf()).to.equal(String(DEMO_PASSWORD_COST))

    const answer = await new Client(app.baseUrl).post('/api/admin/login', { username: organizer.username, password: organizer.password })
    expect(answer.status).to.equal(200)
    expect(answer.body.staff.username).to.equal(organizer.username)
    expect(await costOf()).to.equal(String(TODAY_COST))
  })
})
