import { expect } from 'chai'
import { inWords } from '../../src/services/conflict-texts.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { mpUserRecord } from './records.js'

const T0 = new Date('2026-11-23T02:00:00.000Z')

/** Adapters report a conflict by its code; the words are the service layer's, the same for both. */
export function conflictContract(store: () => Store) {
  describe('conflicts', () => {
    it('reports a duplicate as a coded StoreConflict, worded the same whatever the adapter', async () => {
      const user = mpUserRecord('mu-c1', { openid: 'o-same', createdAt: T0 })
      await store().mpUsers.create(user)
      const refused = await rejects(store().mpUsers.create({ ...user, id: 'mu-c2' }))
      expect(refused).to.be.instanceOf(StoreConflict).and.to.include({ code: 'conflict' })
      expect(inWords(refused)).to.include({ code: 'conflict', message: '记录已存在' })
    })
  })
}
