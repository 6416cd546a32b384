import { expect } from 'chai'
import type { OutboxMessage, PublicationRecord, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'

const T0 = new Date('2026-11-23T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let n = 0
const message = (dedupeKey: string): OutboxMessage => ({
  id: `ob-an-${++n}`,
  channel: 'auto',
  recipientKind: 'station',
  recipientId: 'st001',
  kind: 'hot_issue.alert',
  payload: { title: '热点' },
  dedupeKey,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
})
const publication = (caseId: string, over: Partial<PublicationRecord> = {}): PublicationRecord => ({
  caseId,
  residentId: 'mu1',
  ticket: `20261123-${caseId}`,
  topic: '城乡建设',
  districtId: 'd01',
  stationId: 'st001',
  question: '路灯坏了（门牌号已隐去）',
  answer: '已修好',
  askedAt: T0,
  answeredAt: at(60),
  publishedBy: 'staff:s1',
  publishedAt: at(120),
  ...over,
})

/** The contract of hot-issue alerts, weekly reports and published answers, for every adapter. */
export function analysisContract(store: () => Store) {
  describe('analysis and publications', () => {
    it('records an alert once, with its messages, and remembers its cases', async () => {
      const alert = { key: 'cs-a1', caseIds: ['cs-a1', 'cs-a2'], districtId: 'd01', stationId: 'st001', at: T0 }
      expect(await store().analysis.recordAlert(alert, [message('hot:cs-a1:st001')])).to.equal(true)
      expect(await store().analysis.recordAlert({ ...alert, caseIds: ['cs-a1', 'cs-a2', 'cs-a3'] }, [message('hot:cs-a1:again')])).to.equal(false)
      expect([...(await store().analysis.alertedCaseIds(at(-1)))].sort()).to.deep.equal(['cs-a1', 'cs-a2'])
      expect((await store().analysis.alertedCaseIds(at(1))).size, 'older alerts are not asked for').to.equal(0)
      const sent = await store().outbox.search({ kind: 'hot_issue.alert', limit: 10 })
      expect(sent.items.map((m) => m.dedupeKey)).to.deep.equal(['hot:cs-a1:st001'])
    })

    it('keeps one weekly report per scope and week, the latest', async () => {
      await store().analysis.saveWeeklyReport({ scope: 'd01', week: '2026-11-16', generatedAt: T0, body: { totals: { messages: 1 } } })
      await store().analysis.saveWeeklyReport({ scope: 'd01', week: '2026-11-23', generatedAt: T0, body: { totals: { messages: 2 } } })
      await store().analysis.saveWeeklyReport({ scope: 'd01', week: '2026-11-23', generatedAt: at(5), body: { totals: { messages: 3 } } })
      const report = await store().analysis.weeklyReport('d01', '2026-11-23')
      expect(report?.body).to.deep.equal({ totals: { messages: 3 } })
      expect(report?.generatedAt.toISOString()).to.equal(at(5).toISOString())
      expect(await store().analysis.weeklyReport('city', '2026-11-23')).to.equal(null)
      expect(await store().analysis.reportWeeks('d01', 10)).to.deep.equal(['2026-11-23', '2026-11-16'])
    })

    it('publishes, lists newest first by page, filters, and unpublishes by case or by resident', async () => {
      const pubs = store().publications
      await pubs.publish(publication('p1', { publishedAt: at(1) }))
      await pubs.publish(publication('p2', { publishedAt: at(2), topic: '环境保护' }))
      await pubs.publish(publication('p3', { publishedAt: at(3), residentId: 'mu2', districtId: 'd02' }))
      const first = await pubs.list({ limit: 2 })
      expect(first.items.map((p) => p.caseId)).to.deep.equal(['p3', 'p2'])
      const second = await pubs.list({ limit: 2, cursor: first.nextCursor })
      expect(second.items.map((p) => p.caseId)).to.deep.equal(['p1'])
      expect(second.nextCursor).to.equal(null)
      expect((await pubs.list({ limit: 10, topic: '环境保护' })).items.map((p) => p.caseId)).to.deep.equal(['p2'])
      expect((await pubs.list({ limit: 10, districtId: 'd02' })).items.map((p) => p.caseId)).to.deep.equal(['p3'])
      await pubs.publish(publication('p1', { publishedAt: at(4), answer: '已修好，并加装了一盏灯' }))
      expect((await pubs.get('p1'))?.answer, 'republished with new text').to.equal('已修好，并加装了一盏灯')
      expect([...(await pubs.publishedAmong(['p1', 'p9']))]).to.deep.equal(['p1'])
      expect(await pubs.unpublish('p2')).to.equal(true)
      expect(await pubs.unpublish('p2')).to.equal(false)
      expect(await pubs.unpublishResident('mu1')).to.equal(1)
      expect((await pubs.list({ limit: 10 })).items.map((p) => p.caseId)).to.deep.equal(['p3'])
      expect(await rejects(pubs.list({ limit: 10, cursor: 'bm90LWEtY3Vyc29y' }))).to.have.property('code', 'validation_failed')
    })
  })
}
