import { phoneWord } from '../../domain/phone.js'
import type { PersonalData } from '../../services/privacy/personal-data-export.js'
import type { ReadingTime } from './cases.js'
import { presentExportedCase } from './resident-cases.js'

const iso = (d: Date | null) => d?.toISOString() ?? null

/** A person's copy of their data: every field named, times as ISO 8601. */
export const presentPersonalData = (d: PersonalData, at: ReadingTime) => ({
  exportedAt: d.exportedAt.toISOString(),
  account: {
    id: d.account.id,
    createdAt: d.account.createdAt.toISOString(),
    phone: d.account.phone,
    /** What her number is called on her page and in her copy: "手机号" for a mobile, "电话" for a landline. */
    phoneWord: phoneWord(d.account.phone),
    phoneNote: d.account.phoneNote,
    deputy: d.account.deputy,
    consent: d.account.consent ? { version: d.account.consent.version, at: iso(d.account.consent.at) } : null,
    // Which WeChat chat is joined here, by the name the bot knew it by, and since when (null: none joined).
    chatBot: {
      linked: d.account.chatBot.linked,
      joined: d.account.chatBot.joined ? { name: d.account.chatBot.joined.name, joinedAt: d.account.chatBot.joined.at.toISOString() } : null,
    },
  },
  consentHistory: d.consentHistory.map((h) => ({
    action: h.action,
    label: h.action === 'given' ? '同意' : '撤回同意',
    version: h.version,
    at: h.at.toISOString(),
  })),
  cases: d.cases.map(({ detail, phone, phoneNote, placeWords }) => ({ ...presentExportedCase(detail, phone, at), placeWords, phoneNote })),
  subscriptions: d.subscriptions.map((s) => ({ templateId: s.templateId, oneTimeLeft: s.oneTime, longTerm: s.longTerm, updatedAt: s.updatedAt.toISOString() })),
  surveyAnswers: d.surveyAnswers.map((a) => ({
    surveyId: a.surveyId,
    title: a.words.title,
    kindLabel: a.words.kindLabel,
    answers: a.answers,
    comments: a.comments,
    answered: a.words.answered.map((q) => ({ question: q.question, answer: q.answer })),
    commented: a.words.commented.map((c) => ({ article: c.article, comment: c.comment })),
    createdAt: a.createdAt.toISOString(),
  })),
  quizAttempts: d.quizAttempts.map((a) => ({
    quizId: a.quizId,
    quizTitle: a.quizTitle,
    number: a.number,
    status: a.status,
    score: a.score,
    maxScore: a.maxScore,
    startedAt: a.startedAt.toISOString(),
    finishedAt: iso(a.finishedAt),
  })),
  reading: {
    campaignsFollowed: d.reading.campaignsFollowed,
    followedTitles: d.reading.followedTitles,
    reached: d.reading.reached.map((r) => ({
      itemId: r.itemId,
      campaignId: r.campaignId,
      title: r.title,
      campaignTitle: r.campaignTitle,
      reachedAt: r.reachedAt.toISOString(),
    })),
    read: d.reading.read.map((r) => ({
      itemId: r.itemId,
      campaignId: r.campaignId,
      title: r.title,
      campaignTitle: r.campaignTitle,
      readAt: r.readAt.toISOString(),
    })),
    checkIns: d.reading.checkIns.map((c) => ({ campaignId: c.campaignId, campaignTitle: c.campaignTitle, itemId: c.itemId, reflection: c.reflection })),
  },
  meetings: d.meetings.map((m) => ({
    meetingId: m.meetingId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    rsvp: m.rsvp,
    reason: m.reason,
    rsvpAt: iso(m.rsvpAt),
    checkedInAt: iso(m.checkedInAt),
  })),
  proposals: d.proposals.map(({ proposal: p, cycleTitle, stateText }) => ({
    id: p.id,
    cycleId: p.cycleId,
    cycleTitle,
    title: p.title,
    description: p.description,
    place: p.place,
    reason: p.reason,
    photos: p.photos,
    status: p.status,
    stateText,
    createdAt: p.createdAt.toISOString(),
  })),
  publicMeetings: d.publicMeetings.map((r) => ({
    meetingId: r.meetingId,
    title: r.title,
    startsAt: iso(r.startsAt),
    name: r.name,
    registeredAt: r.registeredAt.toISOString(),
  })),
})
