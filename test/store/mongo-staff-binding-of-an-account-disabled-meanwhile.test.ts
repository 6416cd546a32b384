import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'
import { sampleDirectory } from './sample-directory.js'

/**
 * Review 38 (code, finding 1), the mongo side, against the wire-protocol fake (no MongoDB server runs here; on real data
 * it is contract-staff-binding-disabled.ts, with MONGODB_URI). A disable writes the account and deletes its binding; a
 * binding that only read the account would read it from its transaction's snapshot and write staff_contacts alone:
 * neither touches what the other writes, and both commit — a binding on a disabled account. The binding now writes the
 * account's document first. Here the fake answers that write as a server does when a disable has committed since the
 * transaction began (WriteConflict, a transient transaction error), and as the disable left the account after it: the
 * binding runs again, reads the account disabled and binds nothing. Without that write nothing conflicts, and it binds.
 */
describe('mongo adapter: a staff binding as the account is disabled, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-06T02:00:00Z')
  const on = (c: ReceivedCommand, collection: string) => c.body[c.name] === collection
  const txn = (c: ReceivedCommand) => (c.body.txnNumber === undefined ? null : `${JSON.stringify(c.body.lsid)}#${String(c.body.txnNumber)}`)
  let opened = 0
  const open = async () => {
    const store = await mongo.open()
    opened = mongo.fake.commands.length
    return store
  }
  /** The writes since the store opened, as [command, collection, transaction or null]. */
  const writes = () =>
    mongo.fake.commands
      .slice(opened)
      .filter((c) => ['insert', 'update', 'delete', 'findAndModify'].includes(c.name))
      .map((c) => [c.name, String(c.body[c.name]), txn(c)])
  const committed = () =>
    mongo.fake.commands
      .slice(opened)
      .filter((c) => c.name === 'commitTransaction')
      .map(txn)
  /** 李娜's account as the server holds it: in use, or disabled by a transaction committed since the binding's began. */
  const account = (active: boolean) => ({
    lastErrorObject: { n: 1, updatedExisting: true },
    value: { ...sampleDirectory().staff[0], _id: 'sf01', active },
    ok: 1,
  })

  it('a binding whose account was disabled meanwhile runs again, reads it disabled and binds nothing (account_disabled)', async () => {
    let disabled = false
    mongo.fake.answer((c) => {
      if (c.name !== 'findAndModify' || !on(c, 'staff')) return undefined
      if (disabled) return account(false)
      disabled = true
      return {
        ok: 0,
        code: 112,
        codeName: 'WriteConflict',
        errmsg: 'WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.',
        errorLabels: ['TransientTransactionError'],
      }
    })
    const store = await open()
    const refused = await rejects(store.bot.bindStaffContact('sf01', 'wx-lina', at))
    expect(refused).to.be.instanceOf(StoreConflict)
    expect((refused as StoreConflict).conflict).to.equal('account_disabled')
    const sent = writes()
    expect(
      sent.filter(([, collection]) => collection === 'staff_contacts'),
      'no binding written, none let go of',
    ).to.deep.equal([])
    const accountWrites = sent.filter(([, collection]) => collection === 'staff')
    expect(accountWrites, 'the account written in each run, in a transaction of its own').to.have.length(2)
    expect(accountWrites[0][2]).to.not.equal(null)
    expect(accountWrites[0][2]).to.not.equal(accountWrites[1][2])
    expect(committed()).to.deep.equal([])
  })

  it('an account in use: its document is the binding transaction’s first write, committed with the binding', async () => {
    mongo.fake.answer((c) => (c.name === 'findAndModify' && on(c, 'staff') ? account(true) : undefined))
    const store = await open()
    await store.bot.bindStaffContact('sf01', 'wx-lina', at)
    const sent = writes()
    expect(sent[0]?.slice(0, 2), 'the account first').to.deep.equal(['findAndModify', 'staff'])
    const first = mongo.fake.commands.slice(opened).find((c) => c.name === 'findAndModify')!
    expect(first.body.query).to.deep.equal({ _id: 'sf01' })
    expect(first.body.update).to.deep.equal({ $inc: { botBindings: 1 } })
    const transaction = sent[0][2]
    expect(transaction).to.not.equal(null)
    expect(sent.filter(([name, collection]) => name === 'insert' && collection === 'staff_contacts').map(([, , t]) => t)).to.deep.equal([transaction])
    expect(committed()).to.deep.equal([transaction])
  })

  it('an account the server holds as disabled binds nothing, and commits nothing', async () => {
    mongo.fake.answer((c): Document | undefined => (c.name === 'findAndModify' && on(c, 'staff') ? account(false) : undefined))
    const store = await open()
    const refused = await rejects(store.bot.bindStaffContact('sf01', 'wx-lina', at))
    expect((refused as StoreConflict).conflict).to.equal('account_disabled')
    expect(writes().filter(([, collection]) => collection !== 'staff')).to.deep.equal([])
    expect(committed()).to.deep.equal([])
  })
})
