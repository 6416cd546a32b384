import type { AudienceSelector, CampaignRecord } from '../../domain/campaign.js'
import type { CampaignDoc } from './campaign-models.js'

// Every field picked by name, as records.ts does, so no `_id` or stray field leaks out.

function audienceOf(a: AudienceSelector | undefined): AudienceSelector {
  const out: AudienceSelector = {}
  if (a?.levels) out.levels = [...a.levels]
  if (a?.stationIds) out.stationIds = [...a.stationIds]
  if (a?.districtIds) out.districtIds = [...a.districtIds]
  if (a?.deputyIds) out.deputyIds = [...a.deputyIds]
  if (a?.staff != null) out.staff = a.staff
  if (a?.followers != null) out.followers = a.followers
  return out
}

export const campaignToDoc = (c: CampaignRecord): CampaignDoc => ({
  _id: c.id,
  title: c.title,
  description: c.description,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  audience: audienceOf(c.audience),
  scopeDistrictIds: [...c.scopeDistrictIds],
  repeat: c.repeat,
  seriesId: c.seriesId,
  period: c.period,
  adoptedFrom: c.adoptedFrom,
  areaId: c.areaId,
  level: c.level,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
})
export const campaignFromDoc = (d: CampaignDoc): CampaignRecord => ({
  id: d._id,
  title: d.title,
  description: d.description,
  startsAt: new Date(d.startsAt),
  endsAt: new Date(d.endsAt),
  audience: audienceOf(d.audience),
  scopeDistrictIds: [...(d.scopeDistrictIds ?? [])],
  repeat: d.repeat ?? null,
  seriesId: d.seriesId ?? null,
  period: d.period ?? null,
  adoptedFrom: d.adoptedFrom ?? null,
  areaId: d.areaId ?? null,
  level: d.level ?? (d.scopeDistrictIds?.length ? 'district' : 'city'),
  createdBy: d.createdBy,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
})
