import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'

const T0 = new Date('2026-12-16T02:00:00Z')

/**
 * A 述职评议 closed with too few raters is reopened by the office once (services/records/appraisals.ts extend): the store
 * records when and by whom, and refuses a second mark, also when two come at once.
 */
export function appraisalReopenContract(store: () => Store) {
  describe('述职评议 reopened once', () => {
    const appraisal = { surveyId: 'sv-reopen-1', deputyId: 'dp0001', year: 2026, regionIds: ['c0101'], districtId: 'd01', openedBy: 'sf03', openedAt: T0 }

    it('reads as never reopened until marked, then says when and by whom', async () => {
      await store().appraisals.create(appraisal)
      expect(await store().appraisals.bySurvey(appraisal.surveyId)).to.deep.include({ reopenedAt: null, reopenedBy: null })
      expect(await store().appraisals.markReopened(appraisal.surveyId, 'sf03', T0)).to.equal(true)
      expect(await store().appraisals.bySurvey(appraisal.surveyId)).to.deep.include({ reopenedAt: T0, reopenedBy: 'sf03' })
      expect((await store().appraisals.ofDeputy('dp0001'))[0]).to.deep.include({ reopenedAt: T0, reopenedBy: 'sf03' })
    })

    it('marks it once: a second mark, or two at once, leaves the first', async () => {
      await store().appraisals.create(appraisal)
      const both = await Promise.all([
        store().appraisals.markReopened(appraisal.surveyId, 'sf03', T0),
        store().appraisals.markReopened(appraisal.surveyId, 'sf05', new Date(T0.getTime() + 1000)),
      ])
      expect(both.filter(Boolean)).to.have.length(1)
      expect(await store().appraisals.markReopened(appraisal.surveyId, 'sf05', new Date(T0.getTime() + 60_000))).to.equal(false)
      expect((await store().appraisals.bySurvey(appraisal.surveyId))!.reopenedBy).to.equal(both[0] ? 'sf03' : 'sf05')
    })

    it('marks nothing for an appraisal that does not exist', async () => {
      expect(await store().appraisals.markReopened('sv-none', 'sf03', T0)).to.equal(false)
    })
  })
}
