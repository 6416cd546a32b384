import { expect } from 'chai'
import type { MpUserRecord, Store } from '../../src/store/ports.js'
import { ChannelResolver, REACH_BATCH, type PersonRecipientKind, type Reach } from '../../src/services/delivery/channels.js'
import { mpUserRecord } from './records.js'

const at = new Date('2026-12-03T02:00:00Z')
const later = (ms: number) => new Date(at.getTime() + ms)

const person = (id: string, over: Partial<MpUserRecord> = {}) => mpUserRecord(id, { createdAt: at, ...over })

/** Subscribe messages are configured for one kind of message only; the other reaches the bot alone. */
const WITH_TEMPLATE = 'reading.reminder'
const WITHOUT_TEMPLATE = 'ballot.reminder'
const settings = { subscribeTemplateFor: (kind: string) => (kind === WITH_TEMPLATE ? { id: 'TPL' } : null), hasRobot: () => false }

/** Every method of the repositories reach reads, counted as it is called. */
function counted(store: Store) {
  const calls: Record<string, number> = {}
  const wrap = <T extends object>(repo: T, name: string): T =>
    new Proxy(repo, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          calls[`${name}.${String(key)}`] = (calls[`${name}.${String(key)}`] ?? 0) + 1
          return value.apply(target, args)
        }
      },
    })
  return { calls, store: { mpUsers: wrap(store.mpUsers, 'mpUsers'), bot: wrap(store.bot, 'bot'), chatJoins: wrap(store.chatJoins, 'chatJoins') } }
}

/**
 * Who a message reaches, read for a whole list of people at once (学习进度, 提醒未读, 导出未读名单): the
 * same answer as asking person by person, from a number of store reads that does not grow with
 * each person. Runs against every adapter.
 */
