import type { CampaignRecord, CheckInRecord, ReachRecord, ReadReceipt, ReadingItem } from '../../domain/campaign.js'

// better-sqlite3 rows are untyped; these mappers are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const date = (v: string | null) => (v === null ? null : new Date(v))

export const CAMPAIGN_COLUMNS = [
  'id',
  'title',
  'description',
  'starts_at',
  'ends_at',
  'audience',
  'followers_open',
  'scope_district_ids',
  'created_by',
  'created_at',
  'updated_at',
  'repeat',
  'series_id',
  'period',
  'adopted_from',
  'area_id',
  'level',
] as const
export const ITEM_COLUMNS = [
  'id',
  'campaign_id',
  'title',
  'summary',
  'body',
  'link',
  'source',
  'required',
  'publish_at',
  'published_at',
  'created_by',
  'created_at',
  'withdrawn_at',
  'draft',
] as const

export const campaignToRow = (c: CampaignRecord): Record<(typeof CAMPAIGN_COLUMNS)[number], unknown> => ({
  id: c.id,
  title: c.title,
  description: c.description,
  starts_at: c.startsAt.toISOString(),
  ends_at: c.endsAt.toISOString(),
  audience: JSON.stringify(c.audience),
  followers_open: c.audience.followers ? 1 : 0,
  scope_district_ids: JSON.stringify(c.scopeDistrictIds),
  created_by: c.createdBy,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
  repeat: c.repeat,
  series_id: c.seriesId,
  period: c.period,
  adopted_from: c.adoptedFrom,
  area_id: c.areaId,
  level: c.level,
})

export const campaignFromRow = (r: Row): CampaignRecord => ({
  id: r.id,
  title: r.title,
  description: r.description,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  audience: JSON.parse(r.audience),
  scopeDistrictIds: JSON.parse(r.scope_district_ids),
  repeat: r.repeat ?? null,
  seriesId: r.series_id ?? null,
  period: r.period ?? null,
  adoptedFrom: r.adopted_from ?? null,
  areaId: r.area_id ?? null,
  level: r.level,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
})

export const itemToRow = (i: ReadingItem): Record<(typeof ITEM_COLUMNS)[number], unknown> => ({
  id: i.id,
  campaign_id: i.campaignId,
  title: i.title,
  summary: i.summary,
  body: i.body,
  link: i.link,
  source: i.source,
  required: i.required ? 1 : 0,
  publish_at: i.publishAt.toISOString(),
  published_at: i.publishedAt?.toISOString() ?? null,
  created_by: i.createdBy,
  created_at: i.createdAt.toISOString(),
  withdrawn_at: i.withdrawnAt?.toISOString() ?? null,
  draft: i.draft ? 1 : 0,
})

export const itemFromRow = (r: Row): ReadingItem => ({
  id: r.id,
  campaignId: r.campaign_id,
  title: r.title,
  summary: r.summary,
  body: r.body,
  link: r.link,
  source: r.source,
  required: r.required === 1,
  publishAt: new Date(r.publish_at),
  publishedAt: date(r.published_at),
  withdrawnAt: date(r.withdrawn_at ?? null),
  draft: r.draft === 1,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
})

export const reachFromRow = (r: Row): ReachRecord => ({
  itemId: r.item_id,
  campaignId: r.campaign_id,
  personKind: r.person_kind,
  personId: r.person_id,
  stationId: r.station_id,
  districtId: r.district_id,
  reachedAt: new Date(r.reached_at),
})

export const readFromRow = (r: Row): ReadReceipt => ({
  itemId: r.item_id,
  campaignId: r.campaign_id,
  personKind: r.person_kind,
  personId: r.person_id,
  readAt: new Date(r.read_at),
})

export const checkInFromRow = (r: Row): CheckInRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  itemId: r.item_id,
  personKind: r.person_kind,
  personId: r.person_id,
  slot: r.slot,
  reflection: r.reflection,
  at: new Date(r.at),
})
