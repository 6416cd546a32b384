import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, LIFT_MESSAGES as lift, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3600_000

/**
 * An organizer keeps 热点问题 open and refreshes it while residents and staff act: each refresh
 * shows what changed since the one before — the server keeps the month's messages between
 * requests, and must never answer with what it kept instead of what is now true.
 */
describe('hot issues: each refresh shows what changed since the last', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function familyWrites(text: string) {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    app.clock.advance(HOUR)
    return { resident, caseId: answer.body.id as string }
  }

  it('counts a new message and a merged one, drops a rejected one, turns overdue as days pass, and lets the issue go when the month has passed', async () => {
    const families = []
    for (const text of lift) families.push(await familyWrites(text))
    const signIn = () => new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    let lina = await signIn()
    const issue = async () => {
      const answer = await lina.get('/api/admin/analysis/hot-issues')
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      return answer.body.issues as Array<{ key: string; messages: number; residents: number; overdueShare: number; caseIds: string[] }>
    }

    const [first] = await issue()
    expect(first).to.include({ messages: 5, residents: 5, overdueShare: 0 })

    const sixth = await familyWrites('电梯坏了还是没人修，老人上不去楼')
    expect((await issue())[0], 'a sixth family wrote').to.include({ messages: 6, residents: 6 })
    expect((await issue())[0].caseIds).to.include(sixth.caseId)

    // Withdrawn, a message still tells of the problem; rejected (not for a deputy), it no longer counts.
    const withdrawn = await families[2].resident.post(`/api/mp/cases/${families[2].caseId}/withdraw`, { reason: '已经修好了' })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).to.equal(200)
    expect((await issue())[0], 'one family withdrew').to.include({ messages: 6, residents: 6 })
    const rejected = await lina.post(`/api/admin/cases/${families[1].caseId}/reject`, { reason: '重复反映' })
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200)
    expect((await issue())[0], 'one rejected').to.include({ messages: 5, residents: 5 })
    expect((await issue())[0].caseIds).not.to.include(families[1].caseId)

    // Merged, a message is still a family who wrote (review 37): handled with the other, counted in the issue.
    const merged = await lina.post(`/api/admin/cases/${families[3].caseId}/merge`, { intoCaseId: families[0].caseId })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect((await issue())[0], 'one merged into another').to.include({ messages: 5, residents: 5 })

    // Nobody acknowledged them within a working day: by Thursday that is late (未按时受理), but no answer is due yet, so
    // none is overdue (超期 is the reply deadline's).
    app.clock.advance(3 * 24 * HOUR)
    lina = await signIn() // her console session ended while she was away
    expect((await issue())[0], 'not overdue by Thursday').to.include({ messages: 5, overdueShare: 0 })
    // Three weeks on, past their reply deadline (15 working days): the three still waiting are overdue (not the
    // withdrawn one, nor the merged one, which waits on nobody).
    app.clock.advance(19 * 24 * HOUR)
    lina = await signIn()
    expect((await issue())[0], 'overdue three weeks on').to.include({ messages: 5, overdueShare: 0.6 })

    // A month on, the messages are older than the list's 30 days.
    app.clock.advance(30 * 24 * HOUR)
    lina = await signIn()
    expect(await issue(), 'the month has passed').to.deep.equal([])
  })
})
