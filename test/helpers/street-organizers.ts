import { STAFF_PASSWORD } from '../fixtures.js'
import { meetingCity } from './meetings.js'

/**
 * meetingCity with an organizer for each street of 湛河区: 吴敏 of 轻工街道 (s0101: stations
 * 轻工街道代表联络站 st001 and 光明社区代表联络点 st003) and 郑华 of 马庄街道 (s0102: st002).
 */
export function streetCity() {
  const city = meetingCity()
  city.staff.push(
    { id: 'sf07', name: '吴敏', role: 'organizer', stationIds: [], regionIds: ['s0101'], username: 'wumin', password: STAFF_PASSWORD },
    { id: 'sf08', name: '郑华', role: 'organizer', stationIds: [], regionIds: ['s0102'], username: 'zhenghua', password: STAFF_PASSWORD },
  )
  return city
}
