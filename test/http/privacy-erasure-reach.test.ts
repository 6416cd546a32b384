import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { jpegWithGps } from '../helpers/images.js'
import { candidate, openCycle, propose } from '../helpers/livelihood.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { asStaff, draft } from '../helpers/suggestions.js'

/**
 * What a resident wrote outside their messages, and what others copied of their messages,
 * is in their copy of their data and goes with an erasure (PIPL arts. 45, 47): 民生实事
 * proposals and their photos, names given for public meetings, every rating comment, and
 * the words a deputy's suggestion quotes of a message — after erasure and after the
 * retention period alike.
 */
describe("a resident's data beyond their messages, in their copy and under erasure", () => {
  let app: TestApp
  afterEach(() => app.close())

  async function uploadPhoto(resident: Client) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'lift.jpg')
    const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
    return ((await answer.json()) as { url: string }).url
  }

  /** A message of the resident's, answered by its deputy and rated with a comment: closed. */
  async function ratedCase(resident: Client, text: string, comment: string) {
    const { body: c } = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(c.id))!.deputyId!)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已修复。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 5, comment })).body.status).to.equal('closed')
    return { id: c.id as string, deputy }
  }

  describe('民生实事 proposals', () => {
    beforeEach(async () => {
      app = await startApp({ directory: caseCity() })
      app.clock.set(new Date('2026-12-02T02:00:00Z'))
    })

    it('lists a proposal in the copy; erasure masks it for the office, deletes its photo and tells no one of it later', async () => {
      const office = await asAdmin(app)
      const cycle = await openCycle(office)
      const resident = await asResident(app)
      const photo = await uploadPhoto(resident)
      const words = { title: '和平路8号加装电梯', description: '我叫张三，电话13812345678，住和平路8号，想加装电梯', reason: '本人张三反映老人上下楼难' }
      const { id } = await propose(resident, cycle.id, { ...words, photos: [photo] })

      const copy = (await resident.get('/api/mp/me/export')).body
      expect(copy.proposals).to.have.length(1)
      expect(copy.proposals[0]).to.deep.include({ id, cycleId: cycle.id, cycleTitle: '2027年市民生实事项目', ...words, place: '建设路社区', photos: [photo] })
      expect(copy.proposals[0].stateText).to.be.a('string').and.not.equal('')

      expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)
      const [seen] = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items
      expect(seen, 'the office still has the proposal to curate, without the person in it').to.deep.include({
        id,
        source: 'resident',
        title: '和平路（门牌号已隐去）加装电梯',
        description: '我叫某某，电话（已隐去），住和平路（门牌号已隐去），想加装电梯',
        place: '建设路社区',
        reason: '本人某某反映老人上下楼难',
        photoCount: 0,
      })
      expect(app.liaison.services.uploads.pathOf(photo), 'the photo file').to.equal(null)
      expect(await app.liaison.store.livelihood.listProposalsBy({ mpUserId: resident.userId }), 'linked to the erased account').to.deep.equal([])

      // Taken into a candidate afterwards: nobody is left to tell, and no message goes astray.
      await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [id] })
      const messages = (await app.liaison.store.outbox.search({ kind: 'livelihood.proposal', limit: 10 })).items
      expect(messages.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal([])
    })
  })

  describe('the words a deputy’s suggestion quotes of a message', () => {
    beforeEach(async () => {
      app = await startApp({ directory: caseCity() })
      app.clock.set(new Date('2026-11-23T02:00:00Z'))
    })

    async function suggestionLinking(caseId: string) {
      const deputy = await asDeputy(app, (await app.liaison.store.cases.get(caseId))!.deputyId!)
      const created = await deputy.post('/api/mp/deputy/suggestions', draft({ caseIds: [caseId] }))
      expect(created.status, JSON.stringify(created.body)).to.equal(201)
      expect((await deputy.post(`/api/mp/deputy/suggestions/${created.body.id}/submit`)).status).to.equal(200)
      return { id: created.body.id as string, deputy }
    }

    async function expectMaskedFor(suggestionId: string, deputy: Client, caseId: string) {
      const office = await asStaff(app, 'sunli')
      for (const [who, reader] of [
        ['deputy', deputy],
        ['office', office],
      ] as const) {
        const path = who === 'deputy' ? `/api/mp/deputy/suggestions/${suggestionId}` : `/api/admin/suggestions/${suggestionId}`
        const answer = await reader.get(path)
        expect(answer.status, who).to.equal(200)
        expect(answer.body, `${who}: the suggestion itself reads as written`).to.deep.include({ title: draft().title, body: draft().body })
        expect(
          answer.body.cases.map((c: { id: string; title: string }) => [c.id, c.title]),
          who,
        ).to.deep.equal([[caseId, '我叫某某电话（已隐去）反映路灯不亮的问题…']])
      }
    }

    it('shows the linked message masked to the deputy and the office once its resident is erased', async () => {
      const resident = await asResident(app)
      const { body: c } = await resident.post('/api/mp/cases', { text: '我叫张三电话13812345678反映路灯不亮的问题，晚上出门不安全', regionId: 'c010101' })
      const { id, deputy } = await suggestionLinking(c.id)
      // Masked from the start (co-signers of any district read it); erasure rewrites what is stored too (contract-privacy).
      expect((await deputy.get(`/api/mp/deputy/suggestions/${id}`)).body.cases[0].title, 'before').to.equal('我叫某某电话（已隐去）反映路灯不亮的问题…')

      expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)
      await expectMaskedFor(id, deputy, c.id)
    })

    it('shows it masked once the retention period anonymises the message', async () => {
      const resident = await asResident(app)
      const { id: caseId } = await ratedCase(resident, '我叫张三电话13812345678反映路灯不亮的问题，晚上出门不安全', '好')
      const { id, deputy } = await suggestionLinking(caseId)

      expect(await app.liaison.services.erasure.anonymiseFinishedBefore(new Date('2030-01-01T00:00:00Z'), 100)).to.deep.equal({ anonymised: 1, more: false })
      await expectMaskedFor(id, deputy, caseId)
    })
  })

  describe('rating comments', () => {
    beforeEach(async () => {
      app = await startApp({ directory: caseCity() })
      app.clock.set(new Date('2026-11-23T02:00:00Z'))
    })

    it('masks the comment in every rating the console shows once the resident is erased', async () => {
      const resident = await asResident(app)
      const { id } = await ratedCase(resident, '路灯不亮', '我叫张三，电话13812345678随时可联系')
      expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)

      const seen = (await (await asAdmin(app)).get(`/api/admin/cases/${id}`)).body
      expect(seen.ratingComment).to.equal('我叫某某，电话（已隐去）随时可联系')
      expect(seen.ratings.map((r: { rating: number; comment: string }) => [r.rating, r.comment])).to.deep.equal([[5, '我叫某某，电话（已隐去）随时可联系']])
    })

    it('masks it too when the retention period anonymises the message', async () => {
      const resident = await asResident(app)
      const { id } = await ratedCase(resident, '路灯不亮', '电话13812345678')
      expect(await app.liaison.services.erasure.anonymiseFinishedBefore(new Date('2030-01-01T00:00:00Z'), 100)).to.deep.equal({ anonymised: 1, more: false })

      const seen = (await (await asAdmin(app)).get(`/api/admin/cases/${id}`)).body
      expect(seen.ratingComment).to.equal('电话（已隐去）')
      expect(seen.ratings.map((r: { rating: number; comment: string }) => [r.rating, r.comment])).to.deep.equal([[5, '电话（已隐去）']])
    })
  })

  describe('public meeting registrations (公民旁听)', () => {
    beforeEach(async () => {
      app = await startApp({ directory: meetingCity() })
      app.clock.set(new Date('2026-11-19T02:00:00Z'))
    })

    it('lists the registration in the copy; erasure masks the name given and unlinks it, the seat still taken', async () => {
      const office = await asAdmin(app)
      const created = await office.post('/api/admin/meetings', meetingBody({ publicSeats: 3 }))
      expect(created.status).to.equal(201)
      expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
      const resident = await asResident(app)
      expect((await resident.post(`/api/mp/public-meetings/${created.body.id}/registrations`, { name: '王建国' })).status).to.equal(201)

      const copy = (await resident.get('/api/mp/me/export')).body
      expect(copy.publicMeetings).to.deep.equal([
        {
          meetingId: created.body.id,
          title: '市人大常委会第十次会议',
          startsAt: '2026-11-26T01:30:00.000Z',
          name: '王建国',
          registeredAt: '2026-11-19T02:00:00.000Z',
        },
      ])

      expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)
      const held = await app.liaison.store.meetings.publicRegistrations(created.body.id)
      expect(
        held.map((r) => r.name),
        'the list the office prints for the door',
      ).to.deep.equal(['某某'])
      expect(held[0].mpUserId).not.to.equal(resident.userId)
      const other = await asResident(app)
      const [listed] = (await other.get('/api/mp/public-meetings')).body.items
      expect(listed, 'the seat stays taken').to.deep.include({ id: created.body.id, publicSeats: 3, seatsLeft: 2 })
    })
  })
})
