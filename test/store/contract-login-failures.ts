import { expect } from 'chai'
import type { LoginFailureKey, Store } from '../../src/store/ports.js'

const MINUTE = 60_000
const WINDOW = 15 * MINUTE
/**
 * A day ahead of the real time, on a whole minute: MongoDB's TTL monitor removes a count once the real
 * time passes its window's end, so windows in the past would vanish from under a test at random.
 */
const T0 = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 24 * 60 * MINUTE)
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE)

const linaAtDesk: LoginFailureKey = { kind: 'user_at_client', username: 'lina', client: '203.0.113.9' }
const linaAtHome: LoginFailureKey = { kind: 'user_at_client', username: 'lina', client: '198.51.100.7' }
const desk: LoginFailureKey = { kind: 'client', username: '', client: '203.0.113.9' }
const lina: LoginFailureKey = { kind: 'user', username: 'lina', client: '' }
const zhoujie: LoginFailureKey = { kind: 'user', username: 'zhoujie', client: '' }
const zhoujieAtDesk: LoginFailureKey = { kind: 'user_at_client', username: 'zhoujie', client: '203.0.113.9' }

/** The contract of the counts (LoginFailureRepo) that LoginThrottle and BindingGuard keep in the store. */
export function loginFailuresContract(store: () => Store) {
  describe('failed console logins and binding-code tries, counted in the store', () => {
    const failuresOf = async (key: LoginFailureKey, now: Date) => {
      // Counting once more is the only way to read a count: the one just added comes off.
      const [count] = await store().loginFailures.add([key], WINDOW, now)
      return count.failures - 1
    }

    it('counts each key on its own, in the order given, within a window that a later try does not lengthen', async () => {
      const counts = store().loginFailures
      expect(await counts.add([linaAtDesk, desk, lina], WINDOW, at(0))).to.deep.equal([
        { failures: 1, resetsInMs: WINDOW },
        { failures: 1, resetsInMs: WINDOW },
        { failures: 1, resetsInMs: WINDOW },
      ])
      expect(await counts.add([linaAtHome, lina], WINDOW, at(5))).to.deep.equal([
        { failures: 1, resetsInMs: WINDOW },
        { failures: 2, resetsInMs: 10 * MINUTE },
      ])
      // The same text as a name and as an address, or as two kinds, are different counts.
      const sameText: LoginFailureKey[] = [
        { kind: 'client', username: '', client: 'lina' },
        { kind: 'user', username: 'lina', client: '' },
        { kind: 'user_at_client', username: 'lina', client: '' },
      ]
      expect((await counts.add(sameText, WINDOW, at(6))).map((c) => c.failures)).to.deep.equal([1, 3, 1])
    })

    it('starts a count again at 1, with a whole new window, once its window has ended', async () => {
      const counts = store().loginFailures
      for (let i = 0; i < 4; i++) await counts.add([lina], WINDOW, at(i))
      expect(await counts.add([lina], WINDOW, at(14))).to.deep.equal([{ failures: 5, resetsInMs: MINUTE }])
      expect(await counts.add([lina], WINDOW, at(15)), 'the window ends at its last instant').to.deep.equal([{ failures: 1, resetsInMs: WINDOW }])
      expect(await counts.add([lina], WINDOW, at(40))).to.deep.equal([{ failures: 1, resetsInMs: WINDOW }])
    })

    it('counts every one of many tries at once: none slips past a limit', async () => {
      const counts = store().loginFailures
      const answers = await Promise.all(Array.from({ length: 30 }, () => counts.add([linaAtDesk, desk, lina], WINDOW, at(1))))
      for (const column of [0, 1, 2]) {
        const seen = answers.map((a) => a[column].failures).sort((x, y) => x - y)
        expect(seen, 'each try saw its own count').to.deep.equal(Array.from({ length: 30 }, (_, i) => i + 1))
      }
      expect(await failuresOf(lina, at(2))).to.equal(30)
    })

    it('forgets the counts of a login that succeeded, and takes one try back from the address while its window runs', async () => {
      const counts = store().loginFailures
      for (let i = 0; i < 3; i++) await counts.add([linaAtDesk, desk, lina, zhoujie], WINDOW, at(i))
      await counts.clear([linaAtDesk, lina])
      await counts.takeBack(desk, at(3))
      expect(await failuresOf(linaAtDesk, at(4))).to.equal(0)
      expect(await failuresOf(lina, at(4))).to.equal(0)
      expect(await failuresOf(desk, at(4))).to.equal(2)
      expect(await failuresOf(zhoujie, at(4)), 'nobody else is touched').to.equal(3)
    })

    it('takes a try back from a running count only: never below nothing, never making an ended count live again', async () => {
      const counts = store().loginFailures
      await counts.add([desk], WINDOW, at(0))
      await counts.takeBack(desk, at(1))
      await counts.takeBack(desk, at(1))
      expect(await counts.add([desk], WINDOW, at(2)), 'not below nothing').to.deep.equal([{ failures: 1, resetsInMs: 13 * MINUTE }])
      await counts.takeBack(desk, at(20))
      expect(await counts.add([desk], WINDOW, at(20)), 'an ended count starts afresh').to.deep.equal([{ failures: 1, resetsInMs: WINDOW }])
      await counts.takeBack({ kind: 'client', username: '', client: '192.0.2.1' }, at(20))
      expect(await counts.add([{ kind: 'client', username: '', client: '192.0.2.1' }], WINDOW, at(20)), 'nothing made up').to.deep.equal([
        { failures: 1, resetsInMs: WINDOW },
      ])
    })

    it("lifts a user's lock at every address, leaving the addresses' own counts and other people's alone", async () => {
      const counts = store().loginFailures
      for (let i = 0; i < 4; i++) await counts.add([linaAtDesk, linaAtHome, desk, lina, zhoujie, zhoujieAtDesk], WINDOW, at(i))
      await counts.clearUser('lina')
      expect(await failuresOf(lina, at(5))).to.equal(0)
      expect(await failuresOf(linaAtDesk, at(5))).to.equal(0)
      expect(await failuresOf(linaAtHome, at(5))).to.equal(0)
      expect(await failuresOf(desk, at(5)), 'the address is still counted').to.equal(4)
      expect(await failuresOf(zhoujie, at(5))).to.equal(4)
      expect(await failuresOf(zhoujieAtDesk, at(5))).to.equal(4)
    })

    it("reads each name's running login counts, the highest at one address and everywhere, without counting; ended ones and other kinds are nothing", async () => {
      const counts = store().loginFailures
      for (let i = 0; i < 3; i++) await counts.add([linaAtDesk, desk, lina], WINDOW, at(i))
      await counts.add([linaAtHome, lina], WINDOW, at(3))
      await counts.add([zhoujieAtDesk], WINDOW, at(0))
      await counts.add([{ kind: 'bind_account', username: 'sunli', client: '' }], WINDOW, at(0))
      const read = await counts.userCounts(['lina', 'zhoujie', 'sunli', 'nobody'], at(4))
      expect([...read].sort(([a], [b]) => a.localeCompare(b))).to.deep.equal([
        ['lina', { atOneAddress: 3, everywhere: 4 }],
        ['zhoujie', { atOneAddress: 1, everywhere: 0 }],
      ])
      expect((await counts.userCounts(['lina'], at(4))).get('lina'), 'reading counted nothing').to.deep.equal({ atOneAddress: 3, everywhere: 4 })
      expect([...(await counts.userCounts(['lina', 'zhoujie'], at(18)))], 'every window has ended').to.deep.equal([])
      expect([...(await counts.userCounts([], at(4)))]).to.deep.equal([])
    })

    it('keeps the tries of binding codes apart from the logins of the same name or address; an admin lifting a lock leaves them', async () => {
      const counts = store().loginFailures
      // An account id, an address and everyone's: the same texts as lina's login counts, under kinds of their own.
      const account: LoginFailureKey = { kind: 'bind_account', username: 'lina', client: '' }
      const address: LoginFailureKey = { kind: 'bind_address', username: '', client: '203.0.113.9' }
      const everyone: LoginFailureKey = { kind: 'bind_global', username: '', client: '' }
      await counts.add([lina, desk, linaAtDesk], WINDOW, at(0))
      for (let i = 0; i < 2; i++) await counts.add([account, address], WINDOW, at(i))
      expect(await counts.add([account, address, everyone], 4 * WINDOW, at(2))).to.deep.equal([
        { failures: 3, resetsInMs: 13 * MINUTE },
        { failures: 3, resetsInMs: 13 * MINUTE },
        { failures: 1, resetsInMs: 4 * WINDOW },
      ])
      await counts.clearUser('lina')
      expect(await failuresOf(lina, at(3))).to.equal(0)
      expect(await failuresOf(account, at(3)), "an admin's 解除锁定 is for logins only").to.equal(3)
      await counts.takeBack(everyone, at(3))
      await counts.clear([account])
      expect(await failuresOf(account, at(4))).to.equal(0)
      expect(await failuresOf(address, at(4))).to.equal(3)
      expect(await failuresOf(everyone, at(4))).to.equal(0)
      expect(await failuresOf(desk, at(4)), 'the login count of the same address is its own').to.equal(1)
    })

    it('keeps names and addresses as they are typed, even those that look like operators or fields', async () => {
      const counts = store().loginFailures
      const odd: LoginFailureKey = { kind: 'user', username: '$failures', client: '' }
      const odder: LoginFailureKey = { kind: 'user_at_client', username: '{"$gt":""}', client: '$resetsAt' }
      await counts.add([odd, odder], WINDOW, at(0))
      expect((await counts.add([odd, odder], WINDOW, at(1))).map((c) => c.failures)).to.deep.equal([2, 2])
      await counts.clearUser('$failures')
      expect(await failuresOf(odd, at(2))).to.equal(0)
      expect(await failuresOf(odder, at(2))).to.equal(2)
    })
  })
}
