import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import type { DirectoryFile } from '../../src/domain/directory.js'

type Deputy = NonNullable<DirectoryFile['deputies']>[number]

interface Choice {
  id: string
  name: string
  recommended: boolean
  handedBack: { text: string; note: string | null; tickets: string[] } | null
}

/**
 * 批量分派: the clerk selects several messages and gives them to one deputy at once. A deputy who
 * handed back any of them says which and why, and is listed last; and at a station with many
 * deputies, none of its own is cut off the list, nor the one who handed a message back.
 */
describe('deputy choices for messages assigned together, and for a station with many deputies', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string, extra: Record<string, string> = {}) => {
    const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', ...extra })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body as { id: string; ticket: string }
  }
  const handBack = async (deputyId: string, caseId: string, reason: string) => {
    const back = await (await asDeputy(app, deputyId)).post(`/api/mp/deputy/cases/${caseId}/transfer`, { reason })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
  }

  it('says beside each deputy which of the selected messages she handed back, with her reason, and lists her last', async () => {
    const first = await write('河道有垃圾，污染环境', { deputyCode: 'DP0002' })
    const second = await write('河边垃圾没人清理', { deputyCode: 'DP0001' })
    const third = await write('公园的长椅坏了', { deputyCode: 'DP0002' })
    await handBack('dp0001', second.id, '这段时间在外地学习，请站里另派代表')
    await handBack('dp0002', third.id, '不熟悉这一片')

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const answer = await lina.get(`/api/admin/cases/${first.id}/deputy-choices?together=${second.id},${third.id}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const items = answer.body.items as Choice[]
    expect(items.map((d) => d.name)).to.deep.equal(['李强', '张伟', '王芳'])
    const [li, zhang, wang] = items
    expect(li.handedBack).to.equal(null)
    expect(zhang.handedBack).to.deep.include({
      text: `刚把留言 ${second.ticket} 交回：这段时间在外地学习，请站里另派代表`,
      tickets: [second.ticket],
    })
    expect(zhang.recommended, 'not recommended for messages she gave up').to.equal(false)
    expect(wang.handedBack).to.deep.include({ text: `刚把留言 ${third.ticket} 交回：不熟悉这一片`, tickets: [third.ticket] })

    // The one message alone still reads as before.
    const alone = (await lina.get(`/api/admin/cases/${second.id}/deputy-choices`)).body.items as Choice[]
    expect(alone.at(-1)).to.deep.include({ name: '张伟' })
    expect(alone.at(-1)!.handedBack!.text).to.equal('刚把这条留言交回：这段时间在外地学习，请站里另派代表')

    // Each selected message is held to the clerk's scope, as the first is.
    const elsewhere = await write('新华社区停车难', { regionId: 'c020101' })
    const refused = await lina.get(`/api/admin/cases/${first.id}/deputy-choices?together=${elsewhere.id}`)
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('留言不存在')
  })

  it('lists every deputy of a station of sixty, the one who handed the message back last; other stations’ are found by name', async () => {
    const many = (station: string, count: number, from: number): Deputy[] =>
      Array.from({ length: count }, (_, i) => ({
        id: `${station}-d${from + i}`,
        code: `${station.toUpperCase()}D${from + i}`,
        name: `代表${from + i}号`,
        level: 'township' as const,
        topics: [],
        phone: null,
        dutyDates: [],
        stationIds: [station],
      }))
    await app.liaison.services.importer.import(
      {
        regions: [
          { id: 'bd1', name: '大区', kind: 'district', parentId: null },
          { id: 'bs1', name: '大一街道', kind: 'street', parentId: 'bd1' },
          { id: 'bs2', name: '大二街道', kind: 'street', parentId: 'bd1' },
        ],
        stations: [
          { id: 'bst1', code: 'BST1', name: '大一街道代表联络站', kind: 'community', address: '大一路1号', regionIds: ['bs1'], receptionDays: ['wed'] },
          { id: 'bst2', code: 'BST2', name: '大二街道代表联络站', kind: 'community', address: '大二路1号', regionIds: ['bs2'], receptionDays: ['wed'] },
        ],
        deputies: [...many('bst1', 60, 1), ...many('bst2', 70, 101)],
      },
      null,
    )
    const message = await write('大一街道的路灯坏了', { regionId: 'bs1' })
    const held = (await app.liaison.store.cases.get(message.id))!
    expect(held.stationId).to.equal('bst1')
    await handBack(held.deputyId!, message.id, '身体不好，请另派代表')
    const gaveUp = (await app.liaison.store.deputies.get(held.deputyId!))!.name

    const admin = await asAdmin(app)
    const answer = (await admin.get(`/api/admin/cases/${message.id}/deputy-choices`)).body as { items: Choice[]; more: number; moreText: string | null }
    const names = answer.items.map((d) => d.name)
    expect(names, 'all sixty of its own station, none of the other’s').to.have.length(60)
    expect(names.at(-1)).to.equal(gaveUp)
    expect(answer.items.at(-1)!.handedBack!.text).to.equal('刚把这条留言交回：身体不好，请另派代表')
    expect(answer.more).to.equal(70)
    expect(answer.moreText).to.equal('其他联络站还有 70 位代表没有列出，请输入姓名查找')
    // The other station's deputies are found by name.
    const found = (await admin.get(`/api/admin/cases/${message.id}/deputy-choices?q=${encodeURIComponent('代表170号')}`)).body
    expect(found.items.map((d: Choice) => d.name)).to.deep.equal(['代表170号'])
  })

  it("offers, for messages of two districts given together, the deputies of each message's own district", async () => {
    await app.liaison.services.importer.import(
      {
        regions: [
          { id: 'bd1', name: '大区', kind: 'district', parentId: null },
          { id: 'bs1', name: '大一街道', kind: 'street', parentId: 'bd1' },
        ],
        stations: [
          { id: 'bst1', code: 'BST1', name: '大一街道代表联络站', kind: 'community', address: '大一路1号', regionIds: ['bs1'], receptionDays: ['wed'] },
        ],
        deputies: [{ id: 'bd-1', code: 'BD1', name: '大一代表', level: 'township', topics: [], phone: null, dutyDates: [], stationIds: ['bst1'] }],
      },
      null,
    )
    const here = await write('建设路的路灯坏了')
    const there = await write('大一街道的路灯也坏了', { regionId: 'bs1' })
    const admin = await asAdmin(app)
    const names = ((await admin.get(`/api/admin/cases/${here.id}/deputy-choices?together=${there.id}`)).body.items as Choice[]).map((d) => d.name)
    expect(names, 'the second message’s own station, in another district').to.include('大一代表')
    expect(names, 'and the first’s').to.include('张伟')
  })
})
