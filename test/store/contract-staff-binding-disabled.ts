import { expect } from 'chai'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'

/**
 * The contract of a staff member's WeChat binding (BotRepo.bindStaffContact) and her account disabled. Review 38 (code,
 * finding 1): the service looked at the account before the write. A disable that landed between the look and the write
 * let go of no binding (there was none yet), and the binding then stood on a disabled account. Now the write itself reads
 * the account: an account stored as disabled binds nothing (account_disabled, nothing written, no other binding let go
 * of), and of a binding and a disable at once, in either order, no binding stands on the disabled account.
 */
export function staffBindingDisabledContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a staff binding of an account disabled', () => {
    const at = new Date('2026-12-06T02:00:00Z')
    beforeEach(async () => {
      await store().directory.upsertAll(directory())
    })

    it('binds nothing to an account stored as disabled, and lets go of no one else’s binding; in use again, it binds', async () => {
      await store().bot.bindStaffContact('sf09', 'wx-chengang', at)
      await store().staff.update('sf01', { active: false })
      const refused = await rejects(store().bot.bindStaffContact('sf01', 'wx-chengang', at))
      expect(refused).to.be.instanceOf(StoreConflict)
      expect((refused as StoreConflict).conflict).to.equal('account_disabled')
      expect(await store().bot.contactOfStaff('sf01')).to.equal(null)
      expect(await store().bot.staffByContact('wx-chengang'), 'that WeChat’s own binding stays').to.equal('sf09')

      await store().staff.update('sf01', { active: true })
      await store().bot.bindStaffContact('sf01', 'wx-lina', at)
      expect(await store().bot.contactOfStaff('sf01')).to.equal('wx-lina')
    })

    for (const disableFirst of [true, false]) {
      it(`of a binding and a disable at once (${disableFirst ? 'the disable' : 'the binding'} sent first), no binding stands`, async () => {
        const bind = () => store().bot.bindStaffContact('sf01', 'wx-lina', at)
        const disable = () => store().staff.update('sf01', { active: false })
        const settled = await Promise.allSettled(disableFirst ? [disable(), bind()] : [bind(), disable()])
        const bound = settled[disableFirst ? 1 : 0]
        expect(settled[disableFirst ? 0 : 1].status, 'the disable stands').to.equal('fulfilled')
        if (bound.status === 'rejected') expect((bound.reason as StoreConflict).conflict, 'refused as disabled').to.equal('account_disabled')
        expect((await store().staff.get('sf01'))!.active).to.equal(false)
        expect(await store().bot.contactOfStaff('sf01'), 'no binding on the disabled account').to.equal(null)
        expect(await store().bot.staffByContact('wx-lina')).to.equal(null)
      })
    }
  })
}
