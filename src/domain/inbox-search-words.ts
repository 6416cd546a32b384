/**
 * What the console's inbox says about a search or a filter that cannot find what the clerk means (review 37): a
 * deputy's name typed in the search box (which finds words of messages, not who handles them), and a station she is
 * not responsible for typed into the address. Pure.
 */

/** Whose deputies and stations she sees: a station clerk's (本站), an office's (您辖区). */
export type InboxOwner = 'station' | 'region'

/** The name as she may type it: "刘志明" or "刘志明代表". */
export const typedDeputyName = (q: string): string => q.trim().replace(/代表$/, '')

/**
 * "“刘志明”是本站代表的名字。查找框只找留言里写的字；按代表查看，请用上面的“代表”筛选。": said above the list, with a
 * button that sets that filter, whatever the words found.
 */
export function deputyNamedText(name: string, owner: InboxOwner): string {
  return `“${name}”是${owner === 'station' ? '本站' : '您辖区'}代表的名字。查找框只找留言里写的字；按代表查看，请用上面的“代表”筛选。`
}

/**
 * A station filter (?stationId=…) for a station outside her scope, or none at all: said alike, naming nothing of it,
 * so that the address cannot be used to learn which stations exist or what they are called.
 */
export const STATION_OUTSIDE = '不在您的范围'
export function stationOutsideText(owner: InboxOwner): string {
  return owner === 'station' ? '这个联络站不归本站负责，列表里不会有它的留言。' : '这个联络站不在您的辖区，列表里不会有它的留言。'
}
