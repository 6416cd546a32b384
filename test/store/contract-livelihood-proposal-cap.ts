import { expect } from 'chai'
import type { LivelihoodProposal } from '../../src/domain/livelihood.js'
import { inWords } from '../../src/services/conflict-texts.js'
import type { Store } from '../../src/store/ports.js'
import { proposalRecord } from './contract-livelihood.js'

const proposal = (o: Partial<LivelihoodProposal>) => proposalRecord({ cycleId: 'lc-cap', mpUserId: null, ...o })

/**
 * The yearly cap (每人每年最多提出 N 个) held in the write itself: two submissions for a person's last place,
 * sent at once (a double tap, two phones) or judged on a count read before the other was stored, make one
 * proposal; the other is refused with its code, and nothing of it is stored.
 */
export function livelihoodProposalCapContract(store: () => Store) {
  describe('livelihood: the yearly cap on proposals, held in the write', () => {
    it('stores one of two submissions sent at once for a resident’s last place and refuses the other as proposal_limit', async () => {
      const repo = store().livelihood
      await repo.createProposal(proposal({ id: 'lpp-cap-1', mpUserId: 'mu-laozhang' }), { perPerson: 2 })
      const results = await Promise.allSettled([
        repo.createProposal(proposal({ id: 'lpp-cap-2', mpUserId: 'mu-laozhang', title: '修路' }), { perPerson: 2 }),
        repo.createProposal(proposal({ id: 'lpp-cap-3', mpUserId: 'mu-laozhang', title: '装路灯' }), { perPerson: 2 }),
      ])
      expect(
        results.filter((r) => r.status === 'fulfilled'),
        'one of the two is stored',
      ).to.have.length(1)
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason
      const words = inWords(refused) as { code: string; message: string }
      expect(words).to.include({ code: 'proposal_limit', message: '每人每年最多提出 2 个项目建议' })
      expect(await repo.countProposalsBy({ mpUserId: 'mu-laozhang' }, 'lc-cap')).to.equal(2)
      expect((await repo.listProposals('lc-cap')).map((p) => p.id))
        .to.have.length(2)
        .and.include('lpp-cap-1')
    })

    it('refuses a stale submission (its count read before another was stored) for a deputy, and leaves other years and people alone', async () => {
      const repo = store().livelihood
      // Both submissions were judged on a count of 0 before either was stored: the write counts again.
      const stale = await repo.countProposalsBy({ deputyId: 'dp0007' }, 'lc-cap')
      expect(stale).to.equal(0)
      await repo.createProposal(proposal({ id: 'lpp-dp-1', deputyId: 'dp0007' }), { perPerson: 1 })
      const second = await repo.createProposal(proposal({ id: 'lpp-dp-2', deputyId: 'dp0007' }), { perPerson: 1 }).then(
        () => null,
        (err: unknown) => err,
      )
      expect(inWords(second)).to.include({ code: 'proposal_limit', message: '每人每年最多提出 1 个项目建议' })
      expect(await repo.getProposal('lpp-dp-2'), 'nothing of the refused one is stored').to.equal(null)
      // Another year, and another person the same year, still have their place.
      await repo.createProposal(proposal({ id: 'lpp-dp-3', deputyId: 'dp0007', cycleId: 'lc-cap-next' }), { perPerson: 1 })
      await repo.createProposal(proposal({ id: 'lpp-dp-4', deputyId: 'dp0008' }), { perPerson: 1 })
      expect((await repo.listProposalsBy({ deputyId: 'dp0007' })).map((p) => p.id)).to.have.members(['lpp-dp-1', 'lpp-dp-3'])
    })
  })
}
