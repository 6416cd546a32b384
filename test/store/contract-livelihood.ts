import { expect } from 'chai'
import type { LivelihoodCycle, LivelihoodProject, LivelihoodProposal } from '../../src/domain/livelihood.js'
import { ConflictError } from '../../src/errors.js'
import type { OutboxMessage, Store } from '../../src/store/ports.js'

const T0 = new Date('2026-12-01T00:00:00Z')
const cycle = (o: Partial<LivelihoodCycle> = {}): LivelihoodCycle => ({
  id: 'lc-1',
  office: 'city',
  year: 2027,
  title: '2027年民生实事',
  opensAt: T0,
  closesAt: new Date('2026-12-31T00:00:00Z'),
  status: 'collecting',
  projectCount: 2,
  ballotSurveyId: null,
  createdBy: 'admin',
  createdAt: T0,
  updatedAt: T0,
  ...o,
})
/** A resident's proposal to cycle lc-1; contract-livelihood-counts.ts builds its own from it. */
export const proposalRecord = (o: Partial<LivelihoodProposal> = {}): LivelihoodProposal => ({
  id: 'lpp-1',
  cycleId: 'lc-1',
  mpUserId: 'u-1',
  deputyId: null,
  stationId: null,
  title: '加装电梯',
  description: '老楼加装电梯',
  place: '建设路',
  reason: '',
  photos: [],
  consentVersion: 'lp-2026-1',
  status: 'submitted',
  projectId: null,
  note: '',
  createdAt: T0,
  updatedAt: T0,
  ...o,
})
const project = (o: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id: 'lpj-1',
  cycleId: 'lc-1',
  title: '老旧小区加装电梯',
  description: '加装电梯',
  place: '湛河区',
  costWan: 300,
  unitId: 'u01',
  proposalIds: ['lpp-1'],
  status: 'candidate',
  votes: null,
  createdAt: T0,
  updatedAt: T0,
  ...o,
})
const message = (key: string): OutboxMessage => ({
  id: `m-${key}`,
  channel: 'auto',
  recipientKind: 'mp_user',
  recipientId: 'u-1',
  kind: 'livelihood.proposal',
  payload: { text: key },
  dedupeKey: key,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
})

