import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { whenUnauthorized } from './api'
import { areaRoutes } from './areas'
import { homeOf, mayOpen } from './menu'
import { loadSession, session } from './session'
import { isPageLoadFailure, pageCouldNotLoad } from './stale-build'
import { loadAllComponents } from './tdesign'
import { prefetchDashboard } from './views/dashboard/dashboard-data'
import Layout from './views/Layout.vue'
import Login from './views/Login.vue'

/**
 * The case pages (part A). Pages load lazily so the first screen stays small; the login page
 * and the dashboard (`firstScreen`) need only the components of the first script.
 */
const caseRoutes: RouteRecordRaw[] = [
  { path: 'cases', component: () => import('./views/cases/CaseList.vue'), meta: { title: '留言办理' } },
  { path: 'cases/:id', component: () => import('./views/cases/CaseDetail.vue'), meta: { title: '留言详情' } },
  {
    path: 'dashboard',
    component: () => import('./views/dashboard/Dashboard.vue'),
    meta: { title: '工作概览', firstScreen: true, prefetch: prefetchDashboard },
  },
  { path: 'stats', component: () => import('./views/dashboard/Stats.vue'), meta: { title: '统计分析' } },
  { path: 'deputies', component: () => import('./views/station/Deputies.vue'), meta: { title: '代表与值班' } },
  { path: 'posters', component: () => import('./views/station/Posters.vue'), meta: { title: '二维码海报' } },
  { path: 'binding-codes', component: () => import('./views/station/BindingCodes.vue'), meta: { title: '绑定码' } },
]

const NOT_YOURS = 'not-yours'

/** The one screen of someone signed in with a password an admin gave them. */
const FIRST_PASSWORD = '/first-password'

const routes: RouteRecordRaw[] = [
  { path: '/login', component: Login, meta: { title: '登录', public: true, firstScreen: true } },
  // Outside the shell: while a password an admin gave is still to be changed, nothing else is open.
  { path: FIRST_PASSWORD, component: () => import('./views/account/FirstPassword.vue'), meta: { title: '请先设置新密码', firstScreen: true } },
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', redirect: () => (session.staff ? homeOf(session.staff.role) : '/login') },
      ...caseRoutes,
      ...areaRoutes,
      // Where a typed address of another role's page lands: why, in words, and the way home.
      { path: NOT_YOURS, component: () => import('./views/NotYours.vue'), meta: { title: '没有这一页' } },
      // Every role, so in no menu: reached from the header.
      { path: 'password', component: () => import('./views/account/ChangePassword.vue'), meta: { title: '修改密码' } },
      { path: ':pathMatch(.*)*', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach(async (to) => {
  const staff = await loadSession().catch(() => null)
  if (to.meta.public) return staff && to.path === '/login' ? homeOf(staff.role) : true
  if (!staff) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (staff.mustChangePassword) return to.path === FIRST_PASSWORD ? true : FIRST_PASSWORD
  if (to.path === FIRST_PASSWORD) return homeOf(staff.role)
  // A handling unit's staff have one page of their own: anything else is home. The congress's staff are told why.
  if (!mayOpen(staff.role, to.path)) return staff.role === 'unit_staff' ? homeOf(staff.role) : { path: `/${NOT_YOURS}`, query: { page: to.path } }
  // What the page will wait for starts now, beside the loading of its scripts.
  const prefetch = to.meta.prefetch as (() => void) | undefined
  prefetch?.()
  if (!to.meta.firstScreen) await loadAllComponents()
  return true
})

// A page's files gone after an update (a tab opened before it): opened again with the new build, once, else said with 刷新.
router.onError((err, to) => {
  if (isPageLoadFailure(err)) return pageCouldNotLoad(router.resolve(to).href)
  // Anything else is logged as vue-router does when nobody listens.
  console.error(err)
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) ?? '管理后台'} · 人大代表联络站`
})

whenUnauthorized(() => {
  session.staff = null
  session.ended = true
  const here = router.currentRoute.value
  if (!here.meta.public) void router.push({ path: '/login', query: { next: here.fullPath } })
})
