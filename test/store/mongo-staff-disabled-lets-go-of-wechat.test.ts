import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { AuditEntry } from '../../src/store/ports.js'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { sampleDirectory } from './sample-directory.js'

/**
 * Review 38 (security, finding 1), the mongo side, against the wire-protocol fake (no MongoDB server runs here; on
 * real data it is contract-staff-disabled.ts, with MONGODB_URI): disabling a console account, in the console or by a
 * directory file, lets go of its WeChat binding and writes the audit entry for it in the same transaction as the
 * account's own write, committed together.
 */
describe('mongo adapter: a disabled account’s WeChat binding goes in the same transaction, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-06T02:00:00Z')
  const on = (c: ReceivedCommand, collection: string) => c.body[c.name] === collection
  const txn = (c: ReceivedCommand) => (c.body.txnNumber === undefined ? null : `${JSON.stringify(c.body.lsid)}#${String(c.body.txnNumber)}`)
  const unbound = (staffId: string): AuditEntry => ({
    at,
    actorKind: 'system',
    actorId: null,
    action: 'staff.bot_unbound',
    targetKind: 'staff',
    targetId: staffId,
    details: { cause: 'account_disabled' },
  })
  /** The writes since `from`, as [command, collection, transaction or null], and the transactions committed. */
  const writesSince = (from: number) => {
    const sent = mongo.fake.commands.slice(from)
    return {
      writes: sent
        .filter((c) => ['insert', 'update', 'delete', 'findAndModify'].includes(c.name) && !on(c, 'locks'))
        .map((c) => [c.name, String(c.body[c.name]), txn(c)]),
      committed: sent.filter((c) => c.name === 'commitTransaction').map(txn),
    }
  }
  /** The server has one binding of `staffId`, which the delete finds. */
  const boundAs = (staffId: string) =>
    mongo.fake.answer((c) => {
      if (c.name === 'delete' && on(c, 'staff_contacts')) return { n: 1, ok: 1 }
      if (c.name === 'find' && on(c, 'staff_contacts')) return cursorAnswer(c, [{ staffId, contactId: 'wx-lina', boundAt: at }])
      if (c.name === 'findAndModify' && on(c, 'staff'))
        return { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...sampleDirectory().staff[0], _id: staffId, active: false }, ok: 1 }
      return undefined
    })

  it('the console’s 停用: the account, its binding let go and the audit entry, in one committed transaction', async () => {
    boundAs('sf01')
    const store = await mongo.open()
    const from = mongo.fake.commands.length
    expect((await store.staff.update('sf01', { active: false }, unbound('sf01'))).active).to.equal(false)
    const { writes, committed } = writesSince(from)
    const one = writes[0][2]
    expect(one, 'in a transaction').to.be.a('string')
    expect(writes).to.deep.equal([
      ['findAndModify', 'staff', one],
      ['delete', 'staff_contacts', one],
      ['insert', 'audit_log', one],
    ])
    expect(committed).to.deep.equal([one])
    const deleted = mongo.on('staff_contacts', 'delete').at(-1)!.body.deletes as Document[]
    expect(deleted.map((d) => d.q)).to.deep.equal([{ staffId: 'sf01' }])
  })

  it('a directory file that disables an account: its binding let go and audited in the import’s transaction', async () => {
    boundAs('sf09')
    const store = await mongo.open()
    const dir = sampleDirectory()
    dir.staff = dir.staff.map((s) => (s.id === 'sf09' ? { ...s, active: false } : s))
    const from = mongo.fake.commands.length
    await store.directory.upsertAll(dir, unbound)
    const { writes, committed } = writesSince(from)
    const one = writes[0][2]
    expect(writes.slice(-2), 'after the accounts, in the same transaction').to.deep.equal([
      ['delete', 'staff_contacts', one],
      ['insert', 'audit_log', one],
    ])
    expect(new Set(writes.map((w) => w[2])), 'one transaction').to.deep.equal(new Set([one]))
    expect(committed).to.deep.equal([one])
    const audit = mongo.on('audit_log', 'insert').at(-1)!.body.documents as Document[]
    expect(audit.map((d) => [d.action, d.targetId, d.details])).to.deep.equal([['staff.bot_unbound', 'sf09', { cause: 'account_disabled' }]])
  })
})
