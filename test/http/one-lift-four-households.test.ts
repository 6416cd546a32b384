import { expect } from 'chai'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

const MINUTES_10 = 600_000

interface Choice {
  id: string
  ticket: string
  why: string
}
interface Issue {
  caseIds: string[]
  messages: number
  residents: number
  merged: number
  mergedIds: string[]
}
interface Step {
  type: string
  label: string
  actor: { name: string | null }
  relatedCase: { id: string; ticket: string | null } | null
}

/**
 * 王阿姨, 78, on the sixth floor of 5号楼, writes a long, polite letter about the lift that has been broken for two
 * weeks; two neighbours write a line each about the same lift, and a third about the adverts in it. 李娜, the station's
 * clerk, must see the three about the broken lift together, merge the neighbours' into 王阿姨's, read on that message
 * what was merged into it, and still find four households on 热点问题 when a fourth writes (review 37).
 */
describe('one broken lift, four households: the clerk sees them together and counts them all (review 37)', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function write(text: string) {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    app.clock.advance(MINUTES_10)
    return Object.assign(answer.body as { id: string; ticket: string }, { resident })
  }
  const offered = async (id: string) => {
    const answer = await lina.get(`/api/admin/cases/${id}/merge-choices`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return (answer.body.items as Choice[]).map((c) => ({ ticket: c.ticket, why: c.why }))
  }
  const lineOf = async (id: string) => (await lina.get('/api/admin/cases')).body.items.find((c: { id: string }) => c.id === id)
  const merge = async (id: string, intoCaseId: string) => {
    const answer = await lina.post(`/api/admin/cases/${id}/merge`, { intoCaseId })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
  }
  const issueOf = async (id: string) => {
    const answer = await lina.get('/api/admin/analysis/hot-issues')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return (answer.body.issues as Issue[]).find((i) => i.caseIds.includes(id))
  }

  const letter =
    '代表您好！我姓王，今年七十八岁了，是建设路社区5号楼的老住户，住在六楼。我们这栋楼的电梯从上个月底就坏了，到现在快半个月了，' +
    '找了物业好几次，物业说要等维修资金批下来才能修。我膝盖不好，上下六楼要歇好几回，买菜、去医院拿药都成了大难题。麻烦代表帮我们问一问，谢谢！'

  it('offers the neighbours’ messages beside her long letter, in 相似留言, the 合并 dialog and the list, and not the adverts in the same lift', async () => {
    const auntWang = await write(letter)
    const li = await write('5号楼电梯停了半个月了，物业一直拖着不修，老人下不了楼')
    const zhou = await write('建设路社区5号楼的电梯坏了好久，希望督促物业赶紧维修')
    const adverts = await write('5号楼电梯里贴满了小广告，物业也不管，看着很乱')

    const beside = await offered(auntWang.id)
    expect(beside.map((c) => c.ticket)).to.have.members([li.ticket, zhou.ticket])
    for (const c of beside) expect(c.why, c.ticket).to.include('内容相近')
    expect(await offered(li.id), 'her letter beside a neighbour’s line').to.deep.include({ ticket: auntWang.ticket, why: '内容相近' })
    expect(
      (await offered(adverts.id)).map((c) => c.ticket),
      'the adverts are another matter',
    ).to.not.include(auntWang.ticket)

    expect(await lineOf(auntWang.id)).to.include({ similarCount: 2, similarLabel: '内容相近 2 条' })
    expect((await lineOf(adverts.id)).similarLabel).to.equal(null)
  })

  it('writes on the kept message’s timeline each message merged into it, by whom', async () => {
    const auntWang = await write(letter)
    const li = await write('5号楼电梯停了半个月了，物业一直拖着不修，老人下不了楼')
    const zhou = await write('建设路社区5号楼的电梯坏了好久，希望督促物业赶紧维修')
    await merge(li.id, auntWang.id)
    await merge(zhou.id, auntWang.id)

    const page = (await lina.get(`/api/admin/cases/${auntWang.id}`)).body as { timeline: Step[]; duplicates: { label: string } }
    expect(page.duplicates.label).to.equal('合并到本条的重复留言（2 条）')
    const merged = page.timeline.filter((e) => e.type === 'duplicate_merged')
    expect(merged.map((e) => ({ label: e.label, by: e.actor.name, ticket: e.relatedCase?.ticket }))).to.deep.equal([
      { label: '重复留言并入本条', by: '李娜', ticket: li.ticket },
      { label: '重复留言并入本条', by: '李娜', ticket: zhou.ticket },
    ])

    // 王阿姨 reads her own message's steps: nothing of her neighbours' messages, whose numbers are not hers to know.
    const hers = (await auntWang.resident.get(`/api/mp/cases/${auntWang.id}`)).body as { timeline: Step[] }
    expect(hers.timeline.map((e) => e.type)).to.not.include('duplicate_merged')
    expect(JSON.stringify(hers.timeline)).to.not.include(li.ticket)
  })

  it('keeps the merged messages in 热点问题: the issue counts every household, says how many are merged, and grows with a fourth', async () => {
    const auntWang = await write(letter)
    const li = await write('5号楼电梯停了半个月了，物业一直拖着不修，老人下不了楼')
    const zhou = await write('建设路社区5号楼电梯坏了好久，物业一直不修，老人下不了楼')
    await merge(li.id, auntWang.id)
    await merge(zhou.id, auntWang.id)

    const afterMerges = await issueOf(auntWang.id)
    expect(afterMerges, 'the issue does not vanish with the merges').to.not.equal(undefined)
    expect(afterMerges).to.deep.include({ messages: 3, residents: 3, merged: 2 })
    expect(afterMerges!.caseIds).to.have.members([auntWang.id, li.id, zhou.id])
    expect(afterMerges!.mergedIds).to.have.members([li.id, zhou.id])

    const fourth = await write('建设路社区5号楼电梯坏了，物业一直不修，楼里好多老人下不了楼')
    expect(await issueOf(fourth.id), 'four households about one lift').to.deep.include({ messages: 4, residents: 4, merged: 2 })
  })
})