export function reachContract(store: () => Store) {
  describe('who a message reaches, for many people at once', () => {
    /** Deputies bound every way there is, residents, staff; and ids nobody holds. */
    async function mixedPopulation(s: Store) {
      await s.mpUsers.create(person('mu-a', { openid: 'o-a', deputyId: 'dp-app' }))
      await s.mpUsers.create(person('mu-b', { botContactId: 'wx-b', botAlias: '代表B', deputyId: 'dp-bot' }))
      await s.mpUsers.create(person('mu-c2', { botContactId: 'wx-c', deputyId: 'dp-both', createdAt: later(2) }))
      await s.mpUsers.create(person('mu-c1', { openid: 'o-c', deputyId: 'dp-both', createdAt: later(1) }))
      // Bound, but with neither an app nor a bot contact any more (an erased account).
      await s.mpUsers.create(person('mu-e', { deputyId: 'dp-empty' }))
      await s.mpUsers.create(person('mu-r1', { openid: 'o-r1' }))
      await s.mpUsers.create(person('mu-r2', { botContactId: 'wx-r2' }))
      await s.mpUsers.create(person('mu-r3'))
      await s.bot.bindStaffContact('sf01', 'wx-staff', at)
      return {
        deputy: ['dp-app', 'dp-bot', 'dp-both', 'dp-empty', 'dp-none'],
        mp_user: ['mu-r1', 'mu-r2', 'mu-r3', 'mu-gone'],
        staff: ['sf01', 'sf02'],
      } satisfies Record<PersonRecipientKind, string[]>
    }

    async function oneByOne(resolver: ChannelResolver, recipientKind: PersonRecipientKind, ids: string[], kind: string) {
      const out = new Map<string, Reach>()
      for (const id of ids) out.set(id, await resolver.reach({ recipientKind, recipientId: id, kind }))
      return out
    }

    it('gives each person exactly the routes and the reason reach() gives one by one', async () => {
      const s = store()
      const population = await mixedPopulation(s)
      const resolver = new ChannelResolver(s, settings)
      for (const kind of [WITH_TEMPLATE, WITHOUT_TEMPLATE]) {
        for (const [recipientKind, ids] of Object.entries(population) as Array<[PersonRecipientKind, string[]]>) {
          const batch = await resolver.reachOfMany(recipientKind, ids, kind)
          expect([...batch.keys()].sort(), `${recipientKind}: every id answered`).to.deep.equal([...ids].sort())
          const single = await oneByOne(resolver, recipientKind, ids, kind)
          for (const id of ids) expect(batch.get(id), `${recipientKind} ${id}, ${kind}`).to.deep.equal(single.get(id))
        }
      }
      // What the comparison covers, in plain terms.
      expect([...(await resolver.reachable(WITH_TEMPLATE, 'deputy', population.deputy))].sort()).to.deep.equal(['dp-app', 'dp-bot', 'dp-both'])
      expect([...(await resolver.reachable(WITHOUT_TEMPLATE, 'deputy', population.deputy))].sort(), 'no template: the bot only').to.deep.equal([
        'dp-bot',
        'dp-both',
      ])
      expect([...(await resolver.reachable(WITH_TEMPLATE, 'mp_user', population.mp_user))].sort()).to.deep.equal(['mu-r1', 'mu-r2'])
      expect([...(await resolver.reachable(WITH_TEMPLATE, 'staff', population.staff))]).to.deep.equal(['sf01'])
      expect((await resolver.reachOfMany('deputy', ['dp-both'], WITH_TEMPLATE)).get('dp-both')!.routes).to.deep.equal([
        { channel: 'mp_subscribe', address: 'o-c', userId: 'mu-c1' },
        { channel: 'bot_private', address: 'wx-c' },
      ])
    })

    it("reads a deputy's accounts oldest first, people by id, staff contacts: only those asked, and nothing for an empty list", async () => {
      const s = store()
      await mixedPopulation(s)
      expect((await s.mpUsers.listByDeputyIds(['dp-both', 'dp-app', 'dp-none'])).map((u) => [u.deputyId, u.id])).to.deep.equal([
        ['dp-app', 'mu-a'],
        ['dp-both', 'mu-c1'],
        ['dp-both', 'mu-c2'],
      ])
      expect(await s.mpUsers.listByDeputyIds([])).to.deep.equal([])
      expect((await s.mpUsers.getMany(['mu-r2', 'mu-gone', 'mu-a'])).map((u) => u.id).sort()).to.deep.equal(['mu-a', 'mu-r2'])
      expect(await s.mpUsers.getMany([])).to.deep.equal([])
      expect(await s.mpUsers.getMany(['mu-b'])).to.deep.equal([await s.mpUsers.get('mu-b')])
      expect([...(await s.bot.contactsOfStaff(['sf01', 'sf02']))]).to.deep.equal([['sf01', 'wx-staff']])
      expect((await s.bot.contactsOfStaff([])).size).to.equal(0)
    })

    it(`reads a city's deputies in slices of ${REACH_BATCH}, however many there are: the same answers, and no read per person`, async function () {
      this.timeout(120_000)
      const s = store()
      // Every third deputy talks to the bot, every fifth has the mini-program (some both), the rest nothing.
      const deputies = Array.from({ length: 2 * REACH_BATCH + 100 }, (_, i) => `dp-${String(i).padStart(5, '0')}`)
      for (const [i, id] of deputies.entries()) {
        if (i % 3 === 0) await s.mpUsers.create(person(`mu-bot-${i}`, { botContactId: `wx-${i}`, deputyId: id }))
        if (i % 5 === 0) await s.mpUsers.create(person(`mu-app-${i}`, { openid: `o-${i}`, deputyId: id, createdAt: later(i) }))
      }
      const expected = new Set(deputies.filter((_, i) => i % 3 === 0 || i % 5 === 0))
      const few = counted(s)
      expect(await new ChannelResolver(few.store, settings).reachable(WITH_TEMPLATE, 'deputy', deputies.slice(0, 30))).to.deep.equal(
        new Set(deputies.slice(0, 30).filter((id) => expected.has(id))),
      )
      expect(few.calls, '30 deputies: one read').to.deep.equal({ 'mpUsers.listByDeputyIds': 1 })

      const many = counted(s)
      const resolver = new ChannelResolver(many.store, settings)
      expect(await resolver.reachable(WITH_TEMPLATE, 'deputy', deputies)).to.deep.equal(expected)
      expect(many.calls, `${deputies.length} deputies: one read per ${REACH_BATCH}`).to.deep.equal({ 'mpUsers.listByDeputyIds': 3 })

      // The batched answer is reach()'s for each of them.
      const single = await oneByOne(new ChannelResolver(s, settings), 'deputy', deputies, WITH_TEMPLATE)
      const batch = await new ChannelResolver(s, settings).reachOfMany('deputy', deputies, WITH_TEMPLATE)
      for (const id of deputies) expect(batch.get(id), id).to.deep.equal(single.get(id))
    })
  })
}
