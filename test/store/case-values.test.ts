import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { caseRecord } from './records.js'

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 2, minutes))

/** Every field set, and no two alike: a value written into another field's column would show. */
function everyFieldSet(id: string, shift: number): Omit<CaseRecord, 'ticket'> {
  return caseRecord({
    id,
    residentId: `mu-${shift}`,
    text: `路灯坏了 ${shift}`,
    images: [`up-${shift}`],
    regionId: `g-${shift}`,
    communityId: `c-${shift}`,
    districtId: `d-${shift}`,
    stationId: `st-${shift}`,
    deputyId: `dp-${shift}`,
    officeRegionId: `o-${shift}`,
    topic: shift ? '交通出行' : '城乡建设',
    status: shift ? 'forwarded' : 'replied',
    anonymous: !shift,
    publicConsent: !!shift,
    phoneEnc: `enc-${shift}`,
    routingReasons: [{ rule: 'place', code: `covering_${shift}`, message: `理由 ${shift}` }],
    flaggedForReview: !shift,
    createdAt: t(1 + shift),
    updatedAt: t(2 + shift),
    ackDueAt: t(3 + shift),
    replyDueAt: t(4 + shift),
    acknowledgedAt: t(5 + shift),
    repliedAt: t(6 + shift),
    closedAt: t(7 + shift),
    reply: `答复 ${shift}`,
    forwardedTo: { department: `部门 ${shift}`, reference: `ref-${shift}` },
    rating: 3 + shift,
    ratingComment: `评价 ${shift}`,
    ratedAt: t(8 + shift),
    mergedInto: `cs-${shift}`,
    ackEscalation: 1 + shift,
    replyEscalation: 2 + shift,
    reopenCount: 3 + shift,
    idempotencyKey: `key-${shift}`,
    version: 1,
    deadlinesProvisional: true,
    handlingDistrictId: `hd-${shift}`,
    ratings: [{ rating: 2 + shift, comment: `第 ${shift} 次`, at: t(9 + shift) }],
  })
}

/** A case's row is written from an array in the columns' order (caseValues): each field comes back as written. */
describe("a case's columns, written positionally and read back (SQLite)", () => {
  let db: Db
  beforeEach(() => {
    db = openDatabase(':memory:')
  })
  afterEach(() => db.close())

  it('a submitted case and then its update come back field for field', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const record = everyFieldSet('cs-every', 0)
    const { ticket } = await cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] })
    const stored = await cases.get('cs-every')
    expect(stored).to.deep.equal({ ...record, ticket })

    const changed = { ...everyFieldSet('cs-every', 1), ticket, version: stored!.version }
    await cases.update(changed, [], [])
    expect(await cases.get('cs-every')).to.deep.equal({ ...changed, version: stored!.version + 1 })
  })
})
