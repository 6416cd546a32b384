import { expect } from 'chai'
import { toHotIssueCase } from '../../src/domain/weekly-report.js'
import type { CaseFilter, CaseRepo, Store } from '../../src/store/ports.js'
import { HOUR, liveCaseLives, NOW, SCOPES, T0 } from './case-life.js'

const DAY = 24 * HOUR

/** What hot issues must read: the scope's cases as they are now, those that count (merged ones too, review 37), overdue as of `now`. */
async function expectedOf(store: Store, filter: CaseFilter, now: Date) {
  return (await store.cases.listForStats(filter)).filter((c) => c.status !== 'rejected').map((c) => ({ ...toHotIssueCase(c, now), mergedInto: c.mergedInto }))
}

/**
 * Hot issues read a window of messages that may be kept between requests (the sqlite adapter keeps
 * it and reads only what changed): whatever happened in between, each read equals the store's
 * cases as they are at that moment.
 */
export function hotIssueChangesContract(store: () => Store) {
  describe('hot issues read after changes', () => {
    const window = { createdFrom: new Date(T0.getTime() + 20 * HOUR), createdTo: NOW }
    const readsAsNow = async (label: string, w: { createdFrom: Date; createdTo: Date } = window, now = NOW) => {
      for (const [name, scope] of Object.entries(SCOPES)) {
        const filter = { ...scope, ...w }
        expect(await store().cases.listForHotIssues(filter, now), `${name}, ${label}`).to.deep.equal(await expectedOf(store(), filter, now))
      }
    }

    it('shows every write since the last read: new cases and each step of the loop (merged, withdrawn, rejected, moved, recategorized…)', async () => {
      await readsAsNow('before any case')
      // Every scope read again after each write the loop makes, as a console refreshed between them would.
      let writes = 0
      const cases = new Proxy(store().cases, {
        get(target, name: keyof CaseRepo) {
          const method = target[name] as unknown
          if (name !== 'submit' && name !== 'update') return typeof method === 'function' ? method.bind(target) : method
          return async (...args: unknown[]) => {
            const written = await (method as (...a: unknown[]) => Promise<unknown>).apply(target, args)
            await readsAsNow(`after write ${++writes} (${name})`)
            return written
          }
        },
      })
      const lives = await liveCaseLives({ ...store(), cases } as Store)
      expect(writes).to.be.greaterThan(100)
      for (const status of ['withdrawn', 'rejected', 'closed', 'reopened'])
        expect(
          lives.some((c) => c.status === status),
          status,
        ).to.equal(true)
      expect(lives.some((c) => c.mergedInto)).to.equal(true)
    })

    it('shows a message anonymised since, cases becoming overdue as time passes, and messages entering and leaving a sliding window', async () => {
      const lives = await liveCaseLives(store())
      await readsAsNow('first read')
      const counted = lives.find((c) => !c.mergedInto && c.status !== 'rejected' && c.createdAt >= window.createdFrom)!
      const anonymised = { caseId: counted.id, text: '某某反映的问题', reply: null, ratingComment: null, ratingComments: [], eventNotes: {}, messageTexts: {} }
      expect(await store().privacy.anonymiseCase(anonymised, NOW)).to.equal(true)
      await readsAsNow('after anonymising one')
      expect((await store().cases.listForHotIssues(window, NOW)).find((c) => c.id === counted.id)?.text).to.equal('某某反映的问题')

      const before = (await store().cases.listForHotIssues(window, new Date(T0.getTime() + 2 * DAY))).filter((c) => c.overdue).length
      const later = (await store().cases.listForHotIssues(window, NOW)).filter((c) => c.overdue).length
      expect(later, 'more are overdue later').to.be.greaterThan(before)
      await readsAsNow('as of an earlier instant', window, new Date(T0.getTime() + 2 * DAY))
      await readsAsNow('as of now again')

      for (const days of [3, 6, 20, 17, -4, -2, 40]) {
        const slid = { createdFrom: new Date(window.createdFrom.getTime() + days * DAY), createdTo: new Date(window.createdTo.getTime() + days * DAY) }
        await readsAsNow(`window slid by ${days} days`, slid, slid.createdTo)
      }
      const narrow = { createdFrom: new Date(T0.getTime() + 5 * DAY), createdTo: new Date(T0.getTime() + 9 * DAY) }
      await readsAsNow('a narrower window', narrow)
      const shifted = (await store().cases.listForHotIssues({ createdFrom: new Date(T0.getTime() + 7 * DAY), createdTo: NOW }, NOW)).map((c) => c.id)
      expect(shifted).to.deep.equal((await expectedOf(store(), { createdFrom: new Date(T0.getTime() + 7 * DAY), createdTo: NOW }, NOW)).map((c) => c.id))
      expect(shifted.length, 'the earliest messages left the window').to.be.lessThan((await store().cases.listForHotIssues(window, NOW)).length)
    })
  })
}
