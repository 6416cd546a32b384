import { expect } from 'chai'
import type { AuditEntry, DirectorySnapshot, Store } from '../../src/store/ports.js'

/**
 * The contract of a console account disabled (StaffRepo.update with `active: false`, or a directory written with it
 * inactive): its WeChat binding goes in the same write, with the audit entry given for it; nothing else is let go of,
 * and an account that had none writes no entry. Review 38 (security, finding 1).
 */
export function staffDisabledContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a console account disabled', () => {
    const at = new Date('2026-12-06T02:00:00Z')
    const unbound = (staffId: string): AuditEntry => ({
      at,
      actorKind: 'system',
      actorId: null,
      action: 'staff.bot_unbound',
      targetKind: 'staff',
      targetId: staffId,
      details: { cause: 'account_disabled' },
    })
    const letGo = async () => (await store().audit.list({ action: 'staff.bot_unbound', limit: 10 })).items.map((e) => [e.targetId, e.details])
    beforeEach(async () => {
      await store().directory.upsertAll(directory())
      await store().bot.bindStaffContact('sf01', 'wx-lina', at)
      await store().bot.bindStaffContact('sf09', 'wx-chengang', at)
    })

    it('lets go of its WeChat binding with the audit entry, in the same write, and of nobody else’s', async () => {
      // Not disabling it (other fields, or enabling): kept, and no entry.
      await store().staff.update('sf01', { name: '李娜娜', active: true }, unbound('sf01'))
      expect(await store().bot.contactOfStaff('sf01')).to.equal('wx-lina')
      expect(await letGo()).to.deep.equal([])
      const disabled = await store().staff.update('sf01', { active: false }, unbound('sf01'))
      expect(disabled.active).to.equal(false)
      expect(await store().bot.contactOfStaff('sf01')).to.equal(null)
      expect(await store().bot.staffByContact('wx-lina')).to.equal(null)
      expect(await store().bot.contactOfStaff('sf09'), 'another account’s binding stays').to.equal('wx-chengang')
      expect(await letGo()).to.deep.equal([['sf01', { cause: 'account_disabled' }]])
      // Disabled again, with nothing left to let go of: no second entry.
      await store().staff.update('sf01', { active: false }, unbound('sf01'))
      expect(await letGo()).to.have.length(1)
    })

    it('lets go of it when a directory written with the account inactive is upserted', async () => {
      const dir = directory()
      dir.staff = dir.staff.map((s) => (s.id === 'sf09' ? { ...s, active: false } : s))
      await store().directory.upsertAll(dir, unbound)
      expect(await store().bot.contactOfStaff('sf09')).to.equal(null)
      expect(await store().bot.contactOfStaff('sf01'), 'an account in use keeps it').to.equal('wx-lina')
      expect(await letGo()).to.deep.equal([['sf09', { cause: 'account_disabled' }]])
    })
  })
}
