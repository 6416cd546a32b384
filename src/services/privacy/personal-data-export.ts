import type { Clock } from '../../clock.js'
import { proposalStateWords, type LivelihoodProposal } from '../../domain/livelihood.js'
import { MEETING_STATUSES } from '../../domain/meeting.js'
import { NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { CaseDetail, CaseQueries } from '../cases/case-queries.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { PrivacyService } from './privacy.js'
import { surveyAnswersInWords, type SurveyAnswersInWords } from './survey-answers-in-words.js'

/** Beside an empty phone in her copy: a number was kept but cannot be read. */
export const PHONE_UNREADABLE_NOTE = '留下的电话号码无法读取，请联系联络站'

/** Everything held about one person, as the export route presents it. */
export interface PersonalData {
  exportedAt: Date
  account: {
    id: string
    createdAt: Date
    phone: string | null
    /** Why `phone` is empty though one was kept: it will not open. */
    phoneNote: string | null
    deputy: { code: string; name: string; level: string } | null
    consent: { version: string; at: Date | null } | null
    /**
     * Her WeChat chat with the bot: whether it goes on as this account, and, when she joined it here (chat-join.ts),
     * which WeChat (its name as the bot knew it when it asked) and since when.
     */
    chatBot: { linked: boolean; joined: { name: string | null; at: Date } | null }
  }
  consentHistory: Array<{ action: string; version: string | null; at: Date }>
  /** `placeWords`: the place she chose in words, 区 · 街道 · 社区 (null when she chose none). */
  cases: Array<{ detail: CaseDetail; phone: string | null; phoneNote: string | null; placeWords: string | null }>
  subscriptions: Awaited<ReturnType<Store['privacy']['subscriptionsOf']>>
  /** Her answers as stored, and in words: the questions and what she chose or wrote. */
  surveyAnswers: Array<Awaited<ReturnType<Store['privacy']['surveyAnswersOf']>>[number] & { words: SurveyAnswersInWords }>
  /** Each attempt with the quiz's title, so her copy says which quiz it was. */
  quizAttempts: Array<Awaited<ReturnType<Store['privacy']['quizAttemptsOf']>>[number] & { quizTitle: string }>
  /** What she read, by title (the campaign's and the material's), beside the ids. */
  reading: {
    campaignsFollowed: string[]
    followedTitles: string[]
    reached: Array<{ itemId: string; campaignId: string; reachedAt: Date; title: string; campaignTitle: string }>
    read: Array<{ itemId: string; campaignId: string; readAt: Date; title: string; campaignTitle: string }>
    checkIns: Array<{ campaignId: string; itemId: string | null; reflection: string | null; campaignTitle: string }>
  }
  meetings: Array<{ meetingId: string; title: string; startsAt: Date; rsvp: string; reason: string | null; rsvpAt: Date | null; checkedInAt: Date | null }>
  /** 民生实事 proposals the person made (and, bound as a deputy, made as one), newest first. */
  proposals: Array<{ proposal: LivelihoodProposal; cycleTitle: string; stateText: string }>
  /** Seats taken at public meetings (公民旁听), with the name given, oldest first. */
  publicMeetings: Array<{ meetingId: string; title: string; startsAt: Date | null; name: string; registeredAt: Date }>
}

/** What PersonalDataExport is built from (one object: the parameters are many). */
export interface PersonalDataExportDeps {
  store: Pick<Store, 'campaigns' | 'cases' | 'chatJoins' | 'deputies' | 'livelihood' | 'meetings' | 'mpUsers' | 'privacy' | 'quizzes' | 'regions' | 'surveys'>
  queries: CaseQueries
  privacy: PrivacyService
  cipher: PiiCipher
  clock: Clock
}

/**
 * A person's copy of their data (PIPL art. 45): their account with the phone decrypted for
 * them, consent history, every message with its timeline and rating, subscriptions, survey
 * answers, quiz attempts, reading, a deputy's meeting replies, 民生实事 proposals and public
 * meeting registrations.
 */
export class PersonalDataExport {
  private readonly store: Pick<
    Store,
    'campaigns' | 'cases' | 'chatJoins' | 'deputies' | 'livelihood' | 'meetings' | 'mpUsers' | 'privacy' | 'quizzes' | 'regions' | 'surveys'
  >
  private readonly queries: CaseQueries
  private readonly privacy: PrivacyService
  private readonly cipher: PiiCipher
  private readonly clock: Clock

  constructor(deps: PersonalDataExportDeps) {
    ;({ store: this.store, queries: this.queries, privacy: this.privacy, cipher: this.cipher, clock: this.clock } = deps)
  }

  async export(person: MpPrincipal): Promise<PersonalData> {
    const user = await this.store.mpUsers.get(person.id)
    if (!user) throw new NotFoundError('用户不存在')
    const deputy = user.deputyId ? await this.store.deputies.get(user.deputyId) : null
    const joined = user.botContactId ? await this.store.chatJoins.joined(user.id) : null
    const readers = [{ kind: 'mp_user' as const, id: user.id }, ...(deputy ? [{ kind: 'deputy' as const, id: deputy.id }] : [])]
    return {
      exportedAt: this.clock.now(),
      account: {
        id: user.id,
        createdAt: user.createdAt,
        ...this.phone(user.phoneEnc, user.id),
        deputy: deputy ? { code: deputy.code, name: deputy.name, level: deputy.level } : null,
        consent: user.consentVersion ? { version: user.consentVersion, at: user.consentAt } : null,
        chatBot: { linked: Boolean(user.botContactId), joined: joined ? { name: joined.chatName, at: joined.joinedAt } : null },
      },
      consentHistory: await this.privacy.consentHistory(user.id),
      cases: await this.cases(person),
      subscriptions: await this.store.privacy.subscriptionsOf(user.id),
      surveyAnswers: await this.surveyAnswers(user.id),
      quizAttempts: await this.quizAttempts(readers),
      reading: await this.titled(await this.reading(readers)),
      meetings: deputy ? await this.meetings(deputy.id) : [],
      proposals: await this.proposals(user.id, deputy?.id ?? null),
      publicMeetings: await this.publicMeetings(user.id),
    }
  }

  private async proposals(mpUserId: string, deputyId: string | null): Promise<PersonalData['proposals']> {
    const { livelihood } = this.store
    const made = [...(await livelihood.listProposalsBy({ mpUserId })), ...(deputyId ? await livelihood.listProposalsBy({ deputyId }) : [])]
    return Promise.all(
      made.map(async (proposal) => ({
        proposal,
        cycleTitle: (await livelihood.getCycle(proposal.cycleId))?.title ?? '',
        stateText: proposalStateWords(proposal, proposal.projectId ? await livelihood.getProject(proposal.projectId) : null),
      })),
    )
  }

  /** Each answered questionnaire read with its questions, so her copy says what she was asked and what she answered. */
  private async surveyAnswers(mpUserId: string): Promise<PersonalData['surveyAnswers']> {
    const held = await this.store.privacy.surveyAnswersOf(mpUserId)
    const surveys = new Map(await Promise.all([...new Set(held.map((a) => a.surveyId))].map(async (id) => [id, await this.store.surveys.get(id)] as const)))
    return held.map((a) => ({ ...a, words: surveyAnswersInWords(surveys.get(a.surveyId) ?? null, a.answers, a.comments) }))
  }

  private async publicMeetings(mpUserId: string): Promise<PersonalData['publicMeetings']> {
    const held = await this.store.privacy.publicRegistrationsOf(mpUserId)
    return Promise.all(
      held.map(async (r) => {
        const meeting = await this.store.meetings.get(r.meetingId)
        return { meetingId: r.meetingId, title: meeting?.title ?? '', startsAt: meeting?.startAt ?? null, name: r.name, registeredAt: r.createdAt }
      }),
    )
  }

  private async quizAttempts(readers: Array<{ kind: 'mp_user' | 'deputy'; id: string }>): Promise<PersonalData['quizAttempts']> {
    const held = await this.store.privacy.quizAttemptsOf(readers)
    const titles = new Map<string, string>()
    for (const id of new Set(held.map((a) => a.quizId))) titles.set(id, (await this.store.quizzes.get(id))?.title ?? '')
    return held.map((a) => ({ ...a, quizTitle: titles.get(a.quizId) ?? '' }))
  }

  /** The reading record with titles: "打开过的材料：N 篇" tells her nothing of what she read. */
  private async titled(reading: Awaited<ReturnType<PersonalDataExport['reading']>>): Promise<PersonalData['reading']> {
    const campaignIds = [...new Set([...reading.campaignsFollowed, ...reading.reached.map((r) => r.campaignId), ...reading.checkIns.map((c) => c.campaignId)])]
    const campaigns = new Map((await this.store.campaigns.getMany(campaignIds)).map((c) => [c.id, c.title]))
    const items = new Map((await this.store.campaigns.getItems([...new Set(reading.reached.map((r) => r.itemId))])).map((i) => [i.id, i.title]))
    const named = <T extends { itemId: string | null; campaignId: string }>(r: T) => ({
      ...r,
      title: (r.itemId && items.get(r.itemId)) || '',
      campaignTitle: campaigns.get(r.campaignId) ?? '',
    })
    return {
      campaignsFollowed: reading.campaignsFollowed,
      followedTitles: reading.campaignsFollowed.map((id) => campaigns.get(id) ?? ''),
      reached: reading.reached.map(named),
      read: reading.read.map(named),
      checkIns: reading.checkIns.map((c) => ({ ...c, campaignTitle: campaigns.get(c.campaignId) ?? '' })),
    }
  }

  /** The place as she would say it: district, street, community names from the region chain. */
  private placeWords(regionId: string | null, regions: Map<string, { name: string; parentId: string | null }>) {
    const names: string[] = []
    for (let r = regionId ? regions.get(regionId) : undefined; r && names.length < 6; r = r.parentId ? regions.get(r.parentId) : undefined)
      names.unshift(r.name)
    return names.length ? names.join(' · ') : null
  }

  private async cases(person: MpPrincipal) {
    const out: PersonalData['cases'] = []
    const regions = new Map((await this.store.regions.list()).map((r) => [r.id, r]))
    let cursor: string | null = null
    do {
      const page = await this.store.cases.search({ residentId: person.id, limit: 100, cursor })
      for (const c of page.items) {
        const detail = await this.queries.forResident(person, c.id)
        out.push({ detail, ...this.phone(c.phoneEnc, c.id), placeWords: this.placeWords(c.regionId ?? c.communityId, regions) })
      }
      cursor = page.nextCursor
    } while (cursor)
    return out
  }

  /** A kept number that will not open leaves the copy's cell empty, said why, instead of failing her whole copy. */
  private phone(envelope: string | null, recordId: string) {
    const phone = envelope ? this.cipher.tryDecrypt(envelope, recordId) : null
    return { phone, phoneNote: envelope && phone === null ? PHONE_UNREADABLE_NOTE : null }
  }

  private async reading(readers: Array<{ kind: 'mp_user' | 'deputy'; id: string }>) {
    const reading = {
      campaignsFollowed: [] as string[],
      reached: [] as Array<{ itemId: string; campaignId: string; reachedAt: Date }>,
      read: [] as Array<{ itemId: string; campaignId: string; readAt: Date }>,
      checkIns: [] as Array<{ campaignId: string; itemId: string | null; reflection: string | null }>,
    }
    for (const reader of readers) {
      const followed = await this.store.campaigns.followedBy(reader)
      const reached = await this.store.campaigns.reachFor(reader, {})
      const campaignIds = [...new Set([...followed, ...reached.map((r) => r.campaignId)])]
      reading.campaignsFollowed.push(...followed)
      reading.reached.push(...reached.map((r) => ({ itemId: r.itemId, campaignId: r.campaignId, reachedAt: r.reachedAt })))
      reading.read.push(
        ...(
          await this.store.campaigns.readsFor(
            reader,
            reached.map((r) => r.itemId),
          )
        ).map((r) => ({ itemId: r.itemId, campaignId: r.campaignId, readAt: r.readAt })),
      )
      reading.checkIns.push(
        ...(await this.store.campaigns.checkInsFor(reader, campaignIds)).map((c) => ({ campaignId: c.campaignId, itemId: c.itemId, reflection: c.reflection })),
      )
    }
    return reading
  }

  private async meetings(deputyId: string) {
    const held = await this.store.meetings.invitationsOf({ kind: 'deputy', id: deputyId }, { statuses: [...MEETING_STATUSES] })
    return held.map(({ meeting, invitation }) => ({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startAt,
      rsvp: invitation.rsvp,
      reason: invitation.reason,
      rsvpAt: invitation.rsvpAt,
      checkedInAt: invitation.checkedInAt,
    }))
  }
}
