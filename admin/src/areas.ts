import type { RouteRecordRaw } from 'vue-router'
import type { MenuItem } from './menu-item'
import { UNIT_KEEPERS } from './access'
import type { Role } from './session'

const OFFICE: Role[] = ['organizer', 'admin']
const ADMIN: Role[] = ['admin']
const ALL: Role[] = ['station_staff', 'organizer', 'admin']
const UNIT: Role[] = ['unit_staff']

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
  { path: 'meetings', component: () => import('./views/meetings/MeetingList.vue'), meta: { title: '会议活动' } },
  { path: 'meetings/attendance', component: () => import('./views/meetings/AttendanceReport.vue'), meta: { title: '出席统计' } },
  { path: 'meetings/new', component: () => import('./views/meetings/MeetingCreate.vue'), meta: { title: '新建会议' } },
  { path: 'meetings/:id', component: () => import('./views/meetings/MeetingDetail.vue'), meta: { title: '会议详情' } },
  { path: 'surveys', component: () => import('./views/surveys/SurveyList.vue'), meta: { title: '问卷与票决' } },
  { path: 'surveys/new', component: () => import('./views/surveys/SurveyBuilder.vue'), meta: { title: '新建问卷' } },
  { path: 'surveys/:id', component: () => import('./views/surveys/SurveyDetail.vue'), meta: { title: '问卷详情' } },
  { path: 'campaigns', component: () => import('./views/campaigns/CampaignList.vue'), meta: { title: '学习宣传' } },
  { path: 'campaigns/:id', component: () => import('./views/campaigns/CampaignDetail.vue'), meta: { title: '学习活动' } },
  { path: 'quizzes', component: () => import('./views/quizzes/QuizList.vue'), meta: { title: '知识竞赛' } },
  { path: 'quizzes/:id', component: () => import('./views/quizzes/QuizDetail.vue'), meta: { title: '知识竞赛详情' } },
  { path: 'calendar', component: () => import('./views/calendar/BusinessCalendar.vue'), meta: { title: '工作日历' } },
  { path: 'directory', component: () => import('./views/directory/Directory.vue'), meta: { title: '名册' } },
  { path: 'directory/import', component: () => import('./views/directory/DirectoryImport.vue'), meta: { title: '导入名册' } },
  { path: 'outbox', component: () => import('./views/admin/Outbox.vue'), meta: { title: '消息发送情况' } },
  { path: 'audit', component: () => import('./views/admin/AuditLog.vue'), meta: { title: '操作记录' } },
  { path: 'staff', component: () => import('./views/admin/StaffAccounts.vue'), meta: { title: '账号与角色' } },
  // 分析研判 (issue 15)
  { path: 'analysis/hot-issues', component: () => import('./views/analysis/HotIssues.vue'), meta: { title: '热点问题' } },
  { path: 'analysis/weekly-report', component: () => import('./views/analysis/WeeklyReport.vue'), meta: { title: '分析周报' } },
  { path: 'analysis/trends', component: () => import('./views/analysis/Trends.vue'), meta: { title: '趋势' } },
  { path: 'analysis/publications', component: () => import('./views/analysis/Publications.vue'), meta: { title: '公开选登' } },
  // 履职档案 (issue 16)
  { path: 'records', component: () => import('./views/records/RecordList.vue'), meta: { title: '履职档案' } },
  { path: 'record-activities', component: () => import('./views/records/ActivityReview.vue'), meta: { title: '履职活动审核' } },
  { path: 'record-rules', component: () => import('./views/records/PointRules.vue'), meta: { title: '积分规则' } },
  { path: 'records/:id', component: () => import('./views/records/RecordDetail.vue'), meta: { title: '履职档案' } },
  { path: 'records/:id/report', component: () => import('./views/records/AnnualReport.vue'), meta: { title: '述职报告' } },
  // 民生实事项目 (issue 16): the office's year, and a unit's own projects
  { path: 'projects', component: () => import('./views/projects/LivelihoodCycles.vue'), meta: { title: '民生实事' } },
  { path: 'unit/projects', component: () => import('./views/projects/UnitProjects.vue'), meta: { title: '民生实事' } },
  // 代表建议 (issue 16): the office's pages, the units list, and the handling units' own
  { path: 'suggestions', component: () => import('./views/suggestions/SuggestionList.vue'), meta: { title: '代表建议' } },
  { path: 'suggestions/stats', component: () => import('./views/suggestions/SuggestionStats.vue'), meta: { title: '建议办理统计' } },
  { path: 'suggestions/:id', component: () => import('./views/suggestions/SuggestionDetail.vue'), meta: { title: '建议详情' } },
  { path: 'units', component: () => import('./views/units/UnitList.vue'), meta: { title: '承办单位' } },
  { path: 'unit/suggestions', component: () => import('./views/unit/AssignedList.vue'), meta: { title: '交办建议' } },
  { path: 'unit/suggestions/:id', component: () => import('./views/unit/AssignedDetail.vue'), meta: { title: '交办建议详情' } },
]

export const areaMenu: MenuItem[] = [
  // part B: menu entries go here
  { path: '/meetings', title: '会议活动', roles: OFFICE, group: '组织工作' },
  { path: '/surveys', title: '问卷与票决', roles: OFFICE, group: '组织工作' },
  { path: '/campaigns', title: '学习宣传', roles: OFFICE, group: '组织工作' },
  { path: '/quizzes', title: '知识竞赛', roles: OFFICE, group: '组织工作' },
  { path: '/directory', title: '名册', roles: OFFICE, group: '基础信息' },
  { path: '/calendar', title: '工作日历', roles: OFFICE, group: '基础信息' },
  { path: '/outbox', title: '消息发送情况', roles: ADMIN, group: '系统管理' },
  // Read-only for the office: an organizer of districts or streets reads its own part of it (services/audit.ts readFor).
  { path: '/audit', title: '操作记录', roles: OFFICE, group: '系统管理' },
  { path: '/staff', title: '账号与角色', roles: ADMIN, group: '系统管理' },
  { path: '/analysis/hot-issues', title: '热点问题', roles: ALL, group: '分析研判' },
  { path: '/analysis/weekly-report', title: '分析周报', roles: OFFICE, group: '分析研判' },
  { path: '/analysis/trends', title: '趋势', roles: ALL, group: '分析研判' },
  { path: '/analysis/publications', title: '公开选登', roles: ALL, group: '分析研判' },
  { path: '/records', title: '履职档案', roles: ALL, group: '代表履职' },
  { path: '/record-activities', title: '履职活动审核', roles: ALL, group: '代表履职' },
  { path: '/record-rules', title: '积分规则', roles: OFFICE, group: '代表履职' },
  { path: '/projects', title: '民生实事', roles: ALL, group: '组织工作' },
  { path: '/suggestions', title: '代表建议', roles: OFFICE, group: '建议办理' },
  { path: '/suggestions/stats', title: '建议办理统计', roles: OFFICE, group: '建议办理' },
  { path: '/units', title: '承办单位', roles: [...UNIT_KEEPERS], group: '基础信息' },
  // A handling unit's staff have this one page and nothing else (every other console API is closed to them).
  { path: '/unit/suggestions', title: '交办建议', roles: UNIT, group: '建议办理' },
  { path: '/unit/projects', title: '民生实事', roles: UNIT, group: '民生实事' },
]