/** The contract of 民生实事项目: cycles, proposals, candidates with their messages, progress, ratings. */
export function livelihoodContract(store: () => Store) {
  describe('livelihood projects', () => {
    it('keeps cycles by office, newest year first, and updates them in place', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      await repo.createCycle(cycle({ id: 'lc-2', office: 'd01', year: 2028 }))
      expect(await repo.getCycle('lc-1')).to.deep.equal(cycle())
      expect((await repo.listCycles()).map((c) => c.id)).to.deep.equal(['lc-2', 'lc-1'])
      expect((await repo.listCycles(['city'])).map((c) => c.id)).to.deep.equal(['lc-1'])
      await repo.updateCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }))
      expect(await repo.getCycle('lc-1')).to.deep.include({ status: 'voting', ballotSurveyId: 'sv-1' })
      expect(await repo.getCycle('lc-9')).to.equal(null)
    })

    it('saves a candidate with the proposals it takes in and their messages in one write, and settles a ballot', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      await repo.createProposal(proposalRecord())
      await repo.createProposal(proposalRecord({ id: 'lpp-2', mpUserId: null, deputyId: 'dp0001', createdAt: new Date(T0.getTime() + 1000) }))
      expect((await repo.listProposalsBy({ deputyId: 'dp0001' })).map((p) => p.id)).to.deep.equal(['lpp-2'])
      expect((await repo.listProposalsBy({ mpUserId: 'u-1' })).map((p) => p.id)).to.deep.equal(['lpp-1'])
      await repo.saveProject(project(), [proposalRecord({ status: 'candidate', projectId: 'lpj-1' })], [message('k1')])
      expect(await repo.getProject('lpj-1')).to.deep.equal(project())
      expect(await repo.getProposal('lpp-1')).to.deep.include({ status: 'candidate', projectId: 'lpj-1' })
      expect((await store().outbox.byDedupeKeys(['k1'])).map((m) => m.payload.text)).to.deep.equal(['k1'])
      await repo.updateProposals(
        [proposalRecord({ id: 'lpp-2', mpUserId: null, deputyId: 'dp0001', status: 'not_adopted', note: '不在本级' })],
        [message('k2')],
      )
      expect((await repo.listProposals('lc-1')).map((p) => [p.id, p.status])).to.deep.equal([
        ['lpp-1', 'candidate'],
        ['lpp-2', 'not_adopted'],
      ])
      await repo.updateCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }))
      expect(await repo.settleBallot(cycle({ status: 'running' }), [project({ status: 'chosen', votes: 4 })], [message('k3')])).to.equal(true)
      expect(await repo.getCycle('lc-1')).to.deep.include({ status: 'running' })
      expect(await repo.listProjects('lc-1')).to.deep.equal([project({ status: 'chosen', votes: 4 })])
      expect(await store().outbox.byDedupeKeys(['k3'])).to.have.length(1)
    })

    it('moves a stage only from the stage it is still at: of two requests, one writes', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      const moves = await Promise.all([
        repo.moveCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }), 'collecting'),
        repo.moveCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-2' }), 'collecting'),
      ])
      expect(moves.sort()).to.deep.equal([false, true])
      expect((await repo.getCycle('lc-1'))?.ballotSurveyId).to.equal('sv-1')
      expect(await repo.moveCycle(cycle({ status: 'running' }), 'collecting')).to.equal(false)
      expect(await repo.getCycle('lc-1')).to.deep.include({ status: 'voting', ballotSurveyId: 'sv-1' })
    })

    it('settles a ballot once: a second settling finds the year moved on and writes nothing', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }))
      await repo.saveProject(project(), [], [])
      const [first, second] = await Promise.all([
        repo.settleBallot(cycle({ status: 'running' }), [project({ status: 'chosen', votes: 4 })], [message('won')]),
        repo.settleBallot(cycle({ status: 'running' }), [project({ status: 'not_chosen', votes: 0 })], [message('lost')]),
      ])
      expect([first, second]).to.deep.equal([true, false])
      expect(await repo.listProjects('lc-1')).to.deep.equal([project({ status: 'chosen', votes: 4 })])
      expect(await store().outbox.byDedupeKeys(['won', 'lost'])).to.have.length(1)
    })

    it('keeps one progress report per quarter (the latest) and one rating per deputy and project', async () => {
      const repo = store().livelihood
      const report = {
        projectId: 'lpj-1',
        quarter: 1 as const,
        percent: 10,
        text: '开工',
        photos: ['/api/mp/uploads/abcdefghijklmnopqrstuv.jpg'],
        postedBy: 'sf21',
        postedAt: T0,
      }
      await repo.putProgress(report)
      await repo.putProgress({ ...report, quarter: 3, percent: 60 })
      await repo.putProgress({ ...report, percent: 15, text: '开工（更正）' })
      expect(await repo.reportedQuarters('lpj-1')).to.deep.equal([1, 3])
      expect((await repo.listProgress(['lpj-1', 'lpj-2'])).map((r) => [r.quarter, r.percent, r.text])).to.deep.equal([
        [1, 15, '开工（更正）'],
        [3, 60, '开工'],
      ])
      expect((await repo.listProgress(['lpj-1']))[1]).to.deep.equal({ ...report, quarter: 3, percent: 60 })
      expect(await repo.listProgress([])).to.deep.equal([])
      const rating = { projectId: 'lpj-1', cycleId: 'lc-1', deputyId: 'dp0001', grade: 'satisfied' as const, comment: '好', at: T0 }
      await repo.addRating(rating)
      let error: unknown
      try {
        await repo.addRating({ ...rating, grade: 'unsatisfied' })
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(ConflictError)
      expect(await repo.listRatings('lc-1')).to.deep.equal([rating])
    })
  })
}
