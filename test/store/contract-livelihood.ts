import { expect } from 'chai'
import type { LivelihoodCycle, LivelihoodProject, LivelihoodProposal } from '../../src/domain/livelihood.js'
import { ConflictError } from '../../src/errors.js'
import { inWords } from '../../src/services/conflict-texts.js'
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

    it('withdraws a candidate with its proposals and messages in one write, only while the year still collects', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      await repo.createProposal(proposalRecord({ status: 'candidate', projectId: 'lpj-1' }))
      await repo.saveProject(project(), [], [])
      await repo.saveProject(project({ id: 'lpj-2', title: '社区食堂', proposalIds: [] }), [], [])
      const at = new Date('2026-12-05T00:00:00Z')
      const back = proposalRecord({ status: 'not_adopted', note: '已列入市容计划', updatedAt: at })
      expect(await repo.withdrawProject(project(), [back], [message('withdrawn')], at)).to.equal(true)
      expect((await repo.listProjects('lc-1')).map((p) => p.id)).to.deep.equal(['lpj-2'])
      expect(await repo.getProject('lpj-1')).to.equal(null)
      expect(await repo.getProposal('lpp-1')).to.deep.equal(back)
      expect(await store().outbox.byDedupeKeys(['withdrawn'])).to.have.length(1)
      expect(await repo.getCycle('lc-1'), 'the year marked changed, still collecting').to.deep.equal(cycle({ updatedAt: at }))
      // A second withdrawal of the same candidate finds it gone and writes nothing.
      expect(await repo.withdrawProject(project(), [proposalRecord({ status: 'submitted' })], [message('again')], at)).to.equal(false)
      expect(await repo.getProposal('lpp-1')).to.deep.equal(back)
      expect(await store().outbox.byDedupeKeys(['again'])).to.deep.equal([])

      // Once the year has moved to its ballot, nothing is written: not the candidate, its proposals, nor the messages.
      expect(await repo.moveCycle(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }), 'collecting')).to.equal(true)
      const later = new Date('2026-12-06T00:00:00Z')
      expect(await repo.withdrawProject(project({ id: 'lpj-2' }), [back], [message('late')], later)).to.equal(false)
      expect((await repo.listProjects('lc-1')).map((p) => p.id)).to.deep.equal(['lpj-2'])
      expect(await store().outbox.byDedupeKeys(['late'])).to.deep.equal([])
      expect(await repo.getCycle('lc-1')).to.deep.equal(cycle({ status: 'voting', ballotSurveyId: 'sv-1' }))
    })

    it('saves a new candidate or a correction only while the year collects, and never brings a withdrawn one back', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      await repo.createProposal(proposalRecord())
      const at = new Date('2026-12-05T00:00:00Z')
      const taken = proposalRecord({ status: 'candidate', projectId: 'lpj-1', updatedAt: at })
      expect(await repo.saveCandidate(project(), [taken], [message('listed')], at, true)).to.equal(true)
      expect(await repo.getProject('lpj-1')).to.deep.equal(project())
      expect(await repo.getProposal('lpp-1')).to.deep.equal(taken)
      expect(await repo.getCycle('lc-1'), 'the year marked changed').to.deep.equal(cycle({ updatedAt: at }))
      expect(await repo.saveCandidate(project({ title: '又一个' }), [], [message('twice')], at, true), 'its id is taken').to.equal(false)

      // A correction read before a withdrawal and written after it: the candidate stays withdrawn, nothing written.
      const read = (await repo.getProject('lpj-1'))!
      expect(await repo.withdrawProject(read, [proposalRecord({ updatedAt: at })], [], at)).to.equal(true)
      const corrected = { ...read, title: '老旧小区加装电梯（更正）' }
      expect(await repo.saveCandidate(corrected, [taken], [message('corrected')], at, false)).to.equal(false)
      expect(await repo.getProject('lpj-1')).to.equal(null)
      expect(await repo.listProjects('lc-1')).to.deep.equal([])
      expect(await repo.getProposal('lpp-1'), 'her proposal back to be sorted').to.deep.include({ status: 'submitted', projectId: null })
      expect(await store().outbox.byDedupeKeys(['twice', 'corrected'])).to.deep.equal([])
    })

    it('refuses a correction or a new candidate read before 提交代表票决 and written after it', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      const at = new Date('2026-12-05T00:00:00Z')
      await repo.saveCandidate(project({ proposalIds: [] }), [], [], at, true)
      await repo.saveCandidate(project({ id: 'lpj-2', title: '社区食堂', proposalIds: [] }), [], [], at, true)
      // The office opens the candidate to correct it; 提交代表票决 is pressed and moves the year meanwhile.
      const read = (await repo.getProject('lpj-1'))!
      const candidates = await repo.listProjects('lc-1')
      const voting = cycle({ status: 'voting', ballotSurveyId: 'sv-1' })
      expect(await repo.startVoting(voting, candidates)).to.equal('started')
      const later = new Date('2026-12-06T00:00:00Z')
      expect(await repo.saveCandidate({ ...read, costWan: 900, updatedAt: later }, [], [message('late-fix')], later, false)).to.equal(false)
      expect(await repo.saveCandidate(project({ id: 'lpj-3', title: '口袋公园', proposalIds: [] }), [], [message('late-new')], later, true)).to.equal(false)
      expect(await repo.listProjects('lc-1'), 'the candidates the ballot lists').to.deep.equal(candidates)
      expect(await store().outbox.byDedupeKeys(['late-fix', 'late-new'])).to.deep.equal([])
      expect(await repo.getCycle('lc-1')).to.deep.equal(voting)
    })

    it('moves the year to its ballot only over the candidates as read: a correction, withdrawal or new one meanwhile stops it', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      const at = new Date('2026-12-05T00:00:00Z')
      await repo.saveCandidate(project({ proposalIds: [] }), [], [], at, true)
      await repo.saveCandidate(project({ id: 'lpj-2', title: '社区食堂', proposalIds: [] }), [], [], at, true)
      const voting = cycle({ status: 'voting', ballotSurveyId: 'sv-1' })
      const collecting = cycle({ updatedAt: at })

      // Read; then a correction in the same millisecond, changing the words only; then the move.
      let read = await repo.listProjects('lc-1')
      expect(await repo.saveCandidate({ ...read[0]!, description: '为老楼加装电梯' }, [], [], at, false)).to.equal(true)
      expect(await repo.startVoting(voting, read)).to.equal('candidates_changed')
      expect(await repo.getCycle('lc-1'), 'still collecting').to.deep.equal(collecting)

      read = await repo.listProjects('lc-1')
      expect(await repo.withdrawProject(read[1]!, [], [], at)).to.equal(true)
      expect(await repo.startVoting(voting, read)).to.equal('candidates_changed')

      read = await repo.listProjects('lc-1')
      await repo.saveCandidate(project({ id: 'lpj-3', title: '口袋公园', proposalIds: [] }), [], [], at, true)
      expect(await repo.startVoting(voting, read)).to.equal('candidates_changed')
      expect(await repo.getCycle('lc-1')).to.deep.equal(collecting)

      read = await repo.listProjects('lc-1')
      expect(read.map((p) => [p.id, p.description])).to.deep.equal([
        ['lpj-1', '为老楼加装电梯'],
        ['lpj-3', '加装电梯'],
      ])
      expect(await repo.startVoting(voting, read)).to.equal('started')
      expect(await repo.getCycle('lc-1')).to.deep.equal(voting)
      expect(await repo.startVoting(cycle({ status: 'voting', ballotSurveyId: 'sv-2' }), read), 'a second press').to.equal('stage_moved')
      expect((await repo.getCycle('lc-1'))?.ballotSurveyId).to.equal('sv-1')
    })

    it('writes a correction only over the version it was read at: of two corrections racing, the second writes nothing', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      await repo.createProposal(proposalRecord())
      await repo.createProposal(proposalRecord({ id: 'lpp-2', mpUserId: 'u-2', createdAt: new Date(T0.getTime() + 1000) }))
      const at = new Date('2026-12-05T00:00:00Z')
      expect(await repo.saveCandidate(project({ version: 0 }), [proposalRecord({ status: 'candidate', projectId: 'lpj-1' })], [], at, true)).to.equal(true)
      // Two organizers open it at version 0: one takes in 建议二, the other (reading the list without it) corrects the cost.
      const read = (await repo.getProject('lpj-1'))!
      const second = proposalRecord({ id: 'lpp-2', mpUserId: 'u-2', status: 'candidate', projectId: 'lpj-1', updatedAt: at })
      const takesIn = { ...read, proposalIds: ['lpp-1', 'lpp-2'], version: 1 }
      const costs = { ...read, costWan: 450, version: 1 }
      expect(await repo.saveCandidate(takesIn, [second], [message('taken-in')], at, false, 0)).to.equal(true)
      expect(await repo.saveCandidate(costs, [], [message('cost')], at, false, 0), 'read before the other landed').to.equal(false)
      expect(await repo.getProject('lpj-1'), 'the list the first one wrote stands').to.deep.equal(takesIn)
      expect(await store().outbox.byDedupeKeys(['taken-in', 'cost'])).to.have.length(1)
      // Read again, at version 1, the cost is corrected over it.
      expect(await repo.saveCandidate({ ...takesIn, costWan: 450, version: 2 }, [], [], at, false, 1)).to.equal(true)
      expect(await repo.getProject('lpj-1')).to.deep.include({ costWan: 450, proposalIds: ['lpp-1', 'lpp-2'], version: 2 })
      // A candidate stored before versions were counted is at version 0.
      await repo.saveProject(project({ id: 'lpj-old', proposalIds: [] }), [], [])
      expect(await repo.saveCandidate(project({ id: 'lpj-old', proposalIds: [], title: '旧的', version: 1 }), [], [], at, false, 1)).to.equal(false)
      expect(await repo.saveCandidate(project({ id: 'lpj-old', proposalIds: [], title: '旧的', version: 1 }), [], [], at, false, 0)).to.equal(true)
      expect(await repo.getProject('lpj-old')).to.deep.include({ title: '旧的', version: 1 })
    })

    it('takes a proposal checked for the stage only while the year collects, and never starts the ballot over one left to sort', async () => {
      const repo = store().livelihood
      await repo.createCycle(cycle())
      const at = new Date('2026-12-05T00:00:00Z')
      await repo.saveCandidate(project({ proposalIds: [] }), [], [], at, true)
      await repo.saveCandidate(project({ id: 'lpj-2', title: '社区食堂', proposalIds: [] }), [], [], at, true)
      const candidates = await repo.listProjects('lc-1')
      const voting = cycle({ status: 'voting', ballotSurveyId: 'sv-1' })

      // The office found nothing left to sort; a resident's proposal lands before the move: the move is not made.
      const sent = new Date('2026-12-06T00:00:00Z')
      await repo.createProposal(proposalRecord({ createdAt: sent, updatedAt: sent }), { perPerson: 3, collecting: true })
      expect(await repo.getCycle('lc-1'), 'the year marked by the proposal').to.deep.equal(cycle({ updatedAt: sent }))
      expect(await repo.startVoting(voting, candidates)).to.equal('proposals_unsorted')
      expect(await repo.getCycle('lc-1'), 'still collecting').to.deep.equal(cycle({ updatedAt: sent }))

      // Sorted (not taken up), the year moves on; a proposal sent after the move is refused and nothing of it stored.
      await repo.updateProposals([proposalRecord({ status: 'not_adopted', note: '不在本级', createdAt: sent, updatedAt: sent })], [])
      expect(await repo.startVoting(voting, candidates)).to.equal('started')
      const late = await repo.createProposal(proposalRecord({ id: 'lpp-late', mpUserId: 'u-2' }), { perPerson: 3, collecting: true }).then(
        () => null,
        (err: unknown) => err,
      )
      expect(inWords(late)).to.include({ code: 'collection_closed', message: '项目征集已经结束' })
      expect(await repo.getProposal('lpp-late')).to.equal(null)
      expect(await repo.getCycle('lc-1')).to.deep.equal(voting)
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
