import { expect } from 'chai'
import { Client, startApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * A unit's 民生实事 page says how many days after a quarter it has to report: the number the office set
 * (config livelihood.reportGraceDays), as the next-report line counts them, never a 15 written into the page.
 */
describe('民生实事: the days a unit has to report, as the office set them', () => {
  for (const days of [15, 20]) {
    it(`gives the unit's page ${days} when the office set ${days}`, async () => {
      const app = await startApp({ directory: smallCity(), overrides: { livelihood: { reportGraceDays: days } } })
      try {
        const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
        const answer = await bureau.get('/api/admin/unit/livelihood-projects')
        expect(answer.status).to.equal(200)
        expect(answer.body.reportGraceDays).to.equal(days)
      } finally {
        await app.close()
      }
    })
  }
})
