import { expect } from 'chai'
import {
  campaignPhase,
  checkCampaignWindow,
  checkInSlot,
  checkPublishAt,
  inBookMarks,
  isEmptySelector,
  resolveAudience,
  stationsOf,
  type AudienceDirectory,
  type CheckInRecord,
  type ReachRecord,
  type ReadReceipt,
} from '../../src/domain/campaign.js'
import { groupProgress, personProgress, share, totalsOf } from '../../src/domain/campaign-progress.js'
import { plainText, sanitizeRichText } from '../../src/domain/rich-text.js'

const T0 = new Date('2026-11-23T02:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000)

/** Two districts: st1 and st2 in d1, st3 in d2, st4 covering no region. */
const dir: AudienceDirectory = {
  deputies: [
    { id: 'dp1', name: '张伟', level: 'city', stationIds: ['st1'] },
    { id: 'dp2', name: '王芳', level: 'county', stationIds: ['st1'] },
    { id: 'dp3', name: '李强', level: 'national', stationIds: ['st3', 'st2'] },
    { id: 'dp4', name: '赵敏', level: 'township', stationIds: ['st3'] },
    { id: 'dp5', name: '刘洋', level: 'city', stationIds: [] },
  ],
  staff: [
    { id: 'sf1', name: '李娜', role: 'station_staff', stationIds: ['st1'], active: true },
    { id: 'sf2', name: '周杰', role: 'station_staff', stationIds: ['st3'], active: true },
    { id: 'sf3', name: '孙丽', role: 'organizer', stationIds: [], active: true },
    { id: 'sf4', name: '离职', role: 'station_staff', stationIds: ['st1'], active: false },
  ],
  stationDistrict: new Map([
    ['st1', 'd1'],
    ['st2', 'd1'],
    ['st3', 'd2'],
    ['st4', null],
  ]),
}
const ids = (members: Array<{ kind: string; id: string }>) => members.map((m) => `${m.kind}:${m.id}`)

describe('campaign rules', () => {
  it('knows whether a campaign is upcoming, running or ended', () => {
    const c = { startsAt: at(0), endsAt: at(24) }
    expect([at(-1), at(0), at(23), at(24)].map((now) => campaignPhase(c, now))).to.deep.equal(['upcoming', 'running', 'running', 'ended'])
  })

  it('refuses a campaign that ends before (or when) it starts', () => {
    expect(checkCampaignWindow(at(0), at(1))).to.deep.equal([])
    expect(checkCampaignWindow(at(1), at(0))).to.deep.equal([{ path: 'body.endsAt', message: '结束时间应晚于开始时间' }])
    expect(checkCampaignWindow(at(1), at(1))).to.have.length(1)
  })

  it('publishes now, or at a time to come before the campaign ends; never at a time already past', () => {
    const campaign = { endsAt: at(48) }
    expect(checkPublishAt(null, T0, campaign)).to.deep.equal([])
    expect(checkPublishAt(at(2), T0, campaign)).to.deep.equal([])
    expect(checkPublishAt(new Date(T0.getTime() - 30_000), T0, campaign), 'a little clock skew is now').to.deep.equal([])
    expect(checkPublishAt(at(-1), T0, campaign)).to.deep.equal([{ path: 'body.publishAt', message: '定时发布时间不能早于当前时间' }])
    expect(checkPublishAt(at(48), T0, campaign)).to.deep.equal([{ path: 'body.publishAt', message: '发布时间应在活动结束之前' }])
  })

  it('asks the selector to name someone; followers alone will do', () => {
    expect(isEmptySelector({})).to.equal(true)
    expect(isEmptySelector({ stationIds: [], levels: [] })).to.equal(true)
    expect(isEmptySelector({ followers: true })).to.equal(false)
    expect(isEmptySelector({ staff: true })).to.equal(false)
  })

  it('names a work in 书名号 once, even when its title already carries them', () => {
    expect(inBookMarks('代表法全文')).to.equal('《代表法全文》')
    expect(inBookMarks('《代表法》释义')).to.equal('《代表法》释义')
  })

  it('takes one check-in per item, or per local day when no item is named', () => {
    expect(checkInSlot('ri-1', '2026-11-23')).to.equal('ri-1')
    expect(checkInSlot(null, '2026-11-23')).to.equal('day:2026-11-23')
  })
})

describe("resolving a campaign's audience", () => {
  it('takes deputies at any of the places, of any of the levels; both filters narrow together', () => {
    expect(ids(resolveAudience({ stationIds: ['st1'] }, dir, []))).to.deep.equal(['deputy:dp1', 'deputy:dp2'])
    expect(ids(resolveAudience({ districtIds: ['d1'] }, dir, []))).to.deep.equal(['deputy:dp1', 'deputy:dp2', 'deputy:dp3'])
    expect(ids(resolveAudience({ levels: ['city'] }, dir, []))).to.deep.equal(['deputy:dp1', 'deputy:dp5'])
    expect(ids(resolveAudience({ districtIds: ['d1'], levels: ['national', 'county'] }, dir, []))).to.deep.equal(['deputy:dp2', 'deputy:dp3'])
  })

  it('places each deputy at the station that brought them in, and adds named deputies wherever they are', () => {
    const [li] = resolveAudience({ stationIds: ['st2'] }, dir, [])
    expect(li).to.deep.equal({ kind: 'deputy', id: 'dp3', name: '李强', stationId: 'st2', districtId: 'd1', stationIds: ['st2'] })
    expect(ids(resolveAudience({ stationIds: ['st1'], deputyIds: ['dp4'] }, dir, []))).to.deep.equal(['deputy:dp1', 'deputy:dp2', 'deputy:dp4'])
    expect(resolveAudience({ deputyIds: ['dp3'] }, dir, [])[0]).to.include({ stationId: 'st3', districtId: 'd2' })
  })

  it('adds the active station staff of the places, or of every station when no place is given', () => {
    expect(ids(resolveAudience({ stationIds: ['st1'], staff: true }, dir, []))).to.deep.equal(['deputy:dp1', 'deputy:dp2', 'staff:sf1'])
    expect(ids(resolveAudience({ staff: true }, dir, []))).to.deep.equal(['staff:sf1', 'staff:sf2'])
  })

  it("never reaches beyond the creator's districts", () => {
    expect(ids(resolveAudience({ levels: ['city', 'national'], staff: true }, dir, ['d1']))).to.deep.equal(['deputy:dp1', 'deputy:dp3', 'staff:sf1'])
    expect(resolveAudience({ levels: ['national'] }, dir, ['d1'])[0]).to.include({ stationId: 'st2', districtId: 'd1' })
    expect(resolveAudience({ deputyIds: ['dp4'] }, dir, ['d1'])).to.deep.equal([])
  })

  it('lists each station reached once: where the notices go', () => {
    expect(stationsOf(resolveAudience({ districtIds: ['d1'], staff: true }, dir, []))).to.deep.equal(['st1', 'st2'])
  })
})

describe('campaign progress', () => {
  const reach = (itemId: string, personId: string, stationId: string | null, kind: ReachRecord['personKind'] = 'deputy'): ReachRecord => ({
    itemId,
    campaignId: 'cp',
    personKind: kind,
    personId,
    stationId,
    districtId: stationId ? 'd1' : null,
    reachedAt: T0,
  })
  const read = (itemId: string, personId: string): ReadReceipt => ({ itemId, campaignId: 'cp', personKind: 'deputy', personId, readAt: at(1) })
  const checkIn = (personId: string, hours: number, reflection: string | null = null): CheckInRecord => ({
    id: `ci-${personId}-${hours}`,
    campaignId: 'cp',
    itemId: null,
    personKind: 'deputy',
    personId,
    slot: `day:${hours}`,
    reflection,
    at: at(hours),
  })
  const member = (id: string, stationId: string | null) => ({ kind: 'deputy' as const, id, name: id, stationId, districtId: stationId ? 'd1' : null })
  const items = [
    { id: 'req', required: true },
    { id: 'opt', required: false },
  ]

  it('counts per person what reached them, what they read and their check-ins', () => {
    const people = personProgress({
      audience: [member('dp1', 'st1'), member('dp2', 'st1'), member('dp9', 'st2')],
      items,
      reach: [reach('req', 'dp1', 'st1'), reach('opt', 'dp1', 'st1'), reach('req', 'dp2', 'st1'), reach('opt', 'dp2', 'st1')],
      reads: [read('opt', 'dp1'), read('req', 'dp2'), read('req', 'dp9')],
      checkIns: [checkIn('dp2', 3, '第一天'), checkIn('dp2', 2, '更早'), checkIn('dp2', 30)],
    })
    const byId = Object.fromEntries(people.map((p) => [p.id, p]))
    expect(byId.dp1).to.include({ itemsReached: 2, itemsRead: 1, requiredReached: 1, requiredRead: 0, reached: true, read: false, checkedIn: false })
    expect(byId.dp2).to.include({ itemsRead: 1, requiredRead: 1, read: true, checkIns: 3, lastReflection: '第一天' })
    expect(byId.dp2.lastCheckInAt).to.deep.equal(at(30))
    expect(byId.dp9, 'in the audience, nothing reached them yet; a stray read does not count').to.include({ reached: false, itemsRead: 0, read: false })
  })

  it('counts any read as done when nothing is required, and keeps people reached earlier who left the audience', () => {
    const people = personProgress({
      audience: [],
      items: [{ id: 'opt', required: false }],
      reach: [reach('opt', 'dp7', 'st3'), reach('opt', 'mu1', null, 'mp_user')],
      reads: [read('opt', 'dp7')],
      checkIns: [],
      nameOf: (kind, id) => (kind === 'mp_user' ? '关注群众' : `代表${id}`),
    })
    expect(people.map((p) => [p.id, p.name, p.stationId, p.read])).to.deep.equal([
      ['dp7', '代表dp7', 'st3', true],
      ['mu1', '关注群众', null, false],
    ])
  })

  it("groups by station or district as shares of each group's audience", () => {
    const people = personProgress({
      audience: [member('dp1', 'st1'), member('dp2', 'st1'), member('dp3', 'st1'), member('dp4', 'st2')],
      items,
      reach: [reach('req', 'dp1', 'st1'), reach('req', 'dp2', 'st1'), reach('req', 'dp4', 'st2')],
      reads: [read('req', 'dp1'), read('req', 'dp4')],
      checkIns: [checkIn('dp1', 1)],
    })
    expect(groupProgress(people, 'station')).to.deep.equal([
      { key: 'st1', audience: 3, reached: 2, read: 1, checkedIn: 1, reachedShare: 0.667, readShare: 0.333, checkedInShare: 0.333 },
      { key: 'st2', audience: 1, reached: 1, read: 1, checkedIn: 0, reachedShare: 1, readShare: 1, checkedInShare: 0 },
    ])
    expect(groupProgress(people, 'district').map((g) => [g.key, g.audience, g.read])).to.deep.equal([['d1', 4, 2]])
    expect(totalsOf(people)).to.include({ audience: 4, reached: 3, read: 2, checkedIn: 1, readShare: 0.5 })
    expect(share(0, 0)).to.equal(0)
  })
})

describe('sanitising reading bodies', () => {
  it('keeps basic formatting', async () => {
    const html = '<h2>标题</h2><h3>小节</h3><p>一段<strong>重点</strong>和<em>强调</em><br>换行</p><ul><li>一</li></ul><ol><li>二</li></ol>'
    expect(await sanitizeRichText(html)).to.equal(
      '<h2>标题</h2><h3>小节</h3><p>一段<strong>重点</strong>和<em>强调</em><br />换行</p><ul><li>一</li></ul><ol><li>二</li></ol>',
    )
  })

  it('removes scripts with their text, event handlers, styles, frames and unknown tags', async () => {
    const html =
      '<p onclick="steal()" style="color:red" class="x">学习<script>alert(1)</script><style>p{}</style><iframe src="https://x.cn">框</iframe><span>内容</span></p><div>块</div>'
    expect(await sanitizeRichText(html)).to.equal('<p>学习内容</p>块')
  })

  it('keeps links only to https, whatever the spelling of javascript:', async () => {
    const html =
      '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>' +
      '<a href="java\nscript:alert(1)">d</a><a href="http://x.cn">e</a><a href="/local">f</a><a href="//x.cn">g</a><a href="https://www.npc.gov.cn/" target="_blank">h</a>'
    expect(await sanitizeRichText(html)).to.equal('<a>a</a><a>b</a><a>c</a><a>d</a><a>e</a><a>f</a><a>g</a><a href="https://www.npc.gov.cn/">h</a>')
  })

  it('keeps images from https and from our own uploads only', async () => {
    const html =
      '<img src="https://x.cn/a.png" alt="图" onerror="x()"><img src="/api/mp/uploads/Ab_c-1.png"><img src="/api/admin/secret">' +
      '<img src="data:image/png;base64,AAAA"><img src="http://x.cn/b.png"><img src="javascript:alert(1)">'
    expect(await sanitizeRichText(html)).to.equal('<img src="https://x.cn/a.png" alt="图" /><img src="/api/mp/uploads/Ab_c-1.png" />')
  })

  it('gives the plain words for length checks', async () => {
    expect(await plainText('<p>学习<script>alert(1)</script> <strong>代表法</strong></p>')).to.equal('学习 代表法')
    expect(await plainText('<script>alert(1)</script>')).to.equal('')
  })
})
