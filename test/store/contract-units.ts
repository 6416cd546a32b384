import { expect } from 'chai'
import type { Unit } from '../../src/domain/directory.js'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'

const unit = (o: Partial<Unit>): Unit => ({
  id: 'u01',
  code: 'ZJJ',
  name: '市住房和城乡建设局',
  kind: 'department',
  regionId: null,
  contact: '',
  active: true,
  ...o,
})

/** The contract of handling units (承办单位) and their staff's unit lists. */
export function unitsContract(store: () => Store) {
  describe('handling units', () => {
    it('creates units, lists them by code, refuses a taken id or code', async () => {
      const units = store().units
      await units.create(unit({ id: 'u02', code: 'JTJ', name: '市交通运输局' }))
      await units.create(unit({}))
      expect((await units.list()).map((u) => u.code)).to.deep.equal(['JTJ', 'ZJJ'])
      expect(await units.get('u01')).to.deep.equal(unit({}))
      expect(await units.get('u99')).to.equal(null)
      for (const taken of [unit({ code: 'NEW' }), unit({ id: 'u03' })]) {
        let error: unknown
        try {
          await units.create(taken)
        } catch (err) {
          error = err
        }
        expect(error, JSON.stringify(taken)).to.be.instanceOf(ConflictError)
      }
      expect(await units.list()).to.have.length(2)
    })

    it('updates a unit in place and reports a missing one', async () => {
      const units = store().units
      await units.create(unit({}))
      const changed = await units.update('u01', { name: '市住建局', regionId: 'd01', contact: '12345', active: false })
      expect(changed).to.deep.equal(unit({ name: '市住建局', regionId: 'd01', contact: '12345', active: false }))
      expect(await units.get('u01')).to.deep.equal(changed)
      let error: unknown
      try {
        await units.update('u99', { name: 'x' })
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(NotFoundError)
    })

    it("keeps a staff member's units and finds staff by unit", async () => {
      const s = store()
      await s.staff.create({
        id: 'sf31',
        username: 'chen',
        name: '陈刚',
        role: 'unit_staff',
        stationIds: [],
        regionIds: [],
        unitIds: ['u01'],
        passwordHash: null,
        activationHash: null,
        activationIssuedAt: null,
        mustChangePassword: false,
        active: true,
      })
      await s.staff.create({
        id: 'sf32',
        username: 'wu',
        name: '吴静',
        role: 'unit_staff',
        stationIds: [],
        regionIds: [],
        unitIds: ['u02'],
        passwordHash: null,
        activationHash: null,
        activationIssuedAt: null,
        mustChangePassword: false,
        active: true,
      })
      expect((await s.staff.get('sf31'))!.unitIds).to.deep.equal(['u01'])
      expect((await s.staff.search({ unitId: 'u02', limit: 10 })).items.map((x) => x.id)).to.deep.equal(['sf32'])
      await s.staff.update('sf32', { unitIds: ['u01', 'u02'] })
      expect((await s.staff.search({ unitId: 'u01', limit: 10 })).items.map((x) => x.id)).to.deep.equal(['sf31', 'sf32'])
    })
  })
}
