import { expect } from 'chai'
import { checkStoreUrl, connectionOptions, databaseName, transactionProblem, withDatabase } from '../../src/store/mongo/connection.js'
import { storeContract } from './contract.js'

const testDatabaseName = () => `liaison_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`

describe('mongo test databases', () => {
  it('are named in a multi-host replica-set URI, keeping hosts, credentials and options', () => {
    const uri = 'mongodb://app:p%40ss@db1:27017,db2:27017,db3:27017/?replicaSet=rs0&authSource=admin'
    expect(() => new URL(uri), 'why the harness no longer uses URL').to.throw(TypeError)
    const named = withDatabase(uri, 'liaison_test_1')
    expect(named).to.equal('mongodb://app:p%40ss@db1:27017,db2:27017,db3:27017/liaison_test_1?replicaSet=rs0&authSource=admin')
    expect(databaseName(named)).to.equal('liaison_test_1')
    expect(withDatabase('mongodb://db1,db2/liaison', 'other')).to.equal('mongodb://db1,db2/other')
    expect(databaseName('mongodb+srv://cluster.example/')).to.equal(null)
  })
})

describe('mongo start-up checks', () => {
  it('name the hosts but never the password in the line they end with', () => {
    let message = ''
    try {
      checkStoreUrl('mongodb://app:s3cret@db1:27017,db2:27017/?replicaSet=rs0')
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).to.equal('store.url (env LIAISON_DB): name the database in the MongoDB URI, e.g. mongodb://db1:27017,db2:27017/liaison?replicaSet=rs0')
  })

  it('let the settings written in the URI win over the defaults in the code', () => {
    const defaults = connectionOptions('mongodb://db1,db2/liaison?replicaSet=rs0')
    expect(defaults).to.deep.include({ writeConcern: { w: 'majority', journal: true }, readConcern: { level: 'majority' }, serverSelectionTimeoutMS: 20_000 })
    const tuned = connectionOptions('mongodb://db1,db2/liaison?replicaSet=rs0&serverSelectionTimeoutMS=300&w=1')
    expect(tuned).not.to.have.any.keys('serverSelectionTimeoutMS', 'writeConcern')
    expect(tuned).to.deep.include({ readConcern: { level: 'majority' } })
  })

  it('accept a replica set member or a mongos with sessions, and nothing else', () => {
    expect(transactionProblem({ setName: 'rs0', logicalSessionTimeoutMinutes: 30 })).to.equal(null)
    expect(transactionProblem({ msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30 })).to.equal(null)
    expect(transactionProblem({ logicalSessionTimeoutMinutes: 30 })).to.match(/^is a standalone server;/)
    expect(transactionProblem({ setName: 'rs0' })).to.equal('does not support sessions, so it cannot run transactions')
  })
})

// No MongoDB server can run on the CI machines; the suite runs wherever MONGODB_URI points at one.
const uri = process.env.MONGODB_URI

if (!uri) {
  console.log('  store contract: mongo skipped (set MONGODB_URI to run it against a MongoDB replica set)')
} else {
  describe('store contract: mongo', function () {
    this.timeout(60_000)
    storeContract(async () => {
      const { createMongoStore } = await import('../../src/store/mongo/index.js')
      // A fresh database per test keeps tests independent. Not through `new URL()`, which
      // refuses the usual multi-host replica-set URI (host1,host2,host3).
      return createMongoStore(withDatabase(uri, testDatabaseName()), { dropOnClose: true })
    })
  })
}
