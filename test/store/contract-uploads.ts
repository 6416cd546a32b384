import { expect } from 'chai'
import type { Store, UploadKind } from '../../src/store/ports.js'

const HOUR = 3_600_000
const T0 = new Date('2026-11-23T02:00:00.000Z')
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR)

/** The contract of the upload records (UploadRepo) that the unattached-uploads job deletes files by. */
export function uploadsContract(store: () => Store) {
  describe('upload records', () => {
    const add = (name: string, uploadedAt: Date, ownerId = 'mu-wang', kind: UploadKind = 'image') => store().uploads.add({ kind, name, ownerId, uploadedAt })
    const namesOf = (records: Array<{ name: string }>) => records.map((r) => r.name)

    it('takes the unattached uploads of one kind older than an instant, oldest first, and marks them taken', async () => {
      const uploads = store().uploads
      await add('b-road.jpg', at(1))
      await add('a-road.jpg', at(0))
      await add('kept.jpg', at(0))
      await add('fresh.jpg', at(30))
      await add('agenda.pdf', at(0), 'staff:sf02', 'meeting_file')
      expect(await uploads.attach('image', ['kept.jpg'], at(2))).to.deep.equal([])

      const taken = await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 10, at(25))
      expect(namesOf(taken), 'the attached, the fresh and the other kind stay').to.deep.equal(['a-road.jpg', 'b-road.jpg'])
      expect(taken[0]).to.deep.equal({ kind: 'image', name: 'a-road.jpg', ownerId: 'mu-wang', uploadedAt: at(0), attachedAt: null, deletingAt: at(25) })
      expect(namesOf(await uploads.takeUnattached({ kind: 'meeting_file', uploadedBefore: at(24) }, 10, at(25)))).to.deep.equal(['agenda.pdf'])
    })

    it('refuses to attach an upload a deletion has taken; one attached first is never taken', async () => {
      const uploads = store().uploads
      await add('going.jpg', at(0))
      await add('saved.jpg', at(0))
      expect(await uploads.attach('image', ['saved.jpg'], at(23))).to.deep.equal([])
      expect(namesOf(await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 10, at(25)))).to.deep.equal(['going.jpg'])
      expect(await uploads.attach('image', ['saved.jpg', 'going.jpg', 'never-recorded.jpg'], at(25)), 'only the taken one').to.deep.equal(['going.jpg'])
      expect(await uploads.attach('meeting_file', ['going.jpg'], at(25)), 'a name of another kind is another upload').to.deep.equal([])
    })

    it('gives back, at the next take, the ones taken before and not forgotten; forgotten ones are gone', async () => {
      const uploads = store().uploads
      for (const name of ['p1.jpg', 'p2.jpg', 'p3.jpg']) await add(name, at(0))
      expect(namesOf(await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 2, at(25))), 'at most the limit').to.deep.equal([
        'p1.jpg',
        'p2.jpg',
      ])
      await uploads.forget('image', ['p1.jpg'])
      const again = await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 10, at(26))
      expect(namesOf(again)).to.deep.equal(['p2.jpg', 'p3.jpg'])
      expect(again[0].deletingAt, 'taken by the first run').to.deep.equal(at(25))
      expect(again[1].deletingAt).to.deep.equal(at(26))
      await uploads.forget('image', ['p2.jpg', 'p3.jpg'])
      expect(await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(48) }, 10, at(48))).to.deep.equal([])
    })

    it("takes all of one person's unattached uploads of a kind, whatever their age, and nobody else's", async () => {
      const uploads = store().uploads
      await add('hers-new.jpg', at(0), 'mu-li')
      await add('hers-kept.jpg', at(0), 'mu-li')
      await add('his.jpg', at(0), 'mu-zhao')
      await uploads.attach('image', ['hers-kept.jpg'], at(0))
      expect(namesOf(await uploads.takeUnattached({ kind: 'image', ownerId: 'mu-li' }, 10, at(0)))).to.deep.equal(['hers-new.jpg'])
      expect(await uploads.takeUnattached({ kind: 'meeting_file', ownerId: 'mu-li' }, 10, at(0))).to.deep.equal([])
    })

    it('unattaches what one attach marked under its hold, and nothing attached before, for the next take to delete', async () => {
      const uploads = store().uploads
      await add('sent-before.jpg', at(0))
      await add('refused.jpg', at(0))
      await add('both.jpg', at(0))
      await uploads.attach('image', ['sent-before.jpg', 'both.jpg'], at(1))
      // A holder refused after its attach (written nothing): its photos are let go again.
      expect(await uploads.attach('image', ['refused.jpg', 'both.jpg'], at(2), 'hold-refused')).to.deep.equal([])
      await uploads.detach('image', ['refused.jpg', 'both.jpg'], 'hold-refused')
      await uploads.detach('meeting_file', ['refused.jpg'], 'hold-refused')
      await uploads.detach('image', ['sent-before.jpg'], 'hold-other')
      await uploads.detach('image', [], 'hold-refused')
      const taken = await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 10, at(25))
      expect(namesOf(taken), 'only the one that attach marked').to.deep.equal(['refused.jpg'])
      expect(taken[0]).to.deep.include({ attachedAt: null, deletingAt: at(25) })
    })

    it('never lets go of photos another record keeps, when two records attach them in the same millisecond', async () => {
      const uploads = store().uploads
      await add('road.jpg', at(0))
      await add('lift.jpg', at(0))
      await add('park.jpg', at(0))
      // Her first proposal is stored; the second, the same photos sent again at the same instant, is refused at the cap.
      expect(await uploads.attach('image', ['road.jpg', 'lift.jpg'], at(1), 'hold-stored')).to.deep.equal([])
      expect(await uploads.attach('image', ['road.jpg', 'lift.jpg'], at(1), 'hold-refused')).to.deep.equal([])
      await uploads.detach('image', ['road.jpg', 'lift.jpg'], 'hold-refused')
      // The other way round: the refused one marked first, a message keeping the photo came next, at the same instant.
      expect(await uploads.attach('image', ['park.jpg'], at(1), 'hold-refused-2')).to.deep.equal([])
      expect(await uploads.attach('image', ['park.jpg'], at(1))).to.deep.equal([])
      await uploads.detach('image', ['park.jpg'], 'hold-refused-2')
      expect(await uploads.takeUnattached({ kind: 'image', uploadedBefore: at(24) }, 10, at(25)), 'every photo kept by a stored record').to.deep.equal([])
      expect(await uploads.takeUnattached({ kind: 'image', ownerId: 'mu-wang' }, 10, at(25))).to.deep.equal([])
    })

    it('never forgets an attached upload', async () => {
      const uploads = store().uploads
      await add('on-a-case.jpg', at(0))
      await uploads.attach('image', ['on-a-case.jpg'], at(1))
      await uploads.forget('image', ['on-a-case.jpg'])
      // Still recorded and attached: attaching again refuses nothing, and no deletion takes it.
      expect(await uploads.attach('image', ['on-a-case.jpg'], at(2))).to.deep.equal([])
      expect(await uploads.takeUnattached({ kind: 'image', ownerId: 'mu-wang' }, 10, at(48))).to.deep.equal([])
    })
  })
}
