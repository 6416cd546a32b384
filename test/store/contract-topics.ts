import { expect } from 'chai'
import type { Store, TopicCorrection } from '../../src/store/ports.js'

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 2, minutes))
const correction = (o: Partial<TopicCorrection>): TopicCorrection => ({
  caseId: 'case-1',
  office: 'd1',
  fromTopic: '社会保障',
  toTopic: '劳动就业',
  correctedBy: 'sf01',
  at: at(0),
  ...o,
})

/** The contract of staff corrections of topics and the offices' retrainings. */
export function topicsContract(store: () => Store) {
  describe('topic corrections', () => {
    it("keeps one correction per case, the latest, and lists an office's oldest first", async () => {
      const repo = store().topicCorrections
      await repo.record(correction({ caseId: 'case-2', at: at(5) }))
      await repo.record(correction({ caseId: 'case-1', at: at(1) }))
      await repo.record(correction({ caseId: 'case-1', toTopic: '物业管理', correctedBy: 'sf02', at: at(7) }))
      await repo.record(correction({ caseId: 'case-3', office: 'city', at: at(2) }))
      expect(await repo.list('d1')).to.deep.equal([
        correction({ caseId: 'case-2', at: at(5) }),
        correction({ caseId: 'case-1', toTopic: '物业管理', correctedBy: 'sf02', at: at(7) }),
      ])
      expect(await repo.list('d1', at(6)), 'only those made up to the instant').to.deep.equal([correction({ caseId: 'case-2', at: at(5) })])
      expect(await repo.list('d9')).to.deep.equal([])
      expect(await repo.offices()).to.deep.equal(['city', 'd1'])
    })

    it('gives the latest training of each office', async () => {
      const repo = store().topicCorrections
      expect(await repo.latestTrainings()).to.deep.equal([])
      await repo.recordTraining({ office: 'd1', trainedAt: at(10), upTo: at(10), corrections: 1, trainedBy: 'org1' })
      await repo.recordTraining({ office: 'd1', trainedAt: at(20), upTo: at(19), corrections: 3, trainedBy: null })
      await repo.recordTraining({ office: 'city', trainedAt: at(15), upTo: at(15), corrections: 2, trainedBy: 'admin' })
      expect(await repo.latestTrainings()).to.deep.equal([
        { office: 'city', trainedAt: at(15), upTo: at(15), corrections: 2, trainedBy: 'admin' },
        { office: 'd1', trainedAt: at(20), upTo: at(19), corrections: 3, trainedBy: null },
      ])
    })
  })
}
