import { expect } from 'chai'
import type { LivelihoodProposal } from '../../src/domain/livelihood.js'
import type { Store } from '../../src/store/ports.js'
import { proposalRecord } from './contract-livelihood.js'

const T0 = new Date('2026-12-01T00:00:00Z')
const proposal = (o: Partial<LivelihoodProposal>) => proposalRecord({ cycleId: 'lc-city', mpUserId: null, ...o })

/**
 * The yearly cap on proposals (每人每年最多提出 N 个) reads a number the store counts: a person's
 * proposals to one cycle, by resident account or by deputy, never another year's or another person's.
 */
export function livelihoodCountsContract(store: () => Store) {
  describe('livelihood: a person’s proposals to one year, counted', () => {
    it('counts a resident’s and a deputy’s proposals to one cycle only', async () => {
      const repo = store().livelihood
      const made: Array<Partial<LivelihoodProposal>> = [
        { id: 'lpp-a1', mpUserId: 'mu-laoli' },
        { id: 'lpp-a2', mpUserId: 'mu-laoli', createdAt: new Date(T0.getTime() + 1000) },
        { id: 'lpp-a3', mpUserId: 'mu-laoli', cycleId: 'lc-d01' },
        { id: 'lpp-b1', mpUserId: 'mu-xiaowang' },
        { id: 'lpp-c1', deputyId: 'dp0004' },
        { id: 'lpp-c2', deputyId: 'dp0004', cycleId: 'lc-d01' },
        { id: 'lpp-c3', deputyId: 'dp0004', cycleId: 'lc-d01', createdAt: new Date(T0.getTime() + 2000) },
      ]
      for (const p of made) await repo.createProposal(proposal(p))

      expect(await repo.countProposalsBy({ mpUserId: 'mu-laoli' }, 'lc-city')).to.equal(2)
      expect(await repo.countProposalsBy({ mpUserId: 'mu-laoli' }, 'lc-d01')).to.equal(1)
      expect(await repo.countProposalsBy({ mpUserId: 'mu-xiaowang' }, 'lc-city')).to.equal(1)
      expect(await repo.countProposalsBy({ deputyId: 'dp0004' }, 'lc-city')).to.equal(1)
      expect(await repo.countProposalsBy({ deputyId: 'dp0004' }, 'lc-d01')).to.equal(2)
      expect(await repo.countProposalsBy({ mpUserId: 'mu-nobody' }, 'lc-city'), 'someone who proposed nothing').to.equal(0)
      expect(await repo.countProposalsBy({ deputyId: 'dp0004' }, 'lc-2030'), 'a year without proposals').to.equal(0)
    })
  })
}
