import { expect } from 'chai'
import { ForbiddenError } from '../../src/errors.js'
import { AuditTrail } from '../../src/services/audit.js'
import type { StaffPrincipal } from '../../src/services/accounts/principal.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Review 38, finding 15. 操作记录 (residents' phone reads among it) is read by a district organizer only within her
 * office's reach, which the directory judges. An AuditTrail built without the directory (another composition, a CLI, a
 * test) let her read the whole city's trail: a wiring slip widened the scope. It now denies her instead; the admin and
 * the whole trail are as before.
 */
describe('操作记录: no directory to judge a district office’s reach denies it, never widens it', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    await app.liaison.store.audit.append({
      at: app.clock.now(),
      actorKind: 'staff',
      actorId: 'sf05',
      action: 'case.phone.read',
      targetKind: 'case',
      targetId: 'elsewhere',
      details: {},
    })
  })
  afterEach(() => app.close())

  const sunli: StaffPrincipal = {
    kind: 'staff',
    id: 'sf03',
    name: '孙丽',
    username: 'sunli',
    role: 'organizer',
    stationIds: [],
    regionIds: ['d01'],
    unitIds: [],
  }
  const admin: StaffPrincipal = { kind: 'staff', id: 'sf00', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] }

  it('refuses 湛河区’s organizer, and still shows the admin the whole trail', async () => {
    const unwired = new AuditTrail(app.liaison.store, app.clock, 'Asia/Shanghai', null)
    const err = await rejects(unwired.readFor(sunli, { limit: 10 }))
    expect(err).to.be.instanceOf(ForbiddenError)
    expect((err as ForbiddenError).message).to.equal('暂时无法确定您所在人大办的查看范围，请联系系统管理员')
    expect((await unwired.readFor(admin, { limit: 10 })).items.map((i) => i.entry.actorId)).to.include('sf05')
  })
})
