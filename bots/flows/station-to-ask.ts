import type { StationToAsk } from '../client.js'
import { lines, type Turn } from './turn.js'

/**
 * Where staff must act for a resident (a phone written into a chat message is theirs to correct: the chat has no
 * tool for it), she is told which station and how to get there: its name, address and reception days, from the
 * directory, for the stations her messages went to. "请告诉联络站的工作人员" alone leaves her asking which one.
 */

/** At most this many of her stations are named: more is a list she will not read. */
const STATIONS_NAMED = 3

/** "轻工街道代表联络站（建设路1号，每星期三接待）": the station, where it is and when someone is there (in the server's words). */
function stationWords(s: StationToAsk): string {
  const about = [s.address.trim(), s.receptionText ?? ''].filter(Boolean).join('，')
  return about ? `${s.name}（${about}）` : s.name
}

/** The stations handling her messages, latest first; none when she has written none, or the backend cannot say now. */
export async function stationsToAsk(turn: Turn): Promise<StationToAsk[]> {
  return (await turn.client.stationsToAsk(turn.person.personId).catch(() => [])).slice(0, STATIONS_NAMED)
}

/** Whom she tells, in a sentence: "轻工街道代表联络站（建设路1号，每星期三接待）的工作人员", or any station's when none is known. */
export async function staffToTell(turn: Turn): Promise<string> {
  const stations = await stationsToAsk(turn)
  return stations.length === 1 ? `${stationWords(stations[0])}的工作人员` : stations.length ? '办理您留言的联络站的工作人员' : '联络站的工作人员'
}

/**
 * "我想改一下电话", "我电话换了": what she can do about the phone she left, and how. In the chat a phone is part of the
 * words of a message, which nobody but the station's staff can change for her: she is told which station, where,
 * and what to bring (the message's number and the new phone). With no message, no phone is kept at all.
 */
export async function changePhoneAnswer(turn: Turn): Promise<string> {
  const joined = turn.person.joined === true
  const [mine, stations] = await Promise.all([turn.client.cases(turn.person.personId).catch(() => []), stationsToAsk(turn)])
  if (!mine.length && !joined)
    return lines('您还没有在这里留过言，我们没有保存您的电话。', '以后留言时，在留言里写上您的电话，代表需要时会打给您。', '这句话不会转给代表。')
  return lines(
    joined
      ? '改留言里的电话：可以在小程序“我的—我的信息”里改；也可以请联络站的工作人员帮您改。'
      : '留言里的电话，在这里聊天改不了，要请联络站的工作人员帮您改。',
    stations.length === 1
      ? `办理您留言的是${stationWords(stations[0])}。`
      : stations.length
        ? lines('办理您留言的联络站：', ...stations.map((s) => `· ${stationWords(s)}`))
        : null,
    `请${stations.length ? '在接待日到联络站' : ''}告诉工作人员是哪条留言（发送"查询"可以看到留言编号）和新的电话，他们会转告代表。`,
    '已经办完、也不能再申请重新办理的留言，代表不会再打那个电话，不用改。',
    '这句话不会转给代表。',
  )
}
