import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/**
 * Two residents write about the junk in 3号楼's stairwell; 孙丽 merges the second into the first. 张伟 answers the first,
 * naming the neighbours as residents do: 老王 whose old furniture blocks the way, 小张 who will clear it, 老王媳妇,
 * 物业小李姐. The resident whose message was merged reads the answer with those neighbours masked (老某, 小某), as
 * 王大爷 becomes 某大爷; the resident he answered reads it as he wrote it.
 */
describe('an answer shared with a merged message’s resident masks 老王 and 小张', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** What the merged resident and the one answered are told when 张伟 answers the first message with `answer`. */
  async function answerMerged(answer: string) {
    const write = async (text: string) => {
      const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body as { id: string; ticket: string }
    }
    const first = await write('建设路社区3号楼楼道里堆满了杂物，旧家具堵住了消防通道')
    const second = await write('建设路社区3号楼楼道杂物堆放，堵住消防通道，很危险')
    const merged = await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${second.id}/merge`, { intoCaseId: first.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${first.id}/acknowledge`, {})).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${first.id}/reply`, { text: answer })).status).to.equal(200)

    const told = (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.replied' })).items
    return {
      toMerged: told.find((m) => (m.payload.text as string).includes(second.ticket))!,
      toFirst: told.find((m) => m.payload.ticket === first.ticket)!,
    }
  }

  it('tells the merged resident the answer with the neighbours’ names masked', async () => {
    const answer = '已联系老王，老王答应周末把旧家具搬走，物业小张周六来清理楼道。'
    const { toMerged, toFirst } = await answerMerged(answer)
    expect(toMerged.payload.text).to.include('已联系老某，老某答应周末把旧家具搬走，物业小某周六来清理楼道。')
    expect(toFirst.payload.reply, 'the resident he answered reads his words').to.equal(answer)
  })

  it('masks them whatever word follows: 老王讲, 老王媳妇, 小张看, 小李姐', async () => {
    const answer = '跟老王讲过了，老王媳妇答应周末把旧家具搬走，请小张看一下楼道，物业小李姐周六来清理。'
    const { toMerged, toFirst } = await answerMerged(answer)
    expect(toMerged.payload.text).to.include('跟老某讲过了，老某媳妇答应周末把旧家具搬走，请小某看一下楼道，物业小某姐周六来清理。')
    expect(toFirst.payload.reply, 'the resident he answered reads his words').to.equal(answer)
  })
})
