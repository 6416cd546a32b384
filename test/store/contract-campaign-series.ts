import { expect } from 'chai'
import type { CampaignRecord } from '../../src/domain/campaign.js'
import { ConflictError } from '../../src/errors.js'
import type { OutboxMessage, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { campaignRecord } from './contract-campaigns.js'

const T0 = new Date('2026-11-22T02:00:00Z')

const notice = (dedupeKey: string, recipientId: string): OutboxMessage => ({
  id: `ob-${dedupeKey}`,
  channel: 'auto',
  recipientKind: 'deputy',
  recipientId,
  kind: 'campaign.period_opened',
  payload: { text: '本月学习' },
  dedupeKey,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
})

/** 每月一次、上下同题 in the store: issues of a series opened once each, adoptions once per area. */
export function campaignSeriesContract(store: () => Store) {
  const repo = () => store().campaigns
  const series = (over: Partial<CampaignRecord> = {}) => campaignRecord({ repeat: 'monthly', scopeDistrictIds: [], level: 'city', ...over })
  const issue = (s: CampaignRecord, period: string, over: Partial<CampaignRecord> = {}): CampaignRecord => ({
    ...s,
    id: `${s.id}-${period}`,
    repeat: null,
    seriesId: s.id,
    period,
    ...over,
  })

  describe('monthly issues and adoptions', () => {
    it('opens a series’ issue of a month once, with its notices; a second opening writes nothing', async () => {
      const s = await repo().create(series())
      expect(await repo().get(s.id)).to.deep.equal(s)
      const december = issue(s, '2026-12')
      expect(await repo().openPeriod(december, [notice(`${december.id}:dp1`, 'dp1')])).to.equal(true)
      expect(await repo().get(december.id)).to.deep.equal(december)
      const again = issue(s, '2026-12', { id: `${s.id}-other` })
      expect(await repo().openPeriod(again, [notice(`${again.id}:dp1`, 'dp1')]), 'same series and month').to.equal(false)
      expect(await repo().get(again.id)).to.equal(null)
      const sent = (await store().outbox.search({ limit: 10, kind: 'campaign.period_opened' })).items.map((m) => m.dedupeKey)
      expect(sent).to.deep.equal([`${december.id}:dp1`])

      const november = issue(s, '2026-11')
      expect(await repo().openPeriod(november, [])).to.equal(true)
      expect((await repo().periodsOf(s.id)).map((c) => c.period)).to.deep.equal(['2026-12', '2026-11'])
      expect((await repo().periodsIn('2026-12')).map((c) => c.id))
        .to.include(december.id)
        .and.not.include(november.id)
    })

    it('lists the series not ended, the city’s before the local ones', async () => {
      const city = await repo().create(series({ id: 'cp-zz-city' }))
      const local = await repo().create(series({ id: 'cp-aa-local', adoptedFrom: city.id, areaId: 'd01', level: 'district', scopeDistrictIds: ['d01'] }))
      await repo().create(series({ id: 'cp-ended', endsAt: new Date(T0.getTime() - 1) }))
      await repo().create(campaignRecord({ id: 'cp-one-off' }))
      const ids = (await repo().repeating(T0)).map((c) => c.id).filter((id) => [city.id, local.id, 'cp-ended', 'cp-one-off'].includes(id))
      expect(ids).to.deep.equal([city.id, local.id])
      const followable = (await repo().followable(T0)).map((c) => c.id)
      expect(followable, 'a series is followed issue by issue').to.include('cp-one-off').and.not.include(city.id)
    })

    it('keeps one adoption per city campaign and area', async () => {
      const city = await repo().create(campaignRecord({ scopeDistrictIds: [], level: 'city' }))
      const local = (id: string, areaId: string) =>
        campaignRecord({ id, adoptedFrom: city.id, areaId, level: 'district', scopeDistrictIds: [areaId], audience: { districtIds: [areaId] } })
      const d01 = await repo().create(local('cp-adopt-d01', 'd01'))
      const s0101 = await repo().create(local('cp-adopt-s0101', 's0101'))
      expect(await rejects(repo().create(local('cp-adopt-d01-again', 'd01')))).to.be.instanceOf(ConflictError)
      expect(await repo().adoptionsOf(city.id)).to.deep.equal([d01, s0101])
      expect(await repo().adoptionsOf(d01.id)).to.deep.equal([])
    })
  })
}
