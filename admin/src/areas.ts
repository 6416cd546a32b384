import type { RouteRecordRaw } from 'vue-router'
import type { MenuItem } from './menu'

/**
 * The organizers' other areas (issue 14, part B): meetings, campaigns, quizzes, surveys,
 * directory, calendar, outbox, audit, staff. Add each area's routes and menu entries HERE
 * (views under views/<area>/, loaded lazily), so the case pages and these merge apart.
 *
 * Example:
 *   areaRoutes: { path: 'meetings', component: () => import('./views/meetings/MeetingList.vue'), meta: { title: '会议活动' } }
 *   areaMenu:   { path: '/meetings', title: '会议活动', roles: ['organizer', 'admin'] }
 */
export const areaRoutes: RouteRecordRaw[] = [
  // part B: routes go here
]

export const areaMenu: MenuItem[] = [
  // part B: menu entries go here
]
