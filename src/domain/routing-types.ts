/**
 * The shapes routing works on. Routing is a pure function (src/domain/routing.ts): it
 * takes a message, a prepared index of the directory, the open-case load of deputies
 * and the time, and says where the message goes and why.
 */
import type { Deputy, Region, Station } from './directory.js'
import type { TopicClassifier } from './topics.js'

export interface RoutingInput {
  text: string
  /** The resident's place, at any level (district … grid). May be unknown or missing. */
  regionId?: string | null
  /** From a deputy's or station's QR code or link. Unknown codes are ignored with a reason. */
  deputyCode?: string | null
  stationCode?: string | null
  /**
   * The resident typed the deputy's name or code (the chat bot) rather than scanning a
   * poster: the reason then says "居民指定", and the resident reads "您指定了…代表".
   */
  targetTyped?: boolean
  /**
   * The resident chose the deputy or station inside the mini-program (找我的代表's station card, 再写一条,
   * 给联络站留言) rather than scanning its code: the reason says "居民选择", and she reads "您选择了该站" (or,
   * when it is the station covering her place, "您所在社区由该站联系"), never a QR code she did not scan.
   */
  targetChosen?: boolean
  /** A deputy who wrote the message themselves (a suggestion turned into a message): never given it. */
  notDeputyId?: string | null
  /** When the message was written: picks the deputy on duty that date (business time zone). */
  at: Date
}

/** What routing needs of the directory; phones are never part of it. */
export interface RoutingDirectory {
  regions: Region[]
  stations: Station[]
  /** `active` false: left office, never routed a message; absent means in office. */
  /** `away`: 暂停接收留言 on some dates (domain/deputy-away.ts): routing gives them no new message on those dates. */
  deputies: Array<Pick<Deputy, 'id' | 'code' | 'name' | 'level' | 'stationIds' | 'topics' | 'dutyByStation' | 'away'> & { active?: boolean }>
  /** business.officeName: what the whole installation's office is called (null or absent: found from the regions, office-name.ts). */
  officeName?: string | null
}

export type RoutingRule = 'explicit' | 'place' | 'topic' | 'duty' | 'load' | 'fallback'

export interface RoutingReason {
  rule: RoutingRule
  /** Machine-readable, e.g. "deputy_code", "unknown_deputy_code", "deputy_left_office", "deputy_away", "away_skipped", "covering_station", "on_duty", "fewest_open", "at_capacity", "station_queue", "district_office", "city_office". */
  code: string
  /** Plain Chinese, shown to staff. */
  message: string
}

export interface RoutingDecision {
  stationId: string | null
  deputyId: string | null
  topic: string
  /** The district whose congress office takes the case when no station does; null for the city office or when a station takes it. */
  officeRegionId: string | null
  reasons: RoutingReason[]
}

export interface RoutingOptions {
  timeZone: string
  /** Open cases at which a deputy is passed over. */
  deputyCapacity: number
  topics: readonly string[]
  /** topic → keywords; the text is classified by these when no `classifyTopic` is given. */
  topicKeywords: Readonly<Record<string, readonly string[]>>
  /** The office's learned classifier (src/domain/topic-model.ts), the keywords kept as its prior. */
  classifyTopic?: TopicClassifier
}
