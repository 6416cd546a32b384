/** The toy corpus the topic model's tests read: each line counts for ten messages, as a corpus would hold ten of each kind. */
export const TOY_TOPICS = ['劳动就业', '教育', '其他']

export const TOY_EXAMPLES = [
  { text: '老板拖欠工资三个月', topic: '劳动就业', weight: 10 },
  { text: '工地拖欠工资不给', topic: '劳动就业', weight: 10 },
  { text: '学校作业太多', topic: '教育', weight: 10 },
  { text: '孩子学校放学太早', topic: '教育', weight: 10 },
  { text: '谢谢代表', topic: '其他', weight: 10 },
]
