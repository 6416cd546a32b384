import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import type { Store } from '../../src/store/ports.js'
import { ConflictError, ValidationError } from '../../src/errors.js'
import { caseContract } from './contract-cases.js'
import { caseSearchContract } from './contract-case-search.js'
import { caseTallyContract } from './contract-case-tally.js'
import { caseCountsContract } from './contract-case-counts.js'
import { caseMiddleTimesContract } from './contract-case-middle-times.js'
import { hotIssueChangesContract } from './contract-hot-issue-changes.js'
import { campaignContract } from './contract-campaigns.js'
import { campaignSeriesContract } from './contract-campaign-series.js'
import { botContract, deliveryContract } from './contract-delivery.js'
import { botDialogueKeepingContract } from './contract-bot-dialogues.js'
import { botDialogueLapsedWordsContract } from './contract-bot-dialogue-lapsed-words.js'
import { digestContract } from './contract-digests.js'
import { meetingContract } from './contract-meetings.js'
import { quizContract } from './contract-quizzes.js'
import { surveyContract } from './contract-surveys.js'
import { consultationOutcomeContract } from './contract-consultation-outcome.js'
import { consultationOpinionsReadContract } from './contract-consultation-opinions-read.js'
import { herOpinionsByIdOnlyContract } from './contract-her-opinions-by-id-only.js'
import { calendarContract } from './contract-calendar.js'
import { topicsContract } from './contract-topics.js'
import { privacyContract } from './contract-privacy.js'
import { personErasureContract } from './contract-privacy-people.js'
import { analysisContract } from './contract-analysis.js'
import { unitsContract } from './contract-units.js'
import { recordsContract } from './contract-records.js'
import { livelihoodContract } from './contract-livelihood.js'
import { livelihoodCountsContract } from './contract-livelihood-counts.js'
import { livelihoodProposalCapContract } from './contract-livelihood-proposal-cap.js'
import { ballotResultAtCloseContract } from './contract-ballot-result-at-close.js'
import { surveyRequestKeyContract } from './contract-survey-request-key.js'
import { suggestionsContract } from './contract-suggestions.js'
import { suggestionsOverdueContract } from './contract-suggestions-overdue.js'
import { cursorContract } from './contract-cursors.js'
import { raceContract } from './contract-races.js'
import { conflictContract } from './contract-conflicts.js'
import { markersContract } from './contract-markers.js'
import { deputyBindingContract } from './contract-deputy-binding.js'
import { reachContract } from './contract-reach.js'
import { loginFailuresContract } from './contract-login-failures.js'
import { uploadsContract } from './contract-uploads.js'
import { auditNamesContract } from './contract-audit.js'
import { deputyAwayContract } from './contract-deputy-away.js'
import { deputyAwayAsReadContract } from './contract-deputy-away-as-read.js'
import { deputyWorkbenchContract } from './contract-deputy-workbench.js'
import { handOnsAtOnceContract } from './contract-hand-ons-at-once.js'
import { mergeTargetContract } from './contract-merge-target.js'
import { casesOfDeputiesContract, deputyMovesContract, inviteeWithdrawalContract } from './contract-deputy-moves.js'
import { outboxDroppedContract } from './contract-outbox-dropped.js'
import { outboxReasonCodeContract } from './contract-outbox-reason-code.js'
import { checkInWithdrawnContract } from './contract-check-in-withdrawn.js'
import { markedInviteesContract } from './contract-marked-invitees.js'
import { chatJoinContract } from './contract-chat-join.js'
import { dutyDayContract } from './contract-duty-day.js'
import { staffDisabledContract } from './contract-staff-disabled.js'
import { staffBindingDisabledContract } from './contract-staff-binding-disabled.js'
import { dutyListAsReadContract } from './contract-duty-list-as-read.js'
import { appraisalReopenContract } from './contract-appraisal-reopen.js'
import { auditReachContract } from './contract-audit-reach.js'
import { replyDeadlineAndRoundsContract } from './contract-reply-deadline-and-rounds.js'
import { caseRecord } from './records.js'
import { sampleDirectory } from './sample-directory.js'

