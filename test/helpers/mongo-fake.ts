import { createMongoStore } from '../../src/store/mongo/index.js'
import type { Store } from '../../src/store/ports.js'
import { FakeMongoServer, type ReceivedCommand } from '../fakes/mongo-wire.js'

export interface FakeMongoForEachTest {
  /** This test's wire-protocol fake, started before it and closed after it. */
  readonly fake: FakeMongoServer
  /** The store a test opened on the fake (closed after the test), or null. */
  store: Store | null
  /** Opens the mongo adapter on this test's fake; closed after the test. */
  open(options?: Parameters<typeof createMongoStore>[1]): Promise<Store>
  /** The commands of these names sent about `collection`, in the order received. */
  on(collection: string, ...names: string[]): ReceivedCommand[]
}

/**
 * A fresh wire-protocol fake MongoDB for each test of the describe block that calls this (no MongoDB server runs
 * here; what the adapter does on real data is the contract suite's, with MONGODB_URI), and the store opened on it.
 */
export function fakeMongoForEachTest(): FakeMongoForEachTest {
  let fake: FakeMongoServer | null = null
  const mongo: FakeMongoForEachTest = {
    get fake() {
      if (!fake) throw new Error('the fake MongoDB runs only inside a test')
      return fake
    },
    store: null,
    async open(options = {}) {
      mongo.store = await createMongoStore(mongo.fake.uri(), options)
      return mongo.store
    },
    on: (collection, ...names) => mongo.fake.sent(...names).filter((c) => c.body[c.name] === collection),
  }
  beforeEach(async () => {
    fake = await FakeMongoServer.start()
    mongo.store = null
  })
  afterEach(async () => {
    await mongo.store?.close()
    mongo.store = null
    await fake?.close()
    fake = null
  })
  return mongo
}
