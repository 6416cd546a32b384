import { expect } from 'chai'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

const MINUTES_10 = 600_000

interface Choice {
  id: string
  ticket: string
  why: string
  reasons: string[]
}

/**
 * Two neighbours write "路灯坏了" and "路灯太暗了": 热点问题 shows them as one issue, yet their words
 * share too little for 相似留言, and only one says what is wrong (坏了: "路灯不亮" would be the same complaint, review 37). The 合并 dialog must offer the messages 热点问题 groups with the one
 * open, and find another open message by its number; never one outside the clerk's scope, and a
 * merge into a message she cannot see is refused.
 */
describe('merge choices: what 与相似留言合并 offers', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function write(text: string, extra: Record<string, string> = {}) {
    const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', ...extra })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    app.clock.advance(MINUTES_10)
    return answer.body as { id: string; ticket: string }
  }
  const choices = async (who: Client, id: string, q?: string) => {
    const answer = await who.get(`/api/admin/cases/${id}/merge-choices${q ? `?q=${encodeURIComponent(q)}` : ''}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items as Choice[]
  }

  it('offers the messages 热点问题 groups with this one, in the clerk’s scope only; a merge into one outside it is refused', async () => {
    const broken = await write('路灯坏了')
    const dark = await write('路灯太暗了')
    // Through 刘洋's own code, the same street's lamp goes to 光明社区代表联络点: not 李娜's station.
    const elsewhere = await write('路灯坏了不亮', { deputyCode: 'DP0005' })
    expect((await app.liaison.store.cases.get(elsewhere.id))!.stationId).to.equal('st003')

    // The premise: one issue on 热点问题, yet their words are not alike: the inbox line, which counts
    // only messages alike in words, claims none (and never says 相似留言 for what it did not count).
    const issues = (await lina.get('/api/admin/analysis/hot-issues')).body.issues as Array<{ caseIds: string[] }>
    expect(issues.find((i) => i.caseIds.includes(dark.id))?.caseIds).to.have.members([broken.id, dark.id])
    const line = (await lina.get('/api/admin/cases')).body.items.find((c: { id: string }) => c.id === dark.id)
    expect(line).to.include({ similarCount: 0, similarLabel: null })

    const offered = await choices(lina, dark.id)
    expect(offered.map((c) => c.ticket)).to.deep.equal([broken.ticket])
    expect(offered[0]).to.include({ id: broken.id, why: '热点问题里与本条是同一个问题' })

    // The district's organizer sees both stations: the issue holds all three, and she is offered both others.
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await choices(sunli, dark.id)).map((c) => c.ticket)).to.have.members([broken.ticket, elsewhere.ticket])

    // Writes are held to the scope reads are: 李娜 cannot merge into the message she cannot see.
    const refused = await lina.post(`/api/admin/cases/${dark.id}/merge`, { intoCaseId: elsewhere.id })
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('留言不存在')
    expect((await app.liaison.store.cases.get(dark.id))!.mergedInto).to.equal(null)
    // Nor is it found by its number.
    expect(await choices(lina, dark.id, elsewhere.ticket.slice(-4))).to.deep.equal([])

    // Merged, the message is no longer one to merge into.
    expect((await lina.post(`/api/admin/cases/${dark.id}/merge`, { intoCaseId: broken.id })).status).to.equal(200)
    expect((await choices(sunli, elsewhere.id)).map((c) => c.ticket)).to.deep.equal([broken.ticket])
  })

  /** The ids of the messages hot issues read from the store while `run` runs. */
  async function hotIssueReads(run: () => Promise<unknown>) {
    const cases = app.liaison.store.cases
    const original = cases.listForHotIssues
    const read: string[] = []
    cases.listForHotIssues = async (filter, now) => {
      const found = await original.call(cases, filter, now)
      read.push(...found.map((c) => c.id))
      return found
    }
    try {
      await run()
    } finally {
      cases.listForHotIssues = original
    }
    return read
  }

  it('reads only the message’s own place for its hot issue: a station clerk gets her part of it, an organizer all of it', async () => {
    const broken = await write('路灯坏了')
    const dark = await write('路灯不亮')
    const elsewhere = await write('路灯坏了不亮', { deputyCode: 'DP0005' }) // 光明社区代表联络点: not 李娜's station
    // Through 张伟's own code, 马庄社区's lamp comes to 李娜's station too: in her scope, but another place.
    const maZhuang = await write('路灯坏了不亮', { regionId: 'c010201', deputyCode: 'DP0001' })
    expect((await app.liaison.store.cases.get(maZhuang.id))!.stationId).to.equal('st001')

    let offered: Choice[] = []
    const read = await hotIssueReads(async () => (offered = await choices(lina, dark.id)))
    expect(offered.map((c) => c.ticket)).to.deep.equal([broken.ticket])
    expect(read, 'her station’s messages of 建设路社区 only, not 马庄社区’s').to.have.members([broken.id, dark.id])

    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const all = await hotIssueReads(async () => (offered = await choices(sunli, dark.id)))
    expect(offered.map((c) => c.ticket)).to.have.members([broken.ticket, elsewhere.ticket])
    expect(all, 'the district’s messages of 建设路社区 only').to.have.members([broken.id, dark.id, elsewhere.id])
  })

  it('answers a search by number with what it finds alone, not the hot issue or the alike', async () => {
    const broken = await write('路灯坏了')
    const dark = await write('路灯不亮')
    let found: Choice[] = []
    const read = await hotIssueReads(async () => (found = await choices(lina, dark.id, broken.ticket.slice(-4))))
    expect(found.map((c) => ({ ticket: c.ticket, why: c.why }))).to.deep.equal([{ ticket: broken.ticket, why: '按编号或内容找到' }])
    expect(read, 'no hot issue read for a search').to.deep.equal([])
  })

  it('finds another open message of hers by its number (0001) or whole ticket, but neither itself nor a closed one', async () => {
    const lamp = await write('小区门口的路灯坏了，晚上很黑')
    const gym = await write('健身器材坏了，老人没法锻炼')
    const refusedOne = await write('楼上邻居装修太吵')
    expect((await lina.post(`/api/admin/cases/${refusedOne.id}/reject`, { reason: '属于物业管理事项' })).status).to.equal(200)

    expect(await choices(lina, gym.id), 'nothing alike and no hot issue: nothing offered unasked').to.deep.equal([])
    const byNumber = await choices(lina, gym.id, lamp.ticket.slice(-4))
    expect(byNumber.map((c) => c.ticket)).to.deep.equal([lamp.ticket])
    expect(byNumber[0].why).to.equal('按编号或内容找到')
    expect((await choices(lina, gym.id, lamp.ticket)).map((c) => c.ticket)).to.deep.equal([lamp.ticket])
    expect(await choices(lina, gym.id, gym.ticket.slice(-4)), 'not itself').to.deep.equal([])
    expect(await choices(lina, gym.id, refusedOne.ticket.slice(-4)), 'not a closed one').to.deep.equal([])

    const number = await lina.get(`/api/admin/cases/${gym.id}/merge-choices?q=${lamp.ticket.slice(-4)}`)
    expect(number.body.numberSearch.text).to.match(/^按编号 \d{4} 查找：只查找了最近 \d+ 天/)

    const stranger = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const notHers = await stranger.get(`/api/admin/cases/${gym.id}/merge-choices`)
    expect(notHers.status).to.equal(404)
  })
})