/** Walks every page of a search to check that cursors neither skip nor repeat. */
async function allPages<T>(fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const seen: T[] = []
  let cursor: string | null = null
  for (let i = 0; i < 100; i++) {
    const page = await fetch(cursor)
    seen.push(...page.items)
    if (!page.nextCursor) return seen
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

/** The contract every store adapter passes. `open` returns a fresh, empty store. */
export function storeContract(open: () => Promise<Store>) {
  let store: Store
  beforeEach(async () => {
    store = await open()
  })
  afterEach(async () => {
    await store.close()
  })

  describe('directory', () => {
    it('starts empty and holds exactly what was upserted', async () => {
      expect(await store.directory.counts()).to.deep.equal({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 })
      const dir = sampleDirectory()
      await store.directory.upsertAll(dir)
      expect(await store.directory.counts()).to.deep.equal({ regions: 4, stations: 2, units: 2, deputies: 3, staff: 3 })
      const snap = await store.directory.snapshot()
      expect(snap.regions).to.have.deep.members(dir.regions)
      expect(snap.stations).to.have.deep.members(dir.stations)
      expect(snap.deputies).to.have.deep.members(dir.deputies)
      expect(snap.staff).to.have.deep.members(dir.staff)
      expect(snap.units).to.have.deep.members(dir.units)
    })

    it("says nothing changed elsewhere after the store's own writes (a mark, or null where it cannot tell)", async () => {
      const before = await store.directory.changedElsewhereMark()
      await store.directory.upsertAll(sampleDirectory())
      expect(await store.directory.changedElsewhereMark()).to.equal(before)
    })

    it('updates in place on a second upsert, keeping the ids', async () => {
      await store.directory.upsertAll(sampleDirectory())
      const again = sampleDirectory()
      again.deputies[0] = { ...again.deputies[0], name: '张伟（更新）', stationIds: ['st002'], topics: ['法治'] }
      again.regions.push({ id: 'g01', name: '第一网格', kind: 'grid', parentId: 'c010101' })
      await store.directory.upsertAll(again)
      expect(await store.directory.counts()).to.include({ regions: 5, deputies: 3 })
      const d = await store.deputies.get('dp0001')
      expect(d).to.include({ name: '张伟（更新）' })
      expect(d!.stationIds).to.deep.equal(['st002'])
      expect(d!.topics).to.deep.equal(['法治'])
    })

    it('lets two records swap codes in one upsert', async () => {
      await store.directory.upsertAll(sampleDirectory())
      const swapped = sampleDirectory()
      swapped.deputies[0].code = 'DP0002'
      swapped.deputies[1].code = 'DP0001'
      await store.directory.upsertAll(swapped)
      expect((await store.deputies.getByCode('DP0001'))!.id).to.equal('dp0002')
      expect((await store.deputies.getByCode('DP0002'))!.id).to.equal('dp0001')
    })

    it('writes nothing when any record of an upsert breaks a unique rule', async () => {
      const dir = sampleDirectory()
      dir.staff[1].username = 'lina'
      let error: unknown
      try {
        await store.directory.upsertAll(dir)
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(ConflictError)
      expect(await store.directory.counts()).to.deep.equal({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 })
    })
  })

  describe('regions and stations', () => {
    beforeEach(async () => store.directory.upsertAll(sampleDirectory()))

    it('finds regions by id and lists them all', async () => {
      expect(await store.regions.get('s0101')).to.deep.equal({ id: 's0101', name: '轻工街道', kind: 'street', parentId: 'd01' })
      expect(await store.regions.get('nope')).to.equal(null)
      expect((await store.regions.list()).map((r) => r.id)).to.have.members(['d01', 's0101', 'c010101', 'c010102'])
    })

    it('lists every station', async () => {
      expect((await store.stations.list()).map((s) => s.id).sort()).to.deep.equal(['st001', 'st002'])
      expect(await store.stations.get('st001')).to.deep.equal(sampleDirectory().stations[0])
    })

    it('finds a station by code whatever its case', async () => {
      expect((await store.stations.getByCode('st001'))!.id).to.equal('st001')
      expect(await store.stations.getByCode('ST999')).to.equal(null)
    })

    it('searches stations by part of the name or the start of the code, and by kind', async () => {
      expect((await store.stations.search({ q: '园区', limit: 10 })).items.map((s) => s.id)).to.deep.equal(['st002'])
      expect((await store.stations.search({ q: 'st00', limit: 10 })).items).to.have.length(2)
      expect((await store.stations.search({ kind: 'industrial_park', limit: 10 })).items.map((s) => s.id)).to.deep.equal(['st002'])
    })

    it('keeps a station’s reception hours, clears them, and says none for a station that never had them', async () => {
      expect((await store.stations.get('st002'))!.receptionHours ?? null, 'none before they are set').to.equal(null)
      const updated = await store.stations.update('st001', { receptionHours: { from: '8:30', to: '11:30' } })
      expect(updated.receptionHours).to.deep.equal({ from: '8:30', to: '11:30' })
      expect((await store.stations.get('st001'))!.receptionHours).to.deep.equal({ from: '8:30', to: '11:30' })
      expect((await store.stations.get('st001'))!.receptionDays, 'the days as they were').to.deep.equal(sampleDirectory().stations[0]!.receptionDays)
      await store.stations.update('st001', { address: '建设路2号' })
      expect((await store.stations.get('st001'))!.receptionHours, 'kept over another edit').to.deep.equal({ from: '8:30', to: '11:30' })
      await store.stations.update('st001', { receptionHours: null })
      expect((await store.stations.get('st001'))!.receptionHours ?? null, 'cleared').to.equal(null)
      // An import carries them too, and a station imported without them has none.
      const snapshot = sampleDirectory()
      snapshot.stations[1] = { ...snapshot.stations[1]!, receptionHours: { from: '14:00', to: '17:00' } }
      await store.directory.upsertAll(snapshot)
      expect((await store.stations.get('st002'))!.receptionHours).to.deep.equal({ from: '14:00', to: '17:00' })
      expect((await store.stations.list()).find((s) => s.id === 'st001')!.receptionHours ?? null).to.equal(null)
    })

    it('updates a station and reports a missing one', async () => {
      const updated = await store.stations.update('st001', { receptionDays: ['mon', 'thu'], address: '建设路2号' })
      expect(updated).to.include({ address: '建设路2号', code: 'ST001' })
      expect((await store.stations.get('st001'))!.receptionDays).to.deep.equal(['mon', 'thu'])
      let error: unknown
      try {
        await store.stations.update('st404', { address: 'x' })
      } catch (err) {
        error = err
      }
      expect(error).to.have.property('code', 'not_found')
    })
  })

  describe('deputies', () => {
    beforeEach(async () => store.directory.upsertAll(sampleDirectory()))

    it("keeps the order of a deputy's stations (the first is the home station)", async () => {
      expect((await store.deputies.get('dp0002'))!.stationIds).to.deep.equal(['st002', 'st001'])
    })

    it('finds by code whatever its case, by station and by phone index', async () => {
      expect((await store.deputies.getByCode('dp0001'))!.name).to.equal('张伟')
      expect((await store.deputies.listByStation('st001')).map((d) => d.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
      expect((await store.deputies.findByPhoneIndex('idx1')).map((d) => d.id)).to.deep.equal(['dp0001', 'dp0003'])
    })

    it('searches by name, level, station and topic together', async () => {
      const ids = async (q: Parameters<Store['deputies']['search']>[0]) => (await store.deputies.search(q)).items.map((d) => d.id)
      expect(await ids({ q: '张伟', limit: 10 })).to.deep.equal(['dp0001', 'dp0003'])
      expect(await ids({ q: '张伟', level: 'township', limit: 10 })).to.deep.equal(['dp0003'])
      expect(await ids({ stationId: 'st002', limit: 10 })).to.deep.equal(['dp0002'])
      // Any of several stations (a clerk of several), each deputy once; none of no station; with one named, both hold.
      expect(await ids({ stationIds: ['st002', 'st001'], limit: 10 })).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
      expect(await ids({ stationIds: ['st002'], q: '王芳', limit: 10 })).to.deep.equal(['dp0002'])
      expect(await ids({ stationIds: [], limit: 10 })).to.deep.equal([])
      expect(await ids({ stationId: 'st001', stationIds: ['st002'], limit: 10 })).to.deep.equal(['dp0002'])
      expect(await ids({ topic: '医疗卫生', limit: 10 })).to.deep.equal(['dp0002'])
      expect(await ids({ q: '%', limit: 10 })).to.deep.equal([])
    })

    it('pages through results with an opaque cursor, no item skipped or repeated', async () => {
      const seen = await allPages((cursor) => store.deputies.search({ limit: 2, cursor }))
      expect(seen.map((d) => d.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
      const first = await store.deputies.search({ limit: 3 })
      expect(first.nextCursor).to.equal(null)
    })

    it('rejects a cursor it did not issue', async () => {
      let error: unknown
      try {
        await store.deputies.search({ limit: 2, cursor: 'not-a-cursor' })
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(ValidationError)
    })

    it('updates fields and stations of a deputy', async () => {
      await store.deputies.update('dp0003', { stationIds: ['st002'], dutyByStation: { st002: ['2026-12-01'] }, phoneEnc: null, phoneIndex: null })
      const d = await store.deputies.get('dp0003')
      expect(d).to.deep.include({ stationIds: ['st002'], dutyByStation: { st002: ['2026-12-01'] }, phoneEnc: null })
      expect((await store.deputies.listByStation('st002')).map((x) => x.id)).to.deep.equal(['dp0002', 'dp0003'])
    })

    it("keeps a deputy's duty days per station, everywhere the deputy is read; days at a station they leave go with it", async () => {
      await store.deputies.update('dp0002', { dutyByStation: { st002: ['2026-12-01'], st001: ['2026-12-02', '2026-12-09'] } })
      const duty = { st002: ['2026-12-01'], st001: ['2026-12-02', '2026-12-09'] }
      expect((await store.deputies.get('dp0002'))!.dutyByStation).to.deep.equal(duty)
      expect((await store.deputies.listByStation('st001')).find((d) => d.id === 'dp0002')!.dutyByStation).to.deep.equal(duty)
      expect((await store.directory.snapshot()).deputies.find((d) => d.id === 'dp0002')!.dutyByStation).to.deep.equal(duty)

      await store.deputies.update('dp0002', { stationIds: ['st002'] })
      expect((await store.deputies.get('dp0002'))!.dutyByStation).to.deep.equal({ st002: ['2026-12-01'] })

      const d = (await store.deputies.get('dp0003'))!
      await store.directory.upsertAll({
        regions: [],
        stations: [],
        units: [],
        staff: [],
        deputies: [{ ...d, stationIds: ['st001', 'st002'], dutyByStation: { st001: ['2026-12-03'], st002: ['2026-12-04'] } }],
      })
      expect((await store.deputies.get('dp0003'))!.dutyByStation).to.deep.equal({ st001: ['2026-12-03'], st002: ['2026-12-04'] })
    })

    it("replaces one station's duty days at a time, keeping the others' as stored, also when two are written at once", async () => {
      await store.deputies.update('dp0003', { stationIds: ['st001', 'st002'], dutyByStation: { st001: ['2026-12-01'], st002: ['2026-12-02'] } })
      await Promise.all([
        store.deputies.update('dp0003', { dutyAt: { stationId: 'st001', dates: ['2026-12-09', '2026-12-08', '2026-12-09'] } }),
        store.deputies.update('dp0003', { dutyAt: { stationId: 'st002', dates: ['2026-12-10'] } }),
      ])
      expect((await store.deputies.get('dp0003'))!.dutyByStation).to.deep.equal({ st001: ['2026-12-08', '2026-12-09'], st002: ['2026-12-10'] })
      const cleared = await store.deputies.update('dp0003', { dutyAt: { stationId: 'st002', dates: [] } })
      expect(cleared.dutyByStation, 'a station left with no days').to.deep.equal({ st001: ['2026-12-08', '2026-12-09'] })
      // A station the deputy leaves in the same write takes its days with it.
      const moved = await store.deputies.update('dp0003', { stationIds: ['st002'], dutyAt: { stationId: 'st002', dates: ['2026-12-11'] } })
      expect(moved.dutyByStation).to.deep.equal({ st002: ['2026-12-11'] })
      expect((await store.deputies.get('dp0003'))!.dutyByStation).to.deep.equal({ st002: ['2026-12-11'] })
    })

    it('takes a deputy out of office and back, and searches by it; an import keeps what it is given', async () => {
      await store.deputies.update('dp0002', { active: false })
      expect((await store.deputies.get('dp0002'))!.active).to.equal(false)
      const ids = async (active: boolean) => (await store.deputies.search({ active, limit: 10 })).items.map((d) => d.id)
      expect(await ids(false)).to.deep.equal(['dp0002'])
      expect(await ids(true)).to.deep.equal(['dp0001', 'dp0003'])
      expect((await store.directory.snapshot()).deputies.find((d) => d.id === 'dp0002')!.active).to.equal(false)
      await store.deputies.update('dp0002', { active: true })
      expect(await ids(false)).to.deep.equal([])
      const [, wang] = sampleDirectory().deputies
      await store.directory.upsertAll({ regions: [], stations: [], units: [], deputies: [{ ...wang, active: false }], staff: [] })
      expect((await store.deputies.getByCode('DP0002'))!.active).to.equal(false)
    })

    it('finds the messages still waiting with a deputy who left office, oldest first, and none of anyone in office', async () => {
      const T0 = Date.parse('2026-11-22T02:00:00Z')
      let minute = 0
      const submit = async (over: Partial<CaseRecord>) =>
        (
          await store.cases.submit({
            record: caseRecord({ createdAt: new Date(T0 + --minute * 60_000), ...over }),
            ticketDate: '2026-11-22',
            events: [],
            outbox: [],
          })
        ).id
      // Created newest first, so that the answer's order is the store's and not the writes'.
      const forwarded = await submit({ deputyId: 'dp0002', status: 'forwarded' })
      const assigned = await submit({ deputyId: 'dp0002', status: 'assigned' })
      const reopened = await submit({ deputyId: 'dp0002', status: 'reopened' })
      await submit({ deputyId: 'dp0002', status: 'replied' }) // waits on the resident's rating now, not the deputy
      await submit({ deputyId: 'dp0002', status: 'closed' })
      await submit({ deputyId: 'dp0001', status: 'assigned' }) // still in office
      await submit({ deputyId: null, status: 'submitted' }) // in the station's queue
      expect(await store.cases.waitingOnDeparted(), 'everyone in office').to.deep.equal([])

      await store.deputies.update('dp0002', { active: false })
      expect((await store.cases.waitingOnDeparted()).map((c) => [c.id, c.status])).to.deep.equal([
        [reopened, 'reopened'],
        [assigned, 'assigned'],
        [forwarded, 'forwarded'],
      ])
      await store.deputies.update('dp0002', { active: true })
      expect(await store.cases.waitingOnDeparted(), 'back in office: theirs again').to.deep.equal([])
    })
  })

  describe('staff', () => {
    beforeEach(async () => store.directory.upsertAll(sampleDirectory()))

    it('finds staff by id', async () => {
      expect(await store.staff.get('sf02')).to.deep.equal(sampleDirectory().staff[1])
      expect(await store.staff.get('sf99')).to.equal(null)
    })

    it('finds by user name and searches by role and station', async () => {
      expect((await store.staff.getByUsername('lina'))!.id).to.equal('sf01')
      expect(await store.staff.getByUsername('nobody')).to.equal(null)
      expect((await store.staff.search({ role: 'organizer', limit: 10 })).items.map((s) => s.id)).to.deep.equal(['sf02'])
      expect((await store.staff.search({ stationId: 'st001', limit: 10 })).items.map((s) => s.id)).to.deep.equal(['sf01'])
      expect((await store.staff.search({ q: '赵', limit: 10 })).items.map((s) => s.id)).to.deep.equal(['sf02'])
    })

    it('creates staff, refuses a taken user name, and counts active staff by role', async () => {
      await store.staff.create({
        id: 'sf03',
        username: 'admin',
        name: '管理员',
        role: 'admin',
        stationIds: [],
        regionIds: [],
        passwordHash: 'h',
        activationHash: null,
        activationIssuedAt: null,
        mustChangePassword: false,
        active: true,
      })
      let error: unknown
      try {
        await store.staff.create({
          id: 'sf04',
          username: 'admin',
          name: '另一个',
          role: 'admin',
          stationIds: [],
          regionIds: [],
          passwordHash: 'h',
          activationHash: null,
          activationIssuedAt: null,
          mustChangePassword: false,
          active: true,
        })
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(ConflictError)
      expect(await store.staff.countByRole('admin')).to.equal(1)
      await store.staff.update('sf03', { active: false })
      expect(await store.staff.countByRole('admin')).to.equal(0)
    })

    it('keeps an activation code hash and when it was issued from the import until the password is set, which clears both', async () => {
      const issuedAt = new Date('2026-11-20T01:02:03.456Z')
      await store.directory.upsertAll(sampleDirectory())
      expect(await store.staff.getByUsername('zhaolei')).to.deep.include({ activationHash: 'act-hash-2', activationIssuedAt: issuedAt })
      expect((await store.directory.snapshot()).staff.find((s) => s.id === 'sf02')).to.deep.include({
        passwordHash: null,
        activationHash: 'act-hash-2',
        activationIssuedAt: issuedAt,
      })
      const activated = await store.staff.update('sf02', { passwordHash: 'scrypt$new', activationHash: null, activationIssuedAt: null })
      expect(activated).to.include({ passwordHash: 'scrypt$new', activationHash: null, activationIssuedAt: null })
      expect(await store.staff.get('sf02')).to.include({ passwordHash: 'scrypt$new', activationHash: null, activationIssuedAt: null })
    })

    it('dates the activation codes waiting without an issue date (written before codes expired), once, and no other', async () => {
      // Written as an older version wrote it, through the port: a code and no date.
      await store.staff.update('sf09', { activationHash: 'act-hash-9', activationIssuedAt: null })
      const upgrade = new Date('2026-12-01T00:00:00.000Z')
      expect(await store.staff.dateUndatedActivations(upgrade)).to.equal(1)
      expect(await store.staff.get('sf09')).to.include({ activationHash: 'act-hash-9' })
      expect((await store.staff.get('sf09'))!.activationIssuedAt).to.deep.equal(upgrade)
      expect((await store.staff.get('sf02'))!.activationIssuedAt, 'a dated code keeps its date').to.deep.equal(new Date('2026-11-20T01:02:03.456Z'))
      expect((await store.staff.get('sf01'))!.activationIssuedAt, 'no code: nothing to date').to.equal(null)
      expect(await store.staff.dateUndatedActivations(new Date('2026-12-02T00:00:00.000Z')), 'nothing left to date').to.equal(0)
      expect((await store.staff.get('sf09'))!.activationIssuedAt).to.deep.equal(upgrade)
    })

    it('keeps whether a password must be changed: on create, on update, and through the import and its snapshot', async () => {
      const directory = sampleDirectory()
      directory.staff[0].mustChangePassword = true
      await store.directory.upsertAll(directory)
      expect(await store.staff.get('sf01')).to.include({ mustChangePassword: true })
      expect(await store.staff.get('sf02')).to.include({ mustChangePassword: false })
      expect((await store.directory.snapshot()).staff.find((s) => s.id === 'sf01')).to.include({ mustChangePassword: true })
      expect((await store.staff.search({ q: 'lina', limit: 10 })).items[0]).to.include({ mustChangePassword: true })

      const changed = await store.staff.update('sf01', { passwordHash: 'scrypt$own', mustChangePassword: false })
      expect(changed).to.include({ mustChangePassword: false })
      expect(await store.staff.getByUsername('lina')).to.include({ passwordHash: 'scrypt$own', mustChangePassword: false })
      await store.staff.update('sf01', { name: '李娜娜' })
      expect(await store.staff.get('sf01'), 'a patch without it leaves it').to.include({ mustChangePassword: false })
      await store.staff.update('sf01', { passwordHash: 'scrypt$reset', mustChangePassword: true })
      expect(await store.staff.get('sf01')).to.include({ mustChangePassword: true })

      const made = { ...directory.staff[0], id: 'sf05', username: 'xinren', mustChangePassword: true }
      await store.staff.create(made)
      expect(await store.staff.get('sf05')).to.include({ mustChangePassword: true })
    })
  })

  describe('sessions', () => {
    const at = new Date('2026-11-22T02:00:00Z')
    const session = (id: string, expiresAt: Date) => ({
      id,
      tokenHash: `hash-${id}`,
      subjectKind: 'staff' as const,
      subjectId: 'sf01',
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
    })

    it('finds a session by token hash, touches it, and deletes it', async () => {
      await store.sessions.create(session('se1', new Date('2026-11-22T14:00:00Z')))
      const found = await store.sessions.findByTokenHash('hash-se1')
      expect(found).to.deep.equal(session('se1', new Date('2026-11-22T14:00:00Z')))
      const later = new Date('2026-11-22T03:00:00Z')
      await store.sessions.touch('se1', later)
      expect((await store.sessions.findByTokenHash('hash-se1'))!.lastSeenAt.toISOString()).to.equal(later.toISOString())
      await store.sessions.delete('se1')
      expect(await store.sessions.findByTokenHash('hash-se1')).to.equal(null)
    })

    it('finds a mini-program session with what a request needs of its person, in one read', async () => {
      const person = {
        id: 'mu-s1',
        openid: 'o-s1',
        unionid: null,
        deputyId: 'dp0001',
        phoneEnc: null,
        phoneIndex: null,
        consentVersion: 'v2',
        consentAt: at,
        createdAt: at,
      }
      await store.mpUsers.create(person)
      const mine = { ...session('se-mp', new Date('2026-11-22T14:00:00Z')), subjectKind: 'mp_user' as const, subjectId: 'mu-s1' }
      const gone = { ...mine, id: 'se-gone', tokenHash: 'hash-se-gone', subjectId: 'mu-nobody' }
      await store.sessions.create(mine)
      await store.sessions.create(gone)
      await store.sessions.create(session('se-staff', new Date('2026-11-22T14:00:00Z')))
      expect(await store.sessions.findMpSession('hash-se-mp')).to.deep.equal({
        session: mine,
        person: { id: 'mu-s1', deputyId: 'dp0001', consentVersion: 'v2' },
      })
      expect(await store.sessions.findMpSession('hash-se-gone')).to.deep.equal({ session: gone, person: null })
      expect(await store.sessions.findMpSession('hash-se-staff')).to.deep.equal({
        session: session('se-staff', new Date('2026-11-22T14:00:00Z')),
        person: null,
      })
      expect(await store.sessions.findMpSession('hash-unknown')).to.equal(null)
      await store.mpUsers.update('mu-s1', { deputyId: null, consentVersion: null })
      expect((await store.sessions.findMpSession('hash-se-mp'))!.person).to.deep.equal({ id: 'mu-s1', deputyId: null, consentVersion: null })
    })

    it('deletes expired sessions and all sessions of a subject', async () => {
      await store.sessions.create(session('se1', new Date('2026-11-22T01:00:00Z')))
      await store.sessions.create(session('se2', new Date('2026-11-23T01:00:00Z')))
      await store.sessions.create(session('se3', new Date('2026-11-23T01:00:00Z')))
      expect(await store.sessions.deleteExpired(at)).to.equal(1)
      expect(await store.sessions.deleteForSubject('staff', 'sf01')).to.equal(2)
      expect(await store.sessions.findByTokenHash('hash-se2')).to.equal(null)
    })
  })

  describe('audit log', () => {
    it('lists entries newest first, filtered and paged', async () => {
      for (let i = 0; i < 5; i++) {
        await store.audit.append({
          at: new Date(Date.UTC(2026, 10, 22, 2, i)),
          actorKind: 'staff',
          actorId: 'sf01',
          action: i % 2 ? 'deputy.phone.read' : 'login.succeeded',
          targetKind: 'deputy',
          targetId: `dp000${i}`,
          details: { n: i },
        })
      }
      const all = await allPages((cursor) => store.audit.list({ limit: 2, cursor }))
      expect(all.map((e) => e.details.n)).to.deep.equal([4, 3, 2, 1, 0])
      const reads = await store.audit.list({ limit: 10, action: 'deputy.phone.read' })
      expect(reads.items.map((e) => e.targetId)).to.deep.equal(['dp0003', 'dp0001'])
      expect(reads.items[0]).to.deep.include({ actorKind: 'staff', actorId: 'sf01', targetKind: 'deputy' })
      expect(reads.items[0].at.toISOString()).to.equal('2026-11-22T02:03:00.000Z')
      expect((await store.audit.list({ limit: 10, targetId: 'dp0002' })).items).to.have.length(1)
    })
  })

  describe('job locks', () => {
    const t0 = new Date('2026-11-22T02:00:00Z')
    const plus = (ms: number) => new Date(t0.getTime() + ms)

    it('gives a lease to one holder until it expires or is released', async () => {
      expect(await store.locks.acquire('digest', 'a', 60_000, t0)).to.equal(true)
      expect(await store.locks.acquire('digest', 'b', 60_000, plus(1_000))).to.equal(false)
      expect(await store.locks.acquire('digest', 'a', 60_000, plus(2_000)), 'renewal by the holder').to.equal(true)
      expect(await store.locks.acquire('digest', 'b', 60_000, plus(61_000)), 'still renewed').to.equal(false)
      expect(await store.locks.acquire('digest', 'b', 60_000, plus(62_001)), 'after expiry').to.equal(true)
      await store.locks.release('digest', 'a')
      expect(await store.locks.acquire('digest', 'a', 60_000, plus(63_000)), 'release by a non-holder does nothing').to.equal(false)
      await store.locks.release('digest', 'b')
      expect(await store.locks.acquire('digest', 'a', 60_000, plus(64_000))).to.equal(true)
      expect(await store.locks.acquire('other', 'b', 60_000, plus(64_000)), 'locks are per name').to.equal(true)
    })

    it('lets exactly one of many concurrent callers win', async () => {
      const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((h) => store.locks.acquire('sla', h, 60_000, t0)))
      expect(results.filter(Boolean)).to.have.length(1)
    })

    it('renews a lease only for the holder that still has it', async () => {
      expect(await store.locks.renew('digest', 'a', 60_000, t0), 'nothing to renew').to.equal(false)
      expect(await store.locks.acquire('digest', 'a', 60_000, t0)).to.equal(true)
      expect(await store.locks.renew('digest', 'a', 60_000, plus(50_000))).to.equal(true)
      expect(await store.locks.acquire('digest', 'b', 60_000, plus(100_000)), 'renewed until 110 s').to.equal(false)
      expect(await store.locks.renew('digest', 'b', 60_000, plus(100_000)), 'not the holder').to.equal(false)
      expect(await store.locks.acquire('digest', 'b', 60_000, plus(110_001)), 'after the renewed end').to.equal(true)
      expect(await store.locks.renew('digest', 'a', 60_000, plus(110_002)), 'lost to b: never taken back').to.equal(false)
      expect(await store.locks.acquire('digest', 'a', 60_000, plus(120_000))).to.equal(false)
    })
  })

  caseContract(() => store)
  caseSearchContract(() => store)
  caseTallyContract(() => store)
  caseCountsContract(() => store)
  caseMiddleTimesContract(() => store)
  replyDeadlineAndRoundsContract(() => store)
  hotIssueChangesContract(() => store)
  deliveryContract(() => store)
  botContract(() => store)
  botDialogueKeepingContract(() => store)
  botDialogueLapsedWordsContract(() => store)
  digestContract(() => store)
  campaignContract(() => store)
  campaignSeriesContract(() => store)
  meetingContract(() => store)
  quizContract(() => store)
  surveyContract(() => store)
  surveyRequestKeyContract(() => store)
  consultationOutcomeContract(() => store)
  consultationOpinionsReadContract(() => store)
  herOpinionsByIdOnlyContract(() => store)
  calendarContract(() => store)
  topicsContract(() => store)
  privacyContract(() => store)
  personErasureContract(() => store)
  analysisContract(() => store)
  unitsContract(() => store)
  recordsContract(() => store)
  livelihoodContract(() => store)
  livelihoodCountsContract(() => store)
  livelihoodProposalCapContract(() => store)
  ballotResultAtCloseContract(() => store)
  suggestionsContract(() => store)
  suggestionsOverdueContract(() => store)
  cursorContract(() => store)
  raceContract(() => store)
  conflictContract(() => store)
  markersContract(() => store)
  deputyBindingContract(() => store)
  reachContract(() => store)
  loginFailuresContract(() => store)
  uploadsContract(() => store)
  auditNamesContract(() => store)
  deputyAwayContract(() => store, sampleDirectory)
  deputyAwayAsReadContract(() => store, sampleDirectory)
  deputyWorkbenchContract(() => store, sampleDirectory)
  handOnsAtOnceContract(() => store)
  mergeTargetContract(() => store)
  deputyMovesContract(() => store, sampleDirectory)
  inviteeWithdrawalContract(() => store)
  casesOfDeputiesContract(() => store)
  outboxDroppedContract(() => store)
  outboxReasonCodeContract(() => store)
  checkInWithdrawnContract(() => store)
  markedInviteesContract(() => store)
  chatJoinContract(() => store)
  dutyDayContract(() => store, sampleDirectory)
  staffDisabledContract(() => store, sampleDirectory)
  staffBindingDisabledContract(() => store, sampleDirectory)
  dutyListAsReadContract(() => store, sampleDirectory)
  appraisalReopenContract(() => store)
  auditReachContract(() => store)

  it('answers ping while open', async () => {
    await store.ping()
  })
}
