import { storeContract } from './contract.js'

// No MongoDB server can run on the CI machines; the suite runs wherever MONGODB_URI points at one.
const uri = process.env.MONGODB_URI

if (!uri) {
  console.log('  store contract: mongo skipped (set MONGODB_URI to run it against a MongoDB replica set)')
} else {
  describe('store contract: mongo', function () {
    this.timeout(60_000)
    storeContract(async () => {
      const { createMongoStore } = await import('../../src/store/mongo/index.js')
      // A fresh database per test keeps tests independent.
      const url = new URL(uri)
      url.pathname = `/liaison_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
      return createMongoStore(url.toString(), { dropOnClose: true })
    })
  })
}
