import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import type { CaseQuery, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/** The console's search box in the store: a ticket exactly, or words the text contains, with every other filter. */
export function caseSearchContract(store: () => Store) {
  const submit = async (over: Partial<CaseRecord>) => {
    const record = caseRecord(over)
    return store().cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }
  const find = async (q: Partial<CaseQuery>) => (await store().cases.search({ limit: 20, ...q })).items.map((c) => c.text)

  describe('cases: search by ticket and text', () => {
    it('finds the one case with a ticket, only where the other filters also hold', async () => {
      await submit({ text: '楼道里堆满杂物' })
      const wanted = await submit({ text: '小区里停车位太少', stationId: 'st002' })
      expect(await find({ ticket: wanted.ticket })).to.deep.equal(['小区里停车位太少'])
      expect(await find({ ticket: wanted.ticket, stationIds: ['st001'] })).to.deep.equal([])
      expect(await find({ ticket: '20261122-9999' })).to.deep.equal([])
    })

    it('finds each of many messages written at once by its words as soon as it is stored, and not one that failed', async () => {
      const texts = Array.from({ length: 12 }, (_, i) => `第${i}号楼门口积水${i}天了`)
      const taken = caseRecord({ text: '先写的一条留言' })
      await store().cases.submit({ record: taken, ticketDate: '2026-11-22', events: [], outbox: [] })
      const outcomes = await Promise.allSettled([...texts.map((text) => submit({ text })), submit({ id: taken.id, text: '编号重复没写成' })])
      expect(outcomes.map((o) => o.status)).to.deep.equal([...texts.map(() => 'fulfilled'), 'rejected'])
      for (const i of [0, 5, 11]) expect(await find({ textWords: [`第${i}号楼`] })).to.deep.equal([texts[i]])
      expect(await find({ textWords: ['门口积水'] })).to.have.length(12)
      expect(await find({ textWords: ['没写成'] })).to.deep.equal([])
    })

    it('finds Chinese words inside the text, every word given, newest first and paged with the same cursors', async () => {
      await submit({ text: '小区里停车位太少，晚上没地方停', createdAt: at(1) })
      await submit({ text: '楼道里堆满杂物，消防通道堵了', createdAt: at(2) })
      await submit({ text: '希望增设停车位', createdAt: at(3), status: 'closed' })
      await submit({ text: '电梯经常坏，停车位也不够', createdAt: at(4) })
      expect(await find({ textWords: ['停车位'] })).to.deep.equal(['电梯经常坏，停车位也不够', '希望增设停车位', '小区里停车位太少，晚上没地方停'])
      // Two characters are below the index's three: still found.
      expect(await find({ textWords: ['电梯'] })).to.deep.equal(['电梯经常坏，停车位也不够'])
      expect(await find({ textWords: ['停车位', '晚上'] })).to.deep.equal(['小区里停车位太少，晚上没地方停'])
      expect(await find({ textWords: ['停车位', '不存在的话'] })).to.deep.equal([])
      expect(await find({ textWords: ['停车位'], statuses: ['closed'] })).to.deep.equal(['希望增设停车位'])
      expect(await find({ textWords: ['停车位'], districtIds: ['d01'] }), "the district's two columns").to.have.length(3)
      expect(await find({ textWords: ['停车位'], districtIds: ['d09'] })).to.deep.equal([])
      const first = await store().cases.search({ limit: 2, textWords: ['停车位'] })
      const second = await store().cases.search({ limit: 2, textWords: ['停车位'], cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((c) => c.createdAt.getTime())).to.deep.equal([at(4), at(3), at(1)].map((d) => d.getTime()))
      expect(second.nextCursor).to.equal(null)
      expect((await store().cases.search({ limit: 20, order: 'due', textWords: ['停车位'] })).items).to.have.length(3)
    })

    it('reads what a person types literally: quotes, wildcards and ASCII in any case', async () => {
      await submit({ text: 'WiFi 信号差，"5G" 基站 100% 没覆盖' })
      await submit({ text: '路灯坏了' })
      expect(await find({ textWords: ['wifi'] })).to.have.length(1)
      expect(await find({ textWords: ['"5G"'] })).to.have.length(1)
      expect(await find({ textWords: ['100%'] })).to.have.length(1)
      expect(await find({ textWords: ['%'] })).to.have.length(1)
      expect(await find({ textWords: ['_'] })).to.deep.equal([])
      expect(await find({ textWords: ['.*'] })).to.deep.equal([])
      expect(await find({ textWords: ['OR 路灯'] })).to.deep.equal([])
    })

    it("lists only the cases named by id (a hot issue's), where the other filters and the scope also hold, paged", async () => {
      const [a, , c, d] = [
        await submit({ text: '一号楼路灯坏了', createdAt: at(1) }),
        await submit({ text: '二号楼路灯坏了', createdAt: at(2) }),
        await submit({ text: '三号楼路灯坏了', createdAt: at(3), stationId: 'st002', districtId: 'd02', handlingDistrictId: 'd02' }),
        await submit({ text: '四号楼路灯坏了', createdAt: at(4), status: 'closed' }),
      ]
      const ids = [a.id, c.id, d.id, 'case-never-written']
      expect(await find({ ids })).to.deep.equal(['四号楼路灯坏了', '三号楼路灯坏了', '一号楼路灯坏了'])
      expect(await find({ ids, stationIds: ['st001'] }), "a station's staff: the other station's case is not listed").to.deep.equal([
        '四号楼路灯坏了',
        '一号楼路灯坏了',
      ])
      expect(await find({ ids, districtIds: ['d02'] })).to.deep.equal(['三号楼路灯坏了'])
      expect(await find({ ids, statuses: ['closed'] })).to.deep.equal(['四号楼路灯坏了'])
      expect(await find({ ids, textWords: ['一号楼'] })).to.deep.equal(['一号楼路灯坏了'])
      expect(await find({ ids, order: 'due' })).to.have.members(['四号楼路灯坏了', '三号楼路灯坏了', '一号楼路灯坏了'])
      expect(await find({ ids: [] }), 'none named, none listed').to.deep.equal([])
      const first = await store().cases.search({ limit: 2, ids })
      const second = await store().cases.search({ limit: 2, ids, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((x) => x.text)).to.deep.equal(['四号楼路灯坏了', '三号楼路灯坏了', '一号楼路灯坏了'])
      expect(second.nextCursor).to.equal(null)
    })

    it('群众不满意 finds a low score, or a reopened case not rated again; countUpTo counts what search lists, one past its bound at most', async () => {
      const rated = (rating: number) => ({ rating, ratings: [{ rating, comment: null, at: T0 }], status: 'closed' as const })
      await submit({ text: '评了2分', ...rated(2), createdAt: at(1) })
      await submit({ text: '评了5分', ...rated(5), createdAt: at(2) })
      await submit({ text: '评了3分', ...rated(3), createdAt: at(3) })
      await submit({ text: '重新办理中', rating: null, ratings: [{ rating: 1, comment: null, at: T0 }], reopenCount: 1, status: 'reopened', createdAt: at(4) })
      await submit({ text: '还没评价', createdAt: at(5) })
      expect(await find({ unhappy: true })).to.deep.equal(['重新办理中', '评了2分'])
      expect(await find({ unhappy: true, statuses: ['closed'] })).to.deep.equal(['评了2分'])
      expect(await store().cases.countUpTo({ unhappy: true }, 1000)).to.equal(2)
      expect(await store().cases.countUpTo({}, 1000)).to.equal(5)
      expect(await store().cases.countUpTo({}, 3), 'one past the bound').to.equal(4)
      expect(await store().cases.countUpTo({ textWords: ['评了'], districtIds: ['d01'] }, 1000)).to.equal(
        (await find({ textWords: ['评了'], districtIds: ['d01'] })).length,
      )
      expect(await store().cases.countUpTo({ ids: [] }, 1000)).to.equal(0)
    })

    it("lists a deputy's messages not merged into another when asked (the console's 代表 filter), every one otherwise", async () => {
      const carrier = await submit({ text: '广场舞太吵', deputyId: 'dp0002' })
      await submit({ text: '跳舞声音太大', deputyId: 'dp0001', mergedInto: carrier.id, status: 'closed', createdAt: at(1) })
      await submit({ text: '路灯坏了三盏', deputyId: 'dp0001', createdAt: at(2) })
      expect(await find({ deputyId: 'dp0001', unmerged: true })).to.deep.equal(['路灯坏了三盏'])
      expect(await find({ deputyId: 'dp0001' }), '我办过的留言 still finds it').to.deep.equal(['路灯坏了三盏', '跳舞声音太大'])
      expect(await store().cases.countUpTo({ deputyId: 'dp0001', unmerged: true }, 10)).to.equal(1)
    })

    it('follows a change of text: the old words no longer find it, the new ones do', async () => {
      const c = await submit({ text: '张三家门口的下水道堵了' })
      await store().cases.update({ ...c, text: '（内容已按本人要求删除）' }, [], [])
      expect(await find({ textWords: ['下水道'] })).to.deep.equal([])
      expect(await find({ textWords: ['按本人要求'] })).to.deep.equal(['（内容已按本人要求删除）'])
    })
  })
}
