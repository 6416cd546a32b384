/**
 * What a person reads when a choice names something by an id they never typed: picked from a
 * list that has changed since, or sent by a page left open. The words say what it was, never
 * the id (「未知的区县 "s0102"」 meant nothing to the congress office staff who read it).
 */
export const GONE = {
  district: '这个区县已不存在或不在您的管理范围内',
  area: '这个区县或街道已不存在或不在您的管理范围内',
  region: '这个地区已不存在，请重新选择',
  station: '这个联络站已不存在或不在您的管理范围内',
  deputy: '这位代表已不在代表名册中，请重新选择',
  staff: '这位工作人员已不在系统中，请重新选择',
  unit: '这个承办单位已不存在或已停用，请重新选择',
} as const

/** A place that exists but is not a district (a street, a community), named. */
export const notADistrict = (name: string) => `${name}不是区县`
